package org.anneal.nodes.uncertainty;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.anneal.data.Table;
import org.anneal.ml.GradientLearner;
import org.anneal.ml.Learner;
import org.anneal.ml.NativeWork;
import org.anneal.ml.TrainedModel;
import org.anneal.ml.loss.Loss;
import org.anneal.ml.optim.Optimizer;
import org.anneal.spec.ConfigError;
import org.anneal.spec.ExecContext;
import org.anneal.spec.Task;

/**
 * K copies of one learner that differ only in their seed (initial weights, minibatch order, tree draws), all fitted on
 * the same rows: a deep ensemble when the learner is a network. A regressor predicts the members' mean with their
 * standard deviation; a classifier the mean of their class probabilities.
 */
public record SeedEnsembleLearner(Learner base, int members, long seed) implements Learner {

    /** The ensemble as the value on the wire: a gradient-trained base keeps taking its loss and optimizer at Fit. */
    public static Learner of(Learner base, int members, long seed) {
        SeedEnsembleLearner e = new SeedEnsembleLearner(base, members, seed);
        return base instanceof GradientLearner ? new Gradient(e) : e;
    }

    @Override
    public Task task() {
        return base.task();
    }

    @Override
    public String describe() {
        return "Ensemble of " + members + " seeds × " + base.describe();
    }

    @Override
    public TrainedModel fit(Table train, List<String> features, String target, ExecContext ctx) {
        List<TrainedModel> fitted = new ArrayList<>(members);
        for (int k = 0; k < members; k++) {
            ctx.checkCancelled();
            fitted.add(base.fit(train, features, target, new Reseeded(ctx, memberSeed(seed, k))));
            ctx.progress((k + 1.0) / members);
        }
        if (task() == Task.REGRESSION) {
            return new BootstrapEnsembleModel(describe(), target, List.copyOf(features), List.copyOf(fitted), 0);
        }
        return new SeedEnsembleClassifier(describe(), List.copyOf(fitted));
    }

    /** Member k's seed: a SplitMix64 step from the node's seed, so members are far apart and the same in every run. */
    static long memberSeed(long seed, int k) {
        long z = seed + 0x9E3779B97F4A7C15L * (k + 1);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** The same ensemble of a gradient-trained learner: Fit's loss and optimizer go to every member. */
    public record Gradient(SeedEnsembleLearner ensemble) implements GradientLearner, NativeWork {
        private GradientLearner base() {
            return (GradientLearner) ensemble.base();
        }

        @Override
        public Loss loss() {
            return base().loss();
        }

        @Override
        public Optimizer optimizer() {
            return base().optimizer();
        }

        @Override
        public GradientLearner with(Loss loss, Optimizer optimizer) {
            return new Gradient(new SeedEnsembleLearner(base().with(loss, optimizer), ensemble.members(), ensemble.seed()));
        }

        @Override
        public Task task() {
            return ensemble.task();
        }

        @Override
        public String describe() {
            return ensemble.describe();
        }

        @Override
        public TrainedModel fit(Table train, List<String> features, String target, ExecContext ctx) {
            return ensemble.fit(train, features, target, ctx);
        }
    }

    /** The node's context with a member's seed: progress and cancellation still reach the node. */
    private record Reseeded(ExecContext outer, long seed) implements ExecContext {
        @Override
        public void checkCancelled() {
            outer.checkCancelled();
        }

        @Override
        public void progress(double fraction) {
            // members report their own progress from 0 to 1; the ensemble reports per member
        }

        @Override
        public void publish(String name, Object value) {
            outer.publish(name, value);
        }

        @Override
        public String device() {
            return outer.device();
        }

        @Override
        public Path resolve(String path, String param) throws ConfigError {
            return outer.resolve(path, param);
        }

        @Override
        public String nodeId() {
            return outer.nodeId();
        }
    }
}
