package org.anneal.nodes.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.anneal.data.Column;
import org.anneal.data.Table;
import org.anneal.ml.FittedTransform;

/**
 * What a {@link PreprocessingStep} learnt on the training rows.
 *
 * @param transform the learnt state, applied unchanged to every later table
 * @param train     the training rows after the transform
 * @param features  the feature columns the inner learner fits on
 */
public record FittedStep(FittedTransform transform, Table train, List<String> features) {
    public FittedStep {
        features = List.copyOf(features);
    }

    /**
     * The features after a transform: the old ones that survived (a selection drops some) followed by the feature
     * columns the transform added (a polynomial expansion adds powers).
     */
    public static FittedStep of(FittedTransform transform, Table before, Table after, List<String> features) {
        Set<String> had = before.columns().stream().map(Column::name).collect(Collectors.toSet());
        List<String> out = new ArrayList<>();
        for (String f : features) {
            if (after.column(f).isPresent()) {
                out.add(f);
            }
        }
        for (Column c : after.features()) {
            if (!had.contains(c.name())) {
                out.add(c.name());
            }
        }
        return new FittedStep(transform, after, out);
    }
}
