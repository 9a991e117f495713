package org.anneal.nodes;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.ml.TrainedModel;
import org.anneal.nodes.model.XGBoostLearner;
import org.anneal.spec.ColumnRole;
import org.anneal.spec.NodeFailure;
import org.anneal.spec.Task;
import org.junit.jupiter.api.Test;

/** XGBoost's monotone_constraints through model.xgboost: predictions monotone in the named feature. */
class XGBoostMonotoneTest {
    /** y = z + 0.4·sin(6z) + a + noise: rising in z overall, with wiggles and noise an unconstrained model follows. */
    static Table data(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] z = new double[n];
        double[] a = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            z[i] = r.nextDouble(0, 2);
            a[i] = r.nextDouble(-1, 1);
            y[i] = z[i] + 0.4 * Math.sin(6 * z[i]) + a[i] + 0.3 * (r.nextDouble() - 0.5);
        }
        // 'z_temp' before 'a_other' in the table but after it in Tribuo's sorted feature ids: the constraint must follow the name
        return new Table(List.of(new NumericColumn("z_temp", ColumnRole.FEATURE, z), new NumericColumn("a_other", ColumnRole.FEATURE, a),
                new NumericColumn("y", ColumnRole.TARGET, y)));
    }

    /** The largest fall of the prediction along a fine z grid, at several fixed values of the other feature. */
    static double largestFall(TrainedModel m) {
        double worst = 0;
        for (double a : new double[] {-0.8, 0, 0.5}) {
            int n = 200;
            double[] z = new double[n];
            double[] other = new double[n];
            for (int i = 0; i < n; i++) {
                z[i] = -0.5 + 3.0 * i / (n - 1); // beyond the data at both ends too
                other[i] = a;
            }
            double[] p = m.predict(new Table(List.of(new NumericColumn("z_temp", ColumnRole.FEATURE, z),
                    new NumericColumn("a_other", ColumnRole.FEATURE, other))));
            for (int i = 1; i < n; i++) {
                worst = Math.max(worst, p[i - 1] - p[i]);
            }
        }
        return worst;
    }

    @Test
    void theConstrainedModelNeverFallsAlongTheFeature() {
        Table t = data(300, 5);
        List<String> features = List.of("z_temp", "a_other");
        TrainedModel free = new XGBoostLearner(Task.REGRESSION, 200, 4, 0.1, 1.0, 1).fit(t, features, "y", TestCtx.of("fit"));
        TrainedModel rising = new XGBoostLearner(Task.REGRESSION, 200, 4, 0.1, 1.0, 1, Map.of("z_temp", 1)).fit(t, features, "y", TestCtx.of("fit"));
        assertTrue(largestFall(free) > 0.05, "the unconstrained model follows the wiggles: " + largestFall(free));
        assertFalse(largestFall(rising) > 1e-6, "monotone increasing in z_temp, largest fall " + largestFall(rising));
        TrainedModel falling = new XGBoostLearner(Task.REGRESSION, 50, 3, 0.1, 1.0, 1, Map.of("a_other", -1)).fit(t, features, "y", TestCtx.of("fit"));
        double[] p = falling.predict(new Table(List.of(new NumericColumn("z_temp", ColumnRole.FEATURE, new double[] {1, 1, 1}),
                new NumericColumn("a_other", ColumnRole.FEATURE, new double[] {-1, 0, 1}))));
        assertTrue(p[0] >= p[1] && p[1] >= p[2], "decreasing in a_other although the data rise with it: " + java.util.Arrays.toString(p));
    }

    @Test
    void anUnknownFeatureIsNamed() {
        NodeFailure e = assertThrows(NodeFailure.class, () -> new XGBoostLearner(Task.REGRESSION, 5, 2, 0.3, 1, 1, Map.of("temp", 1))
                .fit(data(20, 1), List.of("z_temp", "a_other"), "y", TestCtx.of("fit")));
        assertTrue(e.getMessage().contains("'temp'"), e.getMessage());
    }
}
