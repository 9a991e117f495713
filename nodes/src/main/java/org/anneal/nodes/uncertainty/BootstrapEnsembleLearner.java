package org.anneal.nodes.uncertainty;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.anneal.data.Table;
import org.anneal.ml.Learner;
import org.anneal.ml.TrainedModel;
import org.anneal.spec.ExecContext;
import org.anneal.spec.NodeFailure;
import org.anneal.spec.Task;

/**
 * Bagging with the spread kept: {@code members} copies of {@code base}, each fitted on a bootstrap resample (n rows drawn
 * with replacement), predict by their mean; their standard deviation is the model's uncertainty about the mean. With
 * {@code withNoise} the out-of-bag residual variance is added, so the intervals also cover the scatter of single
 * measurements and can be compared with a Gaussian process's (which includes its fitted noise).
 */
public record BootstrapEnsembleLearner(Learner base, int members, boolean withNoise, long seed) implements Learner {

    @Override
    public Task task() {
        return base.task();
    }

    @Override
    public String describe() {
        return "Bootstrap ensemble of " + members + " × " + base.describe();
    }

    @Override
    public TrainedModel fit(Table train, List<String> features, String target, ExecContext ctx) {
        int n = train.rowCount();
        if (n < 2) {
            throw new NodeFailure("A bootstrap ensemble needs at least 2 training rows, not " + n + ".", "Check the split and filters upstream.");
        }
        SplittableRandom random = new SplittableRandom(seed);
        List<TrainedModel> fitted = new ArrayList<>(members);
        double[] oobSum = new double[n];
        int[] oobCount = new int[n];
        for (int b = 0; b < members; b++) {
            ctx.checkCancelled();
            int[] rows = new int[n];
            boolean[] inBag = new boolean[n];
            for (int i = 0; i < n; i++) {
                rows[i] = random.nextInt(n);
                inBag[rows[i]] = true;
            }
            TrainedModel m = base.fit(train.rows(rows), features, target, ctx);
            fitted.add(m);
            if (withNoise) {
                int[] out = java.util.stream.IntStream.range(0, n).filter(i -> !inBag[i]).toArray();
                if (out.length > 0) {
                    double[] p = m.predict(train.rows(out));
                    for (int k = 0; k < out.length; k++) {
                        oobSum[out[k]] += p[k];
                        oobCount[out[k]]++;
                    }
                }
            }
            ctx.progress((b + 1.0) / members);
        }
        double noiseVariance = withNoise ? outOfBagVariance(train.numeric(target).values(), oobSum, oobCount) : 0;
        return new BootstrapEnsembleModel(describe(), target, List.copyOf(features), List.copyOf(fitted), noiseVariance);
    }

    /** Mean squared out-of-bag residual over the rows some member left out (about a third of the members leave out each row). */
    static double outOfBagVariance(double[] truth, double[] oobSum, int[] oobCount) {
        double sse = 0;
        int used = 0;
        for (int i = 0; i < truth.length; i++) {
            if (oobCount[i] > 0) {
                double r = truth[i] - oobSum[i] / oobCount[i];
                sse += r * r;
                used++;
            }
        }
        return used == 0 ? 0 : sse / used;
    }
}
