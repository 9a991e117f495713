package org.anneal.nodes.pipeline;

import java.util.List;
import java.util.Map;
import org.anneal.data.Table;
import org.anneal.ml.FittedTransform;
import org.anneal.nodes.prepare.SelectKBestNode;
import org.anneal.spec.ExecContext;
import org.anneal.spec.LeakageRole;
import org.anneal.spec.NodeFailure;
import org.anneal.spec.NodeType;
import org.anneal.spec.Outputs;
import org.anneal.spec.Param;
import org.anneal.spec.Phase;

@NodeType(id = "pipeline.select-k-best", title = "Select k best (in pipeline)", phase = Phase.PREPARE, role = LeakageRole.STATELESS,
        usesTarget = true,
        doc = "Puts univariate feature selection (as prepare.select-k-best: |Pearson r| with a numeric target, ANOVA F with classes) "
                + "in front of a learner. The selection looks at the target, so it must be redone inside every fold: here it is, "
                + "because each fit chooses its k features from its own training rows. This is the honest way to cross-validate "
                + "feature selection on wide data (spectra, XRD bins); `k` can be tuned.")
public final class SelectKBestStepNode extends PipelineStepNode<SelectKBestStepNode.Params> {

    public record Params(@Param(doc = "How many features to keep", def = "10", min = 1, max = 1000000) int k) {
    }

    @Override
    protected PreprocessingStep step(Params p) {
        return new Step(p.k());
    }

    @Override
    protected List<String> tunable() {
        return List.of("k");
    }

    /** Keeps the k features most linked to the target on the training rows. */
    public record Step(int k) implements PreprocessingStep {
        @Override
        public String describe() {
            return "Select " + k + " best";
        }

        @Override
        public FittedStep fit(Table train, List<String> features, String target, ExecContext ctx) {
            Outputs o = PrepareNodes.fitOn(new SelectKBestNode(), new SelectKBestNode.Params(k), PrepareNodes.view(train, features, target), ctx);
            FittedTransform kept = (FittedTransform) o.get("state");
            return FittedStep.of(kept, train, kept.apply(train), features);
        }

        @Override
        public Map<String, Double> hyperparameters() {
            return Map.of("k", (double) k);
        }

        @Override
        public PreprocessingStep with(String hyperparameter, double value) {
            if (!hyperparameter.equals("k")) {
                return PreprocessingStep.super.with(hyperparameter, value);
            }
            if (value < 1 || value != Math.rint(value)) {
                throw new NodeFailure("k must be a whole number of at least 1, not " + value + ".", "Tune k over 1, 2, 5, 10, …");
            }
            return new Step((int) value);
        }
    }
}
