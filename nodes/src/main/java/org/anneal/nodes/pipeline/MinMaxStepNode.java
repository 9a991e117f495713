package org.anneal.nodes.pipeline;

import java.util.List;
import org.anneal.data.Table;
import org.anneal.ml.FittedTransform;
import org.anneal.nodes.prepare.MinMaxNode;
import org.anneal.spec.ExecContext;
import org.anneal.spec.LeakageRole;
import org.anneal.spec.NodeType;
import org.anneal.spec.Outputs;
import org.anneal.spec.Phase;

@NodeType(id = "pipeline.min-max", title = "Min-max scale (in pipeline)", phase = Phase.PREPARE, role = LeakageRole.STATELESS,
        doc = "Puts min-max scaling (as prepare.minmax: x' = (x − min) / (max − min)) in front of a learner; minimum and maximum "
                + "are learnt on the rows the learner is trained on, so held-out rows may land outside [0, 1], as new samples would.")
public final class MinMaxStepNode extends PipelineStepNode<MinMaxStepNode.Params> {

    public record Params() {
    }

    @Override
    protected PreprocessingStep step(Params p) {
        return new Step();
    }

    /** Learns each numeric feature's range on the training rows. */
    public record Step() implements PreprocessingStep {
        @Override
        public String describe() {
            return "Min-max";
        }

        @Override
        public FittedStep fit(Table train, List<String> features, String target, ExecContext ctx) {
            Outputs o = PrepareNodes.fitOn(new MinMaxNode(), new MinMaxNode.Params(PrepareNodes.numeric(train, features)), train, ctx);
            return FittedStep.of((FittedTransform) o.get("state"), train, (Table) o.get("out"), features);
        }
    }
}
