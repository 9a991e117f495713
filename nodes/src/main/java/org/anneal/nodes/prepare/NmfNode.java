package org.anneal.nodes.prepare;

import java.util.List;
import java.util.stream.IntStream;
import org.anneal.data.Table;
import org.anneal.ml.FittedTransform;
import org.anneal.spec.ColumnRole;
import org.anneal.spec.ColumnSpec;
import org.anneal.spec.ColumnType;
import org.anneal.spec.ColumnPlan;
import org.anneal.spec.ConfigContext;
import org.anneal.spec.ConfigError;
import org.anneal.spec.DataKind;
import org.anneal.spec.ExecContext;
import org.anneal.spec.InPort;
import org.anneal.spec.Inputs;
import org.anneal.spec.LeakageRole;
import org.anneal.spec.Node;
import org.anneal.spec.NodeType;
import org.anneal.spec.OutPort;
import org.anneal.spec.Outputs;
import org.anneal.spec.Param;
import org.anneal.spec.Phase;
import org.anneal.spec.Specs;

@NodeType(id = "prepare.nmf", title = "NMF (non-negative parts)", phase = Phase.PREPARE, role = LeakageRole.FIT,
        doc = """
                Non-negative matrix factorisation: learns `components` non-negative patterns over the chosen columns on the \
                `fit` rows, such that every row is approximately a non-negative mix of them, and replaces the columns of the \
                `data` rows by their mixing weights `nmf1, nmf2, …`. Unlike PCA's axes, which add and subtract, the parts only \
                add up, so they often read as physical ingredients: the pure-phase patterns in a set of XRD or Raman spectra, \
                the end members of a composition table. Needs non-negative values (raw intensities or fractions, not \
                standardized columns). `parts` shows each component's weight per column (unit length). Minimises the squared \
                error by coordinate descent from an NNDSVDa start (a seeded randomized SVD split into non-negative halves), as \
                scikit-learn's default, written out in Anneal (Tribuo has no NMF); the weights of the `data` rows are found \
                with the parts held fixed, each row on its own. It stops as scikit-learn's `NMF` does (same rule, same \
                defaults: `tolerance` 1e-4, at most 200 `iterations`), so the same data takes about as many rounds in both: a \
                round's violation is the sum of the sizes of the gradient steps it took (|projected gradient| over every weight \
                and every part entry), and the rounds stop when it falls to `tolerance` times the first round's. The `state` \
                says how many rounds ran and whether the limit cut them short.""")
public final class NmfNode implements Node<NmfNode.Params> {

    public record Params(
            @Param(doc = "Non-negative numeric columns to factorise; empty = every numeric feature", hint = Param.Hint.COLUMNS) List<String> columns,
            @Param(doc = "Number of parts", def = "2", min = 1, max = 1000) int components,
            @Param(doc = "Most update rounds (scikit-learn's max_iter)", def = "200", min = 1, max = 100000) int iterations,
            @Param(doc = "Stop when a round's violation (its summed |projected gradient|) falls to this fraction of the first round's (scikit-learn's tol); 0 runs every round",
                    def = "0.0001", min = 0) double tolerance) {
    }

    static final InPort<Table> FIT = InPort.of("fit", DataKind.TABLE, Table.class, "Rows the parts are learnt from (the training rows)").fitting();
    static final InPort<Table> DATA = InPort.of("data", DataKind.TABLE, Table.class, "Rows to express as mixes of the parts");
    static final OutPort<Table> OUT = OutPort.of("out", DataKind.TABLE, Table.class, "The rows with the columns replaced by nmf1, nmf2, …");
    static final OutPort<FittedTransform> STATE = OutPort.of("state", DataKind.TRANSFORMER, FittedTransform.class,
            "The learnt parts, to express other rows with an Apply node");
    static final OutPort<Table> PARTS = OutPort.of("parts", DataKind.TABLE, Table.class,
            "One row per input column, one column per part: the parts' patterns");

    @Override
    public Specs configure(Specs in, Params p, ConfigContext ctx) throws ConfigError {
        FitAndData fd = FitAndData.numeric(in, FIT, DATA, p.columns());
        List<String> cols = fd.columns();
        if (p.components() > cols.size()) {
            throw ConfigError.atParam("components", "NMF of " + cols.size() + " column(s) into " + p.components()
                    + " parts has more parts than columns.", "Set 'components' to " + cols.size() + " or fewer.");
        }
        List<ColumnSpec> weights = IntStream.range(0, p.components())
                .mapToObj(c -> new ColumnSpec(NmfFactors.weightName(c), ColumnType.NUMERIC, ColumnRole.FEATURE)).toList();
        return fd.planned(fd.outputs(OUT, STATE, fd.state(cols, weights)).put(PARTS, PcaNode.perColumnSpec(weights, fd.learnt())));
    }

    @Override
    public Outputs execute(Inputs in, Params p, ExecContext ctx) {
        Table fit = in.get(FIT);
        Table data = in.get(DATA);
        List<String> cols = in.plan(ColumnPlan.class, this, p, ctx).columns();
        NmfUpdates.Data x = NmfFactors.matrix(fit, cols);
        NmfFactors f = NmfFactors.fit(x, cols, p.components(), p.iterations(), p.tolerance(), ctx.seed(), ctx::checkCancelled);
        ctx.progress(0.8);
        Table parts = PcaNode.perColumnTable(cols, p.components(), NmfFactors::weightName, f.h());
        Table out = data == fit ? f.apply(data, x) : f.apply(data); // one table on both wires: its values are read once
        return Outputs.builder().put(OUT, out).put(STATE, f).put(PARTS, parts).build();
    }
}
