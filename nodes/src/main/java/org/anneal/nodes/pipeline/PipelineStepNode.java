package org.anneal.nodes.pipeline;

import java.util.List;
import org.anneal.spec.NodeDescriptor;
import org.anneal.spec.Retunable;
import org.anneal.ml.Learner;
import org.anneal.spec.ConfigContext;
import org.anneal.spec.ConfigError;
import org.anneal.spec.DataKind;
import org.anneal.spec.ExecContext;
import org.anneal.spec.InPort;
import org.anneal.spec.Inputs;
import org.anneal.spec.LearnerSpec;
import org.anneal.spec.Node;
import org.anneal.spec.OutPort;
import org.anneal.spec.Outputs;
import org.anneal.spec.Specs;

/**
 * Base of the LEARNER → LEARNER pipeline nodes: wraps the incoming learner in a {@link PreprocessedLearner} with
 * this node's {@link PreprocessingStep}. These nodes never see rows (their role is STATELESS): the step is fitted
 * later, by whatever fits the learner, on exactly the rows it is given. The two ports are declared here once;
 * the descriptor reads them, and the {@code Params} a subclass binds, through the class hierarchy. The members are
 * the {@code InPipeline} classes nested in the {@code prepare.*} node whose {@link ColumnTransform} they run, so each
 * transform is declared in one file.
 */
public abstract class PipelineStepNode<P extends Record> implements Node<P> {
    protected static final InPort<Learner> LEARNER_IN = InPort.of("learner", DataKind.LEARNER, Learner.class,
            "The learner (or pipeline) that runs after this step");
    protected static final OutPort<Learner> PIPELINE_OUT = OutPort.of("pipeline", DataKind.LEARNER, Learner.class,
            "The step followed by the learner, as one learner: for Fit, Cross-validate, Tune or another pipeline step");

    /** The recipe these params describe. */
    protected abstract PreprocessingStep step(P params);

    private NodeDescriptor descriptor;

    /** True for a step that turns categorical features into numbers, so a numbers-only learner behind it takes categories. */
    protected boolean encodesCategories() {
        return false;
    }

    /** Refuses a learner the step cannot precede; the default accepts every learner. */
    protected void check(LearnerSpec learner, P params) throws ConfigError {
    }

    @Override
    public Specs configure(Specs in, P params, ConfigContext ctx) throws ConfigError {
        LearnerSpec learner = in.learner(LEARNER_IN);
        check(learner, params);
        LearnerSpec out = tunables().isEmpty() ? learner : learner.withTunables(tunables()).offeredBy(descriptor().id());
        // the lineage passes through untouched: a recipe has seen no rows
        return Specs.of(PIPELINE_OUT, encodesCategories() ? out.acceptingCategories() : out);
    }

    @Override
    public Outputs execute(Inputs in, P params, ExecContext ctx) {
        PreprocessingStep step = tunables().isEmpty() ? step(params) : new TunedStep<>(new Retunable<>(descriptor(), params, this::step));
        return Outputs.of(PIPELINE_OUT, new PreprocessedLearner(step, in.get(LEARNER_IN)));
    }

    /** The step settings a tune node may vary: the params declared {@code @Param(tunable = true)}. */
    private List<String> tunables() {
        return descriptor().tunables();
    }

    private NodeDescriptor descriptor() {
        if (descriptor == null) {
            descriptor = NodeDescriptor.of(this); // read once per node object; the declaration does not change
        }
        return descriptor;
    }
}
