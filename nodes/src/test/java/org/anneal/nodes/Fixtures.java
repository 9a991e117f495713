package org.anneal.nodes;

import java.util.List;
import java.util.Map;
import org.anneal.data.CategoricalColumn;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.spec.ColumnRole;
import org.anneal.spec.Inputs;

/** Small tables with values that can be checked by hand. */
public final class Fixtures {
    private Fixtures() {
    }

    /** Five rows: x1 = 1..5, x2 = (2, 1, 4, 3, 6), y = 1 + 2·x1 − 0.5·x2 exactly. */
    public static Table fiveRows() {
        double[] x1 = {1, 2, 3, 4, 5};
        double[] x2 = {2, 1, 4, 3, 6};
        double[] y = new double[5];
        for (int i = 0; i < 5; i++) {
            y[i] = 1 + 2 * x1[i] - 0.5 * x2[i];
        }
        return new Table(List.of(new NumericColumn("x1", ColumnRole.FEATURE, x1), new NumericColumn("x2", ColumnRole.FEATURE, x2),
                new NumericColumn("y", ColumnRole.TARGET, y)));
    }

    /** n rows with a categorical target "class" of which 20 % are "rare". */
    public static Table classes(int n) {
        int[] codes = new int[n];
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            codes[i] = i % 5 == 0 ? 1 : 0;
            x[i] = i;
        }
        return new Table(List.of(new NumericColumn("x", ColumnRole.FEATURE, x),
                new CategoricalColumn("class", ColumnRole.TARGET, codes, List.of("common", "rare"))));
    }

    public static Inputs inputs(Map<String, Object> m) {
        return new Inputs(m);
    }

    /** A ridge learner as the model.ridge node makes it: tunable through the node's declaration. */
    public static org.anneal.ml.Learner ridge(double lambda) {
        return (org.anneal.ml.Learner) new org.anneal.nodes.model.RidgeNode().execute(inputs(Map.of()),
                new org.anneal.nodes.model.RidgeNode.Params(lambda), TestCtx.of("ridge")).get("learner");
    }
}
