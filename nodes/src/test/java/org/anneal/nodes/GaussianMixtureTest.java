package org.anneal.nodes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.anneal.data.CategoricalColumn;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.ml.Metrics;
import org.anneal.nodes.cluster.EvaluateClusteringNode;
import org.anneal.nodes.cluster.GaussianMixtureNode;
import org.anneal.nodes.cluster.KMeansNode;
import org.anneal.nodes.prepare.ApplyTransformNode;
import org.anneal.spec.ColumnRole;
import org.anneal.spec.ConfigError;
import org.anneal.spec.Lineage;
import org.anneal.spec.Outputs;
import org.anneal.spec.Specs;
import org.anneal.spec.TableSpec;
import org.junit.jupiter.api.Test;

class GaussianMixtureTest {
    static GaussianMixtureNode.Params params(int k, String covariance, String output) {
        return new GaussianMixtureNode.Params(List.of(), k, org.anneal.spec.Choices.parse(org.anneal.nodes.cluster.GaussianMixtureNode.Covariance.class, covariance).orElseThrow(), 200, 1e-8, output);
    }

    static Outputs gmm(Table fit, Table data, GaussianMixtureNode.Params p) {
        return new GaussianMixtureNode().execute(Fixtures.inputs(Map.of("fit", fit, "data", data)), p, TestCtx.of("gmm"));
    }

    static double ari(Table t, String cluster, String truth) {
        return ((Metrics) new EvaluateClusteringNode().execute(Fixtures.inputs(Map.of("table", t)),
                new EvaluateClusteringNode.Params(cluster, List.of("x1", "x2"), truth), TestCtx.of("score")).get("metrics")).get("ari");
    }

    @Test
    void oneComponentIsTheSampleMeanAndVarianceWithTheClosedFormLikelihood() {
        Table t = new Table(List.of(new NumericColumn("x", ColumnRole.FEATURE, new double[] {1, 2, 3, 4, 6})));
        Outputs o = gmm(t, t, params(1, "full", "cluster"));
        Table comp = (Table) o.get("components");
        assertArrayEquals(new double[] {3.2}, comp.numeric("x").values(), 1e-12);
        assertArrayEquals(new double[] {1.0}, comp.numeric("weight").values(), 1e-12);
        // maximum-likelihood variance: 14.8 / 5 (n in the denominator), plus the 1e-6 ridge
        double var = 2.96 + 1e-6;
        double ll = -2.5 * Math.log(2 * Math.PI * var) - 14.8 / (2 * var);
        Metrics m = (Metrics) o.get("metrics");
        assertEquals(ll, m.get("log_likelihood"), 1e-9);
        // parameters: no free weight, one mean, one variance
        assertEquals(-2 * ll + 2 * Math.log(5), m.get("bic"), 1e-9);
        assertEquals(-2 * ll + 4, m.get("aic"), 1e-9);
        assertEquals(1.0, m.get("converged"));
        Table out = (Table) o.get("out");
        assertArrayEquals(new double[] {1, 1, 1, 1, 1}, out.numeric("cluster_probability").values(), 0);
        assertEquals(ColumnRole.IGNORE, out.column("cluster_probability").orElseThrow().role());
    }

    @Test
    void separatedBlobsAreRecoveredWithTheirWeightsAndCentres() {
        Table t = KMeansTest.separatedBlobs(60, 5);
        Outputs o = gmm(t, t, params(3, "full", "cluster"));
        assertEquals(1.0, ari((Table) o.get("out"), "cluster", "blob"), 1e-12);
        Table comp = (Table) o.get("components");
        assertArrayEquals(new double[] {1 / 3.0, 1 / 3.0, 1 / 3.0}, comp.numeric("weight").values(), 1e-9);
        double[] x1 = comp.numeric("x1").values().clone();
        java.util.Arrays.sort(x1);
        assertArrayEquals(new double[] {0, 5, 10}, x1, 0.2);
        double[] p = ((Table) o.get("out")).numeric("cluster_probability").values();
        assertTrue(java.util.Arrays.stream(p).allMatch(v -> v > 0.999), "far from every border");
        // the data were made by three clouds: BIC prefers three components to two or four
        double bic3 = ((Metrics) o.get("metrics")).get("bic");
        for (int k : new int[] {2, 4}) {
            double bic = ((Metrics) gmm(t, t, params(k, "full", "cluster")).get("metrics")).get("bic");
            assertTrue(bic3 < bic, "BIC(3) = " + bic3 + ", BIC(" + k + ") = " + bic);
        }
    }

    /**
     * A tight cloud beside a wide one: k-means puts the border half-way between the centres and hands the tight
     * cloud the wide one's near tail; the mixture, knowing each cloud's spread, moves the border towards the tight one.
     */
    @Test
    void unequalSpreadsAreSeparatedBetterThanByKMeans() {
        Random r = new Random(21);
        int n = 400;
        double[] x1 = new double[n];
        double[] x2 = new double[n];
        int[] label = new int[n];
        for (int i = 0; i < n; i++) {
            label[i] = i % 2;
            double sd = label[i] == 0 ? 0.3 : 2.0;
            x1[i] = (label[i] == 0 ? 0 : 5) + sd * r.nextGaussian();
            x2[i] = sd * r.nextGaussian();
        }
        Table t = new Table(List.of(new NumericColumn("x1", ColumnRole.FEATURE, x1), new NumericColumn("x2", ColumnRole.FEATURE, x2),
                new CategoricalColumn("cloud", ColumnRole.TARGET, label, List.of("tight", "wide"))));
        double mixture = ari((Table) gmm(t, t, params(2, "full", "found")).get("out"), "found", "cloud");
        double kmeans = ari((Table) KMeansTest.kmeans(t, t, new KMeansNode.Params(List.of(), 2, org.anneal.nodes.cluster.KMeansNode.Init.K_MEANS_PLUS_PLUS, 10, 100, "found")).get("out"),
                "found", "cloud");
        assertTrue(mixture > 0.9 && mixture > kmeans + 0.1, "mixture " + mixture + ", k-means " + kmeans);
    }

    @Test
    void theStateAssignsNewRowsLikeTheNodeAndCollisionsAreRejected() throws Exception {
        Table t = KMeansTest.separatedBlobs(20, 2);
        Table test = KMeansTest.separatedBlobs(4, 3);
        Outputs o = gmm(t, test, params(3, "diagonal", "cluster"));
        Table applied = (Table) new ApplyTransformNode().execute(Fixtures.inputs(Map.of("state", o.get("state"), "data", test)),
                new ApplyTransformNode.Params(), TestCtx.of("apply")).get("out");
        assertArrayEquals(((Table) o.get("out")).numeric("cluster_probability").values(), applied.numeric("cluster_probability").values(), 0);
        TableSpec spec = t.spec(Lineage.UNSPLIT);
        Specs s = new GaussianMixtureNode().configure(Specs.of(Map.of("fit", spec, "data", spec)), params(3, "full", "cluster"), TestCtx.of("gmm"));
        Specs a = new ApplyTransformNode().configure(Specs.of(Map.of("state", s.get("state"), "data", spec)),
                new ApplyTransformNode.Params(), TestCtx.of("apply"));
        assertEquals(((TableSpec) s.get("out")).columns(), ((TableSpec) a.get("out")).columns());
        assertEquals(List.of("x1", "x2", "blob", "cluster", "cluster_probability"), ((TableSpec) a.get("out")).names());
        ConfigError e = assertThrows(ConfigError.class, () -> new GaussianMixtureNode().configure(Specs.of(Map.of("fit", spec, "data", spec)),
                params(3, "full", "blob"), TestCtx.of("gmm")));
        assertEquals("output", e.param());
    }
}
