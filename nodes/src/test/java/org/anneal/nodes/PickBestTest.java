package org.anneal.nodes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.anneal.ml.Metrics;
import org.anneal.spec.Task;
import org.anneal.nodes.evaluate.PickBestNode;
import org.anneal.spec.Inputs;
import org.junit.jupiter.api.Test;

class PickBestTest {
    static Metrics m(double r2, double rmse) {
        return new Metrics(Task.REGRESSION, Map.of("r2", r2, "rmse", rmse), 10);
    }

    @Test
    void picksTheHighestScoreOrTheLowestError() {
        var in = new Inputs(Map.of("a", m(0.5, 2), "b", m(0.8, 3), "c", m(0.7, 1)));
        Metrics byR2 = (Metrics) new PickBestNode().execute(in, new PickBestNode.Params("r2", true), TestCtx.of("p")).get("best");
        assertEquals(2.0, byR2.get("best"));
        assertEquals(0.8, byR2.get("r2"));
        Metrics byRmse = (Metrics) new PickBestNode().execute(in, new PickBestNode.Params("rmse", false), TestCtx.of("p")).get("best");
        assertEquals(3.0, byRmse.get("best"));
    }

    /** Issue 14: a misspelt metric is refused at configure, at the param, with the valid names; before, only at run time. */
    @Test
    void aMisspeltMetricIsAConfigureErrorListingTheValidNames() throws Exception {
        var in = org.anneal.spec.Specs.builder().put("a", org.anneal.spec.ValueSpec.of(org.anneal.spec.DataKind.METRICS)).build();
        var e = org.junit.jupiter.api.Assertions.assertThrows(org.anneal.spec.ConfigError.class,
                () -> new PickBestNode().configure(in, new PickBestNode.Params("rsme", false), null));
        assertEquals("metric", e.param());
        assertEquals("'rsme' is not a metric Anneal computes (did you mean 'rmse'?).", e.getMessage());
        org.junit.jupiter.api.Assertions.assertTrue(e.fix().startsWith("Use one of: r2, rmse, mae, mse, max_error"), e.fix());
        for (String ok : new String[] {"r2", "accuracy", "f1[steel]", "r2_sd", "silhouette", "final_loss_2", "mean_abs_shap[carbon]"}) {
            new PickBestNode().configure(in, new PickBestNode.Params(ok, true), null);
        }
    }
}
