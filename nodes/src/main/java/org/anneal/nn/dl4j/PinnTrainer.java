package org.anneal.nn.dl4j;

import java.util.List;
import java.util.Map;
import org.anneal.nn.pinn.PinnResult;
import org.anneal.nn.pinn.PinnSetup;
import org.anneal.spec.ExecContext;
import org.anneal.spec.NodeFailure;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.autodiff.samediff.api.OutAndGrad;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.schedule.ExponentialSchedule;
import org.nd4j.linalg.schedule.ScheduleType;

/**
 * Trains a physics-informed network (Raissi, Perdikaris and Karniadakis 2019) for a 1-D initial-value problem with
 * ND4J SameDiff. The network N(τ) reads τ = 2(t − t0)/(t1 − t0) − 1; a trial solution built on it holds the initial
 * condition exactly (Lagaris, Likas and Fotiadis 1998): u = u0 + scale·σ·N with σ = (t − t0)/(t1 − t0), or
 * u0 + v0·(t − t0) + scale·σ²·N for the oscillator, so the network cannot fall into the trivial solution u = 0 that a
 * soft initial-condition penalty lets it reach. {@link TangentMlp} carries dN/dτ (and d²N/dτ²) forward as ordinary
 * ops; the product rule and the change of variable (dτ/dt = 2/(t1 − t0)) give du/dt and d²u/dt² ({@link PinnGraph}).
 * The loss is a sum of dimensionless terms, each a SameDiff loss variable:
 * <ul>
 *   <li>physics: the mean over the collocation points of (residual / (scale·rate^order))², causally weighted;</li>
 *   <li>data (inverse problem): the mean of (u(tᵢ) − yᵢ)²/scale²; the rate is then a trainable variable, kept positive
 *   as exp(log rate).</li>
 * </ul>
 * Each step is one ordinary backward pass of SameDiff ({@code calculateGradientsAndOutputs}) and one Adam update per
 * variable (ND4J's own Adam); the learning rate decays tenfold over the steps so the last steps settle. The loss terms
 * are read from the same pass, so the history costs nothing extra.
 */
public final class PinnTrainer {
    static final int GRID = 201;
    /** ε of the causal weights: large enough that an unsolved start (squared residuals of order 1) hides the rest. */
    static final double CAUSALITY = 100;

    private PinnTrainer() {
    }

    public static PinnResult train(PinnSetup setup, ExecContext ctx) {
        return Dl4jRuntime.exclusive(ctx, () -> run(setup, ctx));
    }

    private static PinnResult run(PinnSetup s, ExecContext ctx) {
        PinnGraph g = PinnGraph.build(s, ctx.seed());
        Adam adam = new Adam(new ExponentialSchedule(ScheduleType.ITERATION, s.learningRate(), Math.pow(0.1, 1.0 / s.steps())));
        List<SDVariable> trainable = g.sd().variables().stream().filter(v -> v.getVariableType() == VariableType.VARIABLE).toList();
        List<String> names = trainable.stream().map(SDVariable::name).toList();
        Map<String, GradientUpdater> updaters = new java.util.HashMap<>();
        for (SDVariable v : trainable) {
            long n = v.getArr().length();
            updaters.put(v.name(), adam.instantiate(Nd4j.zeros(DataType.FLOAT, 1, adam.stateSize(n)), true));
        }
        List<String> losses = g.lossNames();
        List<String> outputs = new java.util.ArrayList<>(losses);
        outputs.add(PinnGraph.SCALED);
        int rows = (int) g.batch().size(0);
        double[] weights = new double[rows];
        java.util.Arrays.fill(weights, 0, g.collocation(), 1.0 / g.collocation());
        int steps = s.steps();
        double[][] history = new double[losses.size()][steps + 1];
        double[] rates = new double[steps + 1];
        long begin = System.nanoTime();
        for (int step = 0; step <= steps; step++) {
            Map<String, INDArray> feed = Map.of(PinnGraph.TAU, g.batch(), PinnGraph.CAUSAL, PinnGraph.column(weights));
            OutAndGrad og = g.sd().calculateGradientsAndOutputs(feed, outputs, names);
            double[] r = og.getOutputs().get(PinnGraph.SCALED).castTo(DataType.DOUBLE).data().asDouble();
            history[0][step] = causalWeights(r, g.collocation(), step == 0 ? meanSquare(r, g.collocation()) : history[0][0], weights);
            for (int k = 1; k < losses.size(); k++) {
                history[k][step] = og.getOutputs().get(losses.get(k)).getDouble(0);
            }
            rates[step] = g.rate();
            if (step == steps) {
                break; // the last pass only measures the loss of the trained network
            }
            for (SDVariable v : trainable) {
                INDArray grad = og.getGradients().get(v.name());
                updaters.get(v.name()).applyUpdater(grad, step, 0); // turns the gradient into Adam's step, in place
                v.getArr().subi(grad);
            }
            if (step % 50 == 0) {
                ctx.progress(step / (double) steps);
                ctx.checkCancelled();
            }
        }
        double seconds = (System.nanoTime() - begin) / 1e9;
        double[] t = grid(s, GRID);
        double[] tau = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            tau[i] = s.tau(t[i]);
        }
        Map<String, INDArray> out = g.sd().output(Map.of(PinnGraph.TAU, PinnGraph.column(tau)), "u", "residual");
        double[] u = out.get("u").castTo(DataType.DOUBLE).data().asDouble();
        double[] r = out.get("residual").castTo(DataType.DOUBLE).data().asDouble();
        for (double v : u) {
            if (!Double.isFinite(v)) {
                throw new NodeFailure("The PINN diverged: its solution is not a number after " + steps + " steps.",
                        "Lower the learning rate, or shorten the domain.");
            }
        }
        return new PinnResult(t, u, r, history[0], s.inverse() ? history[1] : null, g.rate(), rates, seconds);
    }

    /**
     * Causal weights (Wang, Sankaran and Perdikaris 2022) for the next step, written into {@code weights}: a collocation
     * point counts with exp(−ε·m), m = the mean squared residual of the points before it in units of {@code start}, the
     * mean before training; so later times matter only once earlier ones are solved. Without them a growing solution
     * (logistic growth) falls into u = 0, which satisfies the equation everywhere but near t0. Returns the plain mean
     * squared residual, the physics loss reported.
     */
    static double causalWeights(double[] scaled, int points, double start, double[] weights) {
        double before = 0;
        for (int i = 0; i < points; i++) {
            weights[i] = Math.exp(-CAUSALITY * before / (points * start)) / points;
            before += scaled[i] * scaled[i];
        }
        return before / points;
    }

    private static double meanSquare(double[] v, int n) {
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += v[i] * v[i];
        }
        return sum / n;
    }

    /** n evenly spaced times from t0 to t1, ends included. */
    static double[] grid(PinnSetup s, int n) {
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = s.domain().t0() + s.span() * i / (n - 1);
        }
        return t;
    }
}
