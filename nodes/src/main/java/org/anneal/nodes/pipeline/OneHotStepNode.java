package org.anneal.nodes.pipeline;

import java.util.ArrayList;
import java.util.List;
import org.anneal.data.CategoricalColumn;
import org.anneal.data.Table;
import org.anneal.ml.FittedTransform;
import org.anneal.nodes.prepare.OneHotNode;
import org.anneal.spec.ExecContext;
import org.anneal.spec.LeakageRole;
import org.anneal.spec.NodeType;
import org.anneal.spec.Outputs;
import org.anneal.spec.Phase;

@NodeType(id = "pipeline.one-hot", title = "One-hot encode (in pipeline)", phase = Phase.PREPARE, role = LeakageRole.STATELESS,
        doc = "Puts one-hot encoding of every categorical feature in front of a learner (as prepare.one-hot): the category lists "
                + "are learnt on the rows the learner is trained on, so a category seen only in a held-out fold becomes all zeros "
                + "there, exactly as it would for a new sample. A learner that needs numbers takes categorical features behind it.")
public final class OneHotStepNode extends PipelineStepNode<OneHotStepNode.Params> {

    public record Params() {
    }

    @Override
    protected PreprocessingStep step(Params p) {
        return new Step();
    }

    @Override
    protected boolean encodesCategories() {
        return true;
    }

    /** Learns the categories of each categorical feature on the training rows. */
    public record Step() implements PreprocessingStep {
        @Override
        public String describe() {
            return "One-hot";
        }

        @Override
        public FittedStep fit(Table train, List<String> features, String target, ExecContext ctx) {
            List<String> cols = new ArrayList<>();
            for (String f : features) {
                if (train.column(f).orElseThrow() instanceof CategoricalColumn) {
                    cols.add(f);
                }
            }
            if (cols.isEmpty()) {
                return new FittedStep(new Identity(), train, features);
            }
            Outputs o = PrepareNodes.fitOn(new OneHotNode(), new OneHotNode.Params(cols), train, ctx);
            return FittedStep.of((FittedTransform) o.get("state"), train, (Table) o.get("out"), features);
        }
    }

    /** Nothing to encode: the rows pass unchanged. */
    public record Identity() implements FittedTransform {
        @Override
        public String describe() {
            return "No categorical features";
        }

        @Override
        public List<String> columns() {
            return List.of();
        }

        @Override
        public Table apply(Table data) {
            return data;
        }
    }
}
