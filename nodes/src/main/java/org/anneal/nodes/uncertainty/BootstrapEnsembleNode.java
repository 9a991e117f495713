package org.anneal.nodes.uncertainty;

import org.anneal.ml.Learner;
import org.anneal.spec.ConfigContext;
import org.anneal.spec.ConfigError;
import org.anneal.spec.DataKind;
import org.anneal.spec.ExecContext;
import org.anneal.spec.InPort;
import org.anneal.spec.Inputs;
import org.anneal.spec.LeakageRole;
import org.anneal.spec.LearnerSpec;
import org.anneal.spec.Node;
import org.anneal.spec.NodeType;
import org.anneal.spec.OutPort;
import org.anneal.spec.Outputs;
import org.anneal.spec.Param;
import org.anneal.spec.Phase;
import org.anneal.spec.Specs;
import org.anneal.spec.Task;

@NodeType(id = "model.bootstrap-ensemble", title = "Bootstrap ensemble", phase = Phase.MODEL, role = LeakageRole.STATELESS,
        doc = """
                Uncertainty for any regressor: wraps the incoming learner so that Fit trains `members` copies, each on a \
                bootstrap resample of the training rows (as many rows, drawn with replacement, seeded), and predicts their \
                mean with their standard deviation as `prediction_sd` (evaluate.regression then reports `coverage_95`; \
                plot.calibration draws observed against nominal coverage). The spread of the members is the uncertainty about \
                the mean only; with `withNoise` the out-of-bag residual variance (each row scored by the members that never \
                saw it) is added, so the intervals cover single measurements like a Gaussian process's do. Trees gain most \
                from bagging; a linear model's members barely differ.""")
public final class BootstrapEnsembleNode implements Node<BootstrapEnsembleNode.Params> {

    public record Params(
            @Param(doc = "Number of members (bootstrap resamples)", def = "30", min = 2, max = 1000) int members,
            @Param(doc = "Add the out-of-bag residual variance to the members' spread", def = "true") boolean withNoise) {
    }

    static final InPort<Learner> BASE = InPort.of("learner", DataKind.LEARNER, Learner.class, "The regressor to bag");
    static final OutPort<Learner> LEARNER = OutPort.of("ensemble", DataKind.LEARNER, Learner.class, "The ensemble, for a Fit node");

    @Override
    public Specs configure(Specs in, Params p, ConfigContext ctx) throws ConfigError {
        LearnerSpec base = in.learner(BASE);
        if (base.task() != Task.REGRESSION) {
            throw ConfigError.atPort(BASE.name(), "A bootstrap ensemble gives intervals for regressors; this learner classifies.",
                    "Connect a regression learner (model.ridge, model.random-forest, …).");
        }
        if (base.gradientTrained()) {
            throw ConfigError.atPort(BASE.name(), "A gradient-trained learner takes its loss and optimizer at Fit, which an ensemble cannot pass on.",
                    "Bag a learner that is not trained by gradient steps (model.ridge, model.random-forest, …).");
        }
        return Specs.of(LEARNER, new LearnerSpec(Task.REGRESSION, base.numericFeaturesOnly(), false, java.util.List.of(), base.lineage()));
    }

    @Override
    public Outputs execute(Inputs in, Params p, ExecContext ctx) {
        return Outputs.of(LEARNER, new BootstrapEnsembleLearner(in.get(BASE), p.members(), p.withNoise(), ctx.seed()));
    }
}
