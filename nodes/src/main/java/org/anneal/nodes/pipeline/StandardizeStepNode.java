package org.anneal.nodes.pipeline;

import java.util.List;
import org.anneal.data.Table;
import org.anneal.ml.FittedTransform;
import org.anneal.nodes.prepare.StandardizeNode;
import org.anneal.spec.ExecContext;
import org.anneal.spec.LeakageRole;
import org.anneal.spec.NodeType;
import org.anneal.spec.Outputs;
import org.anneal.spec.Param;
import org.anneal.spec.Phase;

@NodeType(id = "pipeline.standardize", title = "Standardize (in pipeline)", phase = Phase.PREPARE, role = LeakageRole.STATELESS,
        doc = "Puts a standardizer in front of a learner, like a step of scikit-learn's Pipeline: whenever the learner is fitted "
                + "(by Fit, by each fold of Cross-validate, by each candidate of Tune), the means and standard deviations are learnt "
                + "on exactly those training rows and reused unchanged on the rows it predicts. Wire a ridge learner through this node into "
                + "Cross-validate and every fold's held-out rows stay unseen. Same arithmetic as prepare.standardize "
                + "(sample sd; a constant column is only centred).")
public final class StandardizeStepNode extends PipelineStepNode<StandardizeStepNode.Params> {

    public record Params(
            @Param(doc = "Subtract the mean", def = "true") boolean withMean,
            @Param(doc = "Divide by the standard deviation", def = "true") boolean withStd) {
    }

    @Override
    protected PreprocessingStep step(Params p) {
        return new Step(p.withMean(), p.withStd());
    }

    /** Learns centre and scale of every numeric feature on the training rows. */
    public record Step(boolean withMean, boolean withStd) implements PreprocessingStep {
        @Override
        public String describe() {
            return "Standardize";
        }

        @Override
        public FittedStep fit(Table train, List<String> features, String target, ExecContext ctx) {
            List<String> cols = PrepareNodes.numeric(train, features);
            Outputs o = PrepareNodes.fitOn(new StandardizeNode(), new StandardizeNode.Params(cols, withMean, withStd), train, ctx);
            return FittedStep.of((FittedTransform) o.get("state"), train, (Table) o.get("out"), features);
        }
    }
}
