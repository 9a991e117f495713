package org.anneal.nodes.pipeline;

import java.util.List;
import org.anneal.data.Table;
import org.anneal.ml.FittedTransform;
import org.anneal.ml.Learner;
import org.anneal.nodes.prepare.ImputeNode;
import org.anneal.spec.ExecContext;
import org.anneal.spec.InPort;
import org.anneal.spec.LeakageRole;
import org.anneal.spec.Node;
import org.anneal.spec.NodeType;
import org.anneal.spec.OutPort;
import org.anneal.spec.Outputs;
import org.anneal.spec.Param;
import org.anneal.spec.Phase;

@NodeType(id = "pipeline.impute", title = "Impute (in pipeline)", phase = Phase.PREPARE, role = LeakageRole.STATELESS,
        doc = "Puts missing-value imputation in front of a learner: the fill values (mean, median or most frequent value) are "
                + "learnt on the rows the learner is trained on — each fold's training rows under Cross-validate — and the same "
                + "numbers fill the rows it predicts. Same arithmetic as prepare.impute. With mean or median only numeric features "
                + "are filled; most-frequent fills categorical ones too.")
public final class ImputeStepNode extends PipelineStepNode<ImputeStepNode.Params> implements Node<ImputeStepNode.Params> {

    public record Params(
            @Param(doc = "What to fill with", def = "\"mean\"") ImputeNode.Strategy strategy) {
    }

    static final InPort<Learner> LEARNER = LEARNER_IN;
    static final OutPort<Learner> PIPELINE = PIPELINE_OUT;

    @Override
    protected PreprocessingStep step(Params p) {
        return new Step(p.strategy());
    }

    /** Learns one fill value per feature on the training rows. */
    public record Step(ImputeNode.Strategy strategy) implements PreprocessingStep {
        @Override
        public String describe() {
            return "Impute (" + org.anneal.spec.Choices.name(strategy) + ")";
        }

        @Override
        public FittedStep fit(Table train, List<String> features, String target, ExecContext ctx) {
            List<String> cols = strategy == ImputeNode.Strategy.MOST_FREQUENT ? features : PrepareNodes.numeric(train, features);
            Outputs o = PrepareNodes.fitOn(new ImputeNode(), new ImputeNode.Params(cols, strategy), train, ctx);
            return FittedStep.of((FittedTransform) o.get("state"), train, (Table) o.get("out"), features);
        }
    }
}
