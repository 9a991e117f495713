package org.anneal.nodes.sciml;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.anneal.data.Column;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.ml.Metrics;
import org.anneal.ml.Plot;
import org.anneal.nn.dl4j.PinnTrainer;
import org.anneal.nn.pinn.OdeProblem;
import org.anneal.nn.pinn.PinnResult;
import org.anneal.nn.pinn.PinnSetup;
import org.anneal.spec.ColumnRole;
import org.anneal.spec.ColumnSpec;
import org.anneal.spec.ColumnType;
import org.anneal.spec.ConfigContext;
import org.anneal.spec.ConfigError;
import org.anneal.spec.DataKind;
import org.anneal.spec.ExecContext;
import org.anneal.spec.InPort;
import org.anneal.spec.Inputs;
import org.anneal.spec.LeakageRole;
import org.anneal.spec.Lineage;
import org.anneal.spec.Node;
import org.anneal.spec.NodeFailure;
import org.anneal.spec.NodeType;
import org.anneal.spec.OutPort;
import org.anneal.spec.Outputs;
import org.anneal.spec.Param;
import org.anneal.spec.Phase;
import org.anneal.spec.Specs;
import org.anneal.spec.TableSpec;
import org.anneal.spec.Task;
import org.anneal.spec.ValueSpec;

@NodeType(id = "model.pinn", title = "Physics-informed network (ODE)", phase = Phase.MODEL, role = LeakageRole.STATELESS, usesDevice = true,
        doc = """
                Solves a 1-D initial-value problem with a neural network trained on the equation itself, not on data (a PINN, \
                Raissi et al. 2019). Problems: exponential decay du/dt = −k·u; logistic growth du/dt = r·u·(1 − u/K); damped \
                oscillator d²u/dt² + 2ζω·du/dt + ω²·u = 0 (also needs the initial velocity v0); Newton cooling dT/dt = −h·(T − \
                T∞); JMAK transformation dX/dt = n·kⁿ·tⁿ⁻¹·(1 − X), whose solution is X = 1 − exp(−(k·t)ⁿ). `rate` is k, r, \
                ω, h or k; `second` is K, ζ, T∞ or the Avrami exponent n. **The chain rule it implements.** A tanh network \
                N(τ) reads τ = 2(t − t0)/(t1 − t0) − 1. Beside each layer's value it computes the value's derivative along τ \
                as ordinary operations: a linear layer z = a·W + b passes z' = a'·W (and z'' = a''·W); a tanh a = tanh(z) \
                gives a' = (1 − a²)·z' and a'' = (1 − a²)·z'' − 2·a·a'·z', starting from τ' = 1, τ'' = 0. The solution is \
                built so the initial condition holds exactly: u = u0 + S·σ·N with σ = (t − t0)/(t1 − t0) (oscillator: u = u0 + \
                v0·(t − t0) + S·σ²·N), S the size of the solution's change; the product rule gives du/dτ = S·(N/2 + σ·N'), \
                and du/dt = du/dτ · 2/(t1 − t0) (d²u/dt² with the square of that factor). The residual, e.g. du/dt + k·u, is \
                then an ordinary function of the weights, and one ordinary backward pass (SameDiff) gives the gradient of its \
                mean square over `collocation` evenly spaced times. Later times are weighted by exp(−ε·residual before them) \
                (causal training), so the network solves the start first instead of falling into u = 0. Adam for `epochs` \
                full-batch steps, the learning rate decaying tenfold. Wire measured points to `data` (a numeric feature = \
                time, the target = u) to make it an inverse problem: the rate becomes a trainable variable started at `rate`, \
                fitted to the points and the equation together; `estimated_rate` reports it. Outputs: the solution beside the \
                exact one on 201 times (table and plot), the residual over the domain, the loss history, and `max_abs_error` \
                (against the exact solution for the rate the network ended with), `rms_residual`, `final_physics_loss`.""")
public final class PinnNode implements Node<PinnNode.Params> {

    public record Params(
            @Param(doc = "The equation", def = "\"exponential-decay\"") OdeProblem problem,
            @Param(doc = "First coefficient: k (decay, JMAK), r (logistic), ω (oscillator, rad per time unit), h (Newton); "
                    + "the start value when data makes it an inverse problem", def = "1.0", min = 1e-6, max = 1e6) double rate,
            @Param(doc = "Second coefficient: K (logistic), ζ (oscillator), T∞ (Newton), Avrami n (JMAK); unused for decay",
                    def = "1.0", min = -1e6, max = 1e6) double second,
            @Param(doc = "Start of the domain (time of the initial condition)", def = "0", min = -1e6, max = 1e6) double t0,
            @Param(doc = "End of the domain", def = "5", min = -1e6, max = 1e6) double t1,
            @Param(doc = "u at t0", def = "1.0", min = -1e9, max = 1e9) double u0,
            @Param(doc = "du/dt at t0 (oscillator only)", def = "0", min = -1e9, max = 1e9) double v0,
            @Param(doc = "Collocation points: evenly spaced times where the residual is driven to zero", def = "64", min = 8,
                    max = 4096) int collocation,
            @Param(doc = "Units of each tanh hidden layer", def = "[20, 20]", min = 1, max = 512) List<Integer> hidden,
            @Param(doc = "Adam steps, each on every collocation point", def = "1500", min = 1, max = 100000) int epochs,
            @Param(doc = "Adam's starting learning rate (it decays tenfold over the steps)", def = "0.01", min = 1e-6, max = 1) double learningRate) {
    }

    static final InPort<Table> DATA = InPort.of("data", DataKind.TABLE, Table.class,
            "Measured points (one numeric feature = time, the target = u): makes it an inverse problem").optional();
    static final OutPort<Table> SOLUTION = OutPort.of("solution", DataKind.TABLE, Table.class,
            "t, u (network), u_exact, residual on 201 evenly spaced times");
    static final OutPort<Plot> PLOT = OutPort.of("plot", DataKind.PLOT, Plot.class, "The network's solution against the exact one");
    static final OutPort<Plot> RESIDUAL = OutPort.of("residual", DataKind.PLOT, Plot.class, "The equation's residual over the domain");
    static final OutPort<Plot> LOSS = OutPort.of("loss", DataKind.PLOT, Plot.class, "Loss terms per step (log scale values)");
    static final OutPort<Metrics> METRICS = OutPort.of("metrics", DataKind.METRICS, Metrics.class,
            "max_abs_error, rms_error, rms_residual, final_physics_loss (and estimated_rate, final_data_loss with data)");

    @Override
    public Specs configure(Specs in, Params p, ConfigContext ctx) throws ConfigError {
        String trouble = p.problem().problemWith(coefficients(p), domain(p));
        if (trouble != null) {
            int bar = trouble.indexOf('|');
            throw ConfigError.atParam(trouble.substring(0, bar), trouble.substring(bar + 1), "Change '" + trouble.substring(0, bar) + "'.");
        }
        if (p.hidden().isEmpty()) {
            throw ConfigError.atParam("hidden", "The network needs at least one hidden layer.", "Give layer sizes, e.g. [20, 20].");
        }
        Lineage lineage = Lineage.UNSPLIT;
        if (in.has(DATA)) {
            TableSpec data = in.table(DATA);
            ColumnSpec target = data.requireTarget(DATA.name());
            if (target.type() != ColumnType.NUMERIC || data.features().size() != 1 || data.features().get(0).type() != ColumnType.NUMERIC) {
                throw ConfigError.atPort(DATA.name(), "The data for an inverse PINN needs one numeric feature (time) and a numeric target (u); it has "
                        + data.features().size() + " feature(s) and a " + target.type().name().toLowerCase() + " target.",
                        "Keep only the time column as a feature (data source 'ignore') and set u as the target.");
            }
            lineage = data.lineage();
        }
        TableSpec solution = new TableSpec(List.of(new ColumnSpec("t", ColumnType.NUMERIC, ColumnRole.FEATURE),
                new ColumnSpec("u", ColumnType.NUMERIC, ColumnRole.PREDICTION), new ColumnSpec("u_exact", ColumnType.NUMERIC, ColumnRole.FEATURE),
                new ColumnSpec("residual", ColumnType.NUMERIC, ColumnRole.FEATURE)), lineage);
        ValueSpec plot = ValueSpec.of(DataKind.PLOT, lineage);
        return Specs.of(Map.of(SOLUTION.name(), solution, PLOT.name(), plot, RESIDUAL.name(), plot, LOSS.name(), plot,
                METRICS.name(), ValueSpec.of(DataKind.METRICS, lineage)));
    }

    static OdeProblem.Coefficients coefficients(Params p) {
        return new OdeProblem.Coefficients(p.rate(), p.second());
    }

    static OdeProblem.Domain domain(Params p) {
        return new OdeProblem.Domain(p.t0(), p.t1(), p.u0(), p.v0());
    }

    @Override
    public Outputs execute(Inputs in, Params p, ExecContext ctx) {
        double[][] data = in.get(DATA) == null ? null : points(in.get(DATA), p);
        PinnSetup setup = new PinnSetup(p.problem(), coefficients(p), domain(p), p.collocation(), p.hidden(), p.epochs(), p.learningRate(),
                data == null ? null : data[0], data == null ? null : data[1]);
        PinnResult r = PinnTrainer.train(setup, ctx);
        // the yardstick: the exact solution for the rate the network ended with (the estimate, for an inverse problem)
        OdeProblem.Coefficients fitted = new OdeProblem.Coefficients(r.rate(), p.second());
        double[] exact = new double[r.t().length];
        double maxErr = 0;
        double sumErr = 0;
        double sumRes = 0;
        for (int i = 0; i < exact.length; i++) {
            exact[i] = p.problem().exact(r.t()[i], fitted, domain(p));
            double e = Math.abs(r.u()[i] - exact[i]);
            maxErr = Math.max(maxErr, e);
            sumErr += e * e;
            sumRes += r.residual()[i] * r.residual()[i];
        }
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("max_abs_error", maxErr);
        m.put("rms_error", Math.sqrt(sumErr / exact.length));
        m.put("rms_residual", Math.sqrt(sumRes / exact.length));
        m.put("final_physics_loss", r.physicsLoss()[r.stepsDone()]);
        if (setup.inverse()) {
            m.put("estimated_rate", r.rate());
            m.put("final_data_loss", r.dataLoss()[r.stepsDone()]);
        }
        Table table = new Table(List.of(new NumericColumn("t", ColumnRole.FEATURE, r.t()), new NumericColumn("u", ColumnRole.PREDICTION, r.u()),
                new NumericColumn("u_exact", ColumnRole.FEATURE, exact), new NumericColumn("residual", ColumnRole.FEATURE, r.residual())));
        return Outputs.builder().put(SOLUTION, table).put(PLOT, PinnPlots.solution(p.problem(), r, exact, data, setup.inverse()))
                .put(RESIDUAL, PinnPlots.residual(p.problem(), r)).put(LOSS, PinnPlots.loss(r))
                .put(METRICS, new Metrics(Task.REGRESSION, m, 0)).build();
    }

    /** {times, values} of the measured points, inside the domain and complete. */
    private static double[][] points(Table data, Params p) {
        String target = data.target().map(Column::name).orElseThrow();
        String time = data.features().get(0).name();
        double[] t = data.numeric(time).values();
        double[] u = data.numeric(target).values();
        List<double[]> kept = new ArrayList<>();
        for (int i = 0; i < t.length; i++) {
            if (Double.isNaN(t[i]) || Double.isNaN(u[i])) {
                throw new NodeFailure("Data row " + (i + 1) + " has no " + (Double.isNaN(t[i]) ? time : target) + ".",
                        "Drop incomplete rows before the PINN.");
            }
            if (t[i] < p.t0() || t[i] > p.t1()) {
                throw new NodeFailure("Data row " + (i + 1) + " lies at " + time + " = " + t[i] + ", outside the domain [" + p.t0() + ", " + p.t1() + "].",
                        "Widen t0/t1 or filter the rows.");
            }
            kept.add(new double[] {t[i], u[i]});
        }
        if (kept.isEmpty()) {
            throw new NodeFailure("The data table has no rows.", "Wire measured points, or leave 'data' unwired for a forward problem.");
        }
        double[][] out = new double[2][kept.size()];
        for (int i = 0; i < kept.size(); i++) {
            out[0][i] = kept.get(i)[0];
            out[1][i] = kept.get(i)[1];
        }
        return out;
    }
}
