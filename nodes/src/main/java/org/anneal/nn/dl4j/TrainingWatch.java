package org.anneal.nn.dl4j;

import java.util.ArrayList;
import java.util.List;
import org.anneal.ml.Plot;
import org.anneal.spec.ExecContext;
import org.anneal.spec.NodeFailure;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.optimize.api.BaseTrainingListener;

/**
 * Listens to every minibatch step: answers a cancel (throwing from {@code iterationDone} aborts DL4J's fit), stops on a
 * NaN loss with the epoch named, reports progress, and publishes the loss curves so far a few times a second. Those
 * checks cost a few field reads per step; what grows with the run, the running minibatch loss, is sampled so that
 * drawing it stays bounded however many steps a fit takes.
 */
final class TrainingWatch extends BaseTrainingListener {
    /** The name the curves are published under (the same as the linear SGD learners use). */
    static final String LIVE_NAME = "loss";
    private static final long LIVE_INTERVAL_NANOS = 100_000_000L;
    private static final int MAX_STEP_POINTS = 2000;

    private final ExecContext ctx;
    private final int epochs;
    private final int stepsPerEpoch;
    private final List<double[]> steps = new ArrayList<>();
    private final List<Double> trainPerEpoch = new ArrayList<>();
    private final List<Double> validationPerEpoch = new ArrayList<>();
    private int epoch = 1;
    private long done;
    private long stride = 1;
    private long lastLive;

    TrainingWatch(ExecContext ctx, int epochs, int stepsPerEpoch) {
        this.ctx = ctx;
        this.epochs = epochs;
        this.stepsPerEpoch = stepsPerEpoch;
    }

    @Override
    public void iterationDone(Model model, int iteration, int ignoredEpoch) {
        ctx.checkCancelled();
        double loss = model.score();
        if (!Double.isFinite(loss)) {
            throw new NodeFailure("The loss became " + loss + " at epoch " + epoch + " — training diverged.",
                    "Lower the learning rate, or standardize the features first.");
        }
        done++;
        if (done % stride == 0) {
            steps.add(new double[] {(double) done / stepsPerEpoch, loss});
            if (steps.size() >= MAX_STEP_POINTS) { // keep every other point and take half as many from now on
                for (int i = 0; i < MAX_STEP_POINTS / 2; i++) {
                    steps.set(i, steps.get(2 * i + 1));
                }
                steps.subList(MAX_STEP_POINTS / 2, steps.size()).clear();
                stride *= 2;
            }
        }
        ctx.progress(Math.min(1.0, done / (double) ((long) epochs * stepsPerEpoch)));
        long now = System.nanoTime();
        if (now - lastLive >= LIVE_INTERVAL_NANOS) {
            lastLive = now;
            ctx.publish(LIVE_NAME, plot());
        }
    }

    /** Called after each epoch (and before the first) with its training and validation loss; validation NaN when not watched. */
    void epochDone(double trainLoss, double validationLoss) {
        trainPerEpoch.add(trainLoss);
        if (!Double.isNaN(validationLoss)) {
            validationPerEpoch.add(validationLoss);
        }
        epoch = trainPerEpoch.size();
    }

    /** Training (and validation) loss per epoch and the running minibatch loss, as evaluate.loss-curve draws them. */
    Plot plot() {
        List<Plot.Series> series = new ArrayList<>();
        series.add(Plot.Series.of("training loss", index(trainPerEpoch.size()), unbox(trainPerEpoch)));
        if (!validationPerEpoch.isEmpty()) {
            series.add(Plot.Series.of("validation loss", index(validationPerEpoch.size()), unbox(validationPerEpoch)));
        }
        double[] x = new double[steps.size()];
        double[] y = new double[steps.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = steps.get(i)[0];
            y[i] = steps.get(i)[1];
        }
        series.add(Plot.Series.of("minibatch loss", x, y));
        return Plot.of(Plot.Kind.LINE, "Network loss so far (epoch " + Math.max(0, trainPerEpoch.size() - 1) + ")", "epoch", "loss",
                series, List.of());
    }

    private static double[] index(int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i;
        }
        return x;
    }

    private static double[] unbox(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
