package org.anneal.nodes.uncertainty;

import java.util.List;
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

// usesDevice: a network's members train on the device, so device, backend and threads enter the cache key (as model.network's)
@NodeType(id = "model.ensemble", title = "Seed ensemble", phase = Phase.MODEL, role = LeakageRole.STATELESS, usesDevice = true,
        doc = """
                Uncertainty from disagreement: wraps the incoming learner so that Fit trains `members` copies on the same \
                training rows, each with its own seed (for a network: its own initial weights and minibatch order — a deep \
                ensemble). A regressor predicts the members' mean with their standard deviation as `prediction_sd` \
                (evaluate.regression then reports `coverage_95`, plot.calibration draws observed against nominal coverage); a \
                classifier averages the members' class probabilities. The spread says where the members were free to \
                disagree — far from the training rows it grows — but not how noisy single measurements are, so its \
                intervals are usually too narrow on noisy data: evaluate.conformal calibrates them. A gradient-trained \
                learner still takes its loss and optimizer at Fit, and every member gets them. Unlike \
                model.bootstrap-ensemble, no member sees a resample: only the seed differs.""")
public final class SeedEnsembleNode implements Node<SeedEnsembleNode.Params> {

    public record Params(
            @Param(doc = "Number of members (seeds)", def = "5", min = 2, max = 100) int members) {
    }

    static final InPort<Learner> BASE = InPort.of("learner", DataKind.LEARNER, Learner.class, "The learner to train several times");
    static final OutPort<Learner> LEARNER = OutPort.of("ensemble", DataKind.LEARNER, Learner.class, "The ensemble, for a Fit node");

    @Override
    public Specs configure(Specs in, Params p, ConfigContext ctx) throws ConfigError {
        LearnerSpec base = in.learner(BASE);
        // no tunables: a tune node would vary the members' settings through the ensemble, which it cannot reach
        return Specs.of(LEARNER, new LearnerSpec(base.task(), base.numericFeaturesOnly(), base.gradientTrained(), List.of(),
                base.lineage(), List.of(), base.tensorFeatures()));
    }

    @Override
    public Outputs execute(Inputs in, Params p, ExecContext ctx) {
        return Outputs.of(LEARNER, SeedEnsembleLearner.of(in.get(BASE), p.members(), ctx.seed()));
    }
}
