package org.anneal.nodes.pipeline;

import java.util.ArrayList;
import java.util.List;
import org.anneal.data.CategoricalColumn;
import org.anneal.data.Table;
import org.anneal.nodes.prepare.TargetEncoding;
import org.anneal.spec.ExecContext;
import org.anneal.spec.LeakageRole;
import org.anneal.spec.NodeType;
import org.anneal.spec.Param;
import org.anneal.spec.Phase;

@NodeType(id = "pipeline.target-encode", title = "Target-encode (in pipeline)", phase = Phase.PREPARE, role = LeakageRole.STATELESS,
        doc = "Puts target encoding of categorical features in front of a learner (as prepare.target-encode: the smoothed mean "
                + "target per category). Target encoding learns from the target, so fitted on all rows it leaks the answer into the "
                + "features (rule L3); as a pipeline step it is learnt anew on the training rows of every fold of Cross-validate, every "
                + "candidate of Tune and the rows given to Fit, so the held-out rows never inform their own encoding. A category seen "
                + "only in held-out rows gets the overall mean of the training rows.")
public final class TargetEncodeStepNode extends PipelineStepNode<TargetEncodeStepNode.Params> {

    public record Params(
            @Param(doc = "Categorical features to encode; empty = every categorical feature", hint = Param.Hint.COLUMNS) List<String> columns,
            @Param(doc = "Smoothing m: how many rows' worth of weight the overall mean gets (0 = raw category means)", def = "10", min = 0,
                    max = 1e6) double smoothing,
            @Param(doc = "For a two-class target: the class whose share is encoded; empty = the target's second category", def = "\"\"")
            String positiveClass) {
    }

    @Override
    protected PreprocessingStep step(Params p) {
        return new Step(p.columns() == null ? List.of() : p.columns(), p.smoothing(), p.positiveClass() == null ? "" : p.positiveClass());
    }

    @Override
    protected boolean encodesCategories() {
        return true;
    }

    /** Learns the category means on the training rows it is given. */
    public record Step(List<String> columns, double smoothing, String positiveClass) implements PreprocessingStep {
        @Override
        public String describe() {
            return "Target-encode (m = " + smoothing + ")";
        }

        @Override
        public FittedStep fit(Table train, List<String> features, String target, ExecContext ctx) {
            List<String> cols = new ArrayList<>();
            for (String f : features) {
                boolean listed = columns.isEmpty() || columns.contains(f);
                if (listed && train.column(f).orElseThrow() instanceof CategoricalColumn) {
                    cols.add(f);
                }
            }
            if (cols.isEmpty()) {
                return new FittedStep(new OneHotStepNode.Identity(), train, features);
            }
            TargetEncoding encoding = TargetEncoding.fit(train, cols, smoothing, positiveClass);
            return FittedStep.of(encoding, train, encoding.apply(train), features);
        }
    }
}
