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
import org.anneal.nodes.cluster.ElbowNode;
import org.anneal.nodes.cluster.EvaluateClusteringNode;
import org.anneal.nodes.cluster.KMeansNode;
import org.anneal.nodes.prepare.ApplyTransformNode;
import org.anneal.spec.ColumnRole;
import org.anneal.spec.ColumnSpec;
import org.anneal.spec.ColumnType;
import org.anneal.spec.ConfigError;
import org.anneal.spec.Lineage;
import org.anneal.spec.NodeFailure;
import org.anneal.spec.Outputs;
import org.anneal.spec.Specs;
import org.anneal.spec.TableSpec;
import org.junit.jupiter.api.Test;

class KMeansTest {
    static KMeansNode.Params params(int k) {
        return new KMeansNode.Params(List.of(), k, org.anneal.nodes.cluster.KMeansNode.Init.K_MEANS_PLUS_PLUS, 10, 100, "cluster");
    }

    static Outputs kmeans(Table fit, Table data, KMeansNode.Params p) {
        return new KMeansNode().execute(Fixtures.inputs(Map.of("fit", fit, "data", data)), p, TestCtx.of("km"));
    }

    static Metrics score(Table t, String truth) {
        return (Metrics) new EvaluateClusteringNode().execute(Fixtures.inputs(Map.of("table", t)),
                new EvaluateClusteringNode.Params("cluster", List.of(), truth), TestCtx.of("score")).get("metrics");
    }

    static Table line(double... x) {
        return new Table(List.of(new NumericColumn("x", ColumnRole.FEATURE, x)));
    }

    /** Three round blobs of sd 0.5 with centres 9 to 10 apart: no row is nearer another blob's centre. */
    static Table separatedBlobs(int perBlob, long seed) {
        double[][] centres = {{0, 0}, {10, 0}, {5, 9}};
        Random r = new Random(seed);
        int n = 3 * perBlob;
        double[] x1 = new double[n];
        double[] x2 = new double[n];
        int[] label = new int[n];
        for (int i = 0; i < n; i++) {
            label[i] = i % 3;
            x1[i] = centres[label[i]][0] + 0.5 * r.nextGaussian();
            x2[i] = centres[label[i]][1] + 0.5 * r.nextGaussian();
        }
        return new Table(List.of(new NumericColumn("x1", ColumnRole.FEATURE, x1), new NumericColumn("x2", ColumnRole.FEATURE, x2),
                new CategoricalColumn("blob", ColumnRole.TARGET, label, List.of("A", "B", "C"))));
    }

    @Test
    void twoGroupsOnALineGiveTheHandComputedCentresAndInertia() {
        Table t = line(0, 1, 10, 11, 12);
        Outputs o = kmeans(t, t, params(2));
        Table out = (Table) o.get("out");
        CategoricalColumn c = (CategoricalColumn) out.column("cluster").orElseThrow();
        // the larger cluster is c1
        assertEquals(List.of("c2", "c2", "c1", "c1", "c1"), List.of(c.get(0), c.get(1), c.get(2), c.get(3), c.get(4)));
        Table centres = (Table) o.get("centres");
        assertArrayEquals(new double[] {11, 0.5}, centres.numeric("x").values(), 1e-12);
        assertArrayEquals(new double[] {3, 2}, centres.numeric("size").values(), 0);
        // (10−11)² + 0 + (12−11)² + (0−0.5)² + (1−0.5)² = 2.5
        Metrics m = score(out, "");
        assertEquals(2.5, m.get("inertia"), 1e-12);
        assertEquals(2, m.get("clusters"));
        assertTrue(((org.anneal.ml.FittedTransform) o.get("state")).describe().contains("inertia 2.5"));
    }

    @Test
    void wellSeparatedBlobsAreRecoveredExactly() {
        Table t = separatedBlobs(60, 5);
        Table out = (Table) kmeans(t, t, params(3)).get("out");
        Metrics m = score(out, "blob");
        assertEquals(1.0, m.get("ari"), 1e-12);
        assertEquals(1.0, m.get("ami"), 1e-9);
        assertTrue(m.get("silhouette") > 0.85, "compact and far apart: " + m.get("silhouette"));
        // the embedding plot: plot.scatter coloured by the cluster column draws one series per cluster
        org.anneal.ml.Plot plot = (org.anneal.ml.Plot) new org.anneal.nodes.plot.ScatterPlotNode().execute(Fixtures.inputs(Map.of("table", out)),
                new org.anneal.nodes.plot.ScatterPlotNode.Params("x1", "x2", "cluster"), TestCtx.of("map")).get("plot");
        assertEquals(List.of("c1", "c2", "c3"), plot.series().stream().map(org.anneal.ml.Plot.Series::name).toList());
        assertEquals(List.of(60, 60, 60), plot.series().stream().map(org.anneal.ml.Plot.Series::size).toList());
    }

    @Test
    void theCourseBlobsOverlapAndAreMostlyRecovered() {
        Table t = PrepareAndGenerateTest.generate("blobs", 300, 0.0, 7);
        Table out = (Table) kmeans(t, t, new KMeansNode.Params(List.of(), 3, org.anneal.nodes.cluster.KMeansNode.Init.K_MEANS_PLUS_PLUS, 10, 100, "found")).get("out");
        Metrics m = (Metrics) new EvaluateClusteringNode().execute(Fixtures.inputs(Map.of("table", out)),
                new EvaluateClusteringNode.Params("found", List.of(), "cluster"), TestCtx.of("score")).get("metrics");
        double ari = m.get("ari");
        // centres 4 apart with sd 1: roughly one row in twelve sits nearer another blob's centre
        assertTrue(ari > 0.7 && ari < 0.95, "ari = " + ari);
    }

    @Test
    void theStateLabelsNewRowsLikeTheNodeAndAnnouncesTheColumn() throws Exception {
        Table t = separatedBlobs(20, 9);
        Table test = separatedBlobs(5, 10);
        Outputs o = kmeans(t, test, params(3));
        Table applied = (Table) new ApplyTransformNode().execute(Fixtures.inputs(Map.of("state", o.get("state"), "data", test)),
                new ApplyTransformNode.Params(), TestCtx.of("apply")).get("out");
        assertArrayEquals(((CategoricalColumn) ((Table) o.get("out")).column("cluster").orElseThrow()).codes(),
                ((CategoricalColumn) applied.column("cluster").orElseThrow()).codes());
        TableSpec spec = t.spec(Lineage.UNSPLIT);
        Specs s = new KMeansNode().configure(Specs.of(Map.of("fit", spec, "data", spec)), params(3), TestCtx.of("km"));
        Specs a = new ApplyTransformNode().configure(Specs.of(Map.of("state", s.get("state"), "data", spec)),
                new ApplyTransformNode.Params(), TestCtx.of("apply"));
        ColumnSpec added = new ColumnSpec("cluster", ColumnType.CATEGORICAL, ColumnRole.FEATURE);
        assertEquals(added, ((TableSpec) s.get("out")).column("cluster").orElseThrow());
        assertEquals(((TableSpec) s.get("out")).columns(), ((TableSpec) a.get("out")).columns());
    }

    @Test
    void badParametersAreNamed() {
        Table t = separatedBlobs(5, 1);
        TableSpec spec = t.spec(Lineage.UNSPLIT);
        ConfigError cat = assertThrows(ConfigError.class, () -> new KMeansNode().configure(Specs.of(Map.of("fit", spec, "data", spec)),
                new KMeansNode.Params(List.of("x1", "blob"), 2, org.anneal.nodes.cluster.KMeansNode.Init.K_MEANS_PLUS_PLUS, 1, 10, "cluster"), TestCtx.of("km")));
        assertEquals("columns", cat.param());
        assertTrue(cat.getMessage().contains("'km'") && cat.getMessage().contains("'blob'"), cat.getMessage());
        ConfigError clash = assertThrows(ConfigError.class, () -> new KMeansNode().configure(Specs.of(Map.of("fit", spec, "data", spec)),
                new KMeansNode.Params(List.of(), 2, org.anneal.nodes.cluster.KMeansNode.Init.K_MEANS_PLUS_PLUS, 1, 10, "x1"), TestCtx.of("km")));
        assertEquals("output", clash.param());
        ConfigError replaces = assertThrows(ConfigError.class, () -> new KMeansNode().configure(Specs.of(Map.of("fit", spec, "data", spec)),
                new KMeansNode.Params(List.of(), 2, org.anneal.nodes.cluster.KMeansNode.Init.K_MEANS_PLUS_PLUS, 1, 10, "blob"), TestCtx.of("km")));
        assertTrue(replaces.fix().contains("blob_found"), replaces.fix());
        NodeFailure tooFew = assertThrows(NodeFailure.class, () -> kmeans(line(1, 2), line(1, 2), params(3)));
        assertTrue(tooFew.getMessage().contains("k = 3"), tooFew.getMessage());
        NodeFailure missing = assertThrows(NodeFailure.class, () -> kmeans(line(1, Double.NaN, 3), line(1, 2, 3), params(1)));
        assertTrue(missing.getMessage().contains("'x'") && missing.getMessage().contains("'km'"), missing.getMessage());
    }

    @Test
    void silhouetteAndAdjustedRandMatchHandComputations() {
        Table t = new Table(List.of(new NumericColumn("x", ColumnRole.FEATURE, new double[] {0, 2, 10}),
                new CategoricalColumn("cluster", ColumnRole.FEATURE, new int[] {0, 0, 1}, List.of("c1", "c2"))));
        // s(0) = (10 − 2)/10, s(2) = (8 − 2)/8, the lone row scores 0
        assertEquals((0.8 + 0.75) / 3, score(t, "").get("silhouette"), 1e-12);
        Table six = new Table(List.of(new NumericColumn("x", ColumnRole.FEATURE, new double[] {0, 1, 2, 3, 4, 5}),
                new CategoricalColumn("cluster", ColumnRole.FEATURE, new int[] {0, 0, 1, 1, 2, 2}, List.of("c1", "c2", "c3")),
                new CategoricalColumn("truth", ColumnRole.TARGET, new int[] {0, 0, 1, 2, 2, 2}, List.of("a", "b", "c"))));
        // pairs together in both: 2; expected 3·4/15 = 0.8; mean of the pair counts 3.5
        Metrics m = score(six, "truth");
        assertEquals((2 - 0.8) / (3.5 - 0.8), m.get("ari"), 1e-12);
        // MI 0.780355, expected MI under random labellings with these sizes, mean entropy: hand-evaluated (Vinh et al. 2010)
        assertEquals(0.5023607027202742, m.get("ami"), 1e-12);
    }

    @Test
    void theElbowAndTheSilhouettePeakSitAtTheNumberOfBlobs() {
        Table t = separatedBlobs(40, 3);
        Outputs o = new ElbowNode().execute(Fixtures.inputs(Map.of("table", t)), new ElbowNode.Params(List.of(), 6, 5), TestCtx.of("elbow"));
        Table s = (Table) o.get("scores");
        double[] inertia = s.numeric("inertia").values();
        // k = 1: every row about the grand mean
        double total = 0;
        for (String c : List.of("x1", "x2")) {
            double[] v = t.numeric(c).values();
            double mean = java.util.Arrays.stream(v).average().orElseThrow();
            total += java.util.Arrays.stream(v).map(a -> (a - mean) * (a - mean)).sum();
        }
        assertEquals(total, inertia[0], 1e-9 * total);
        double[] relative = s.numeric("relative_inertia").values();
        assertTrue(relative[2] < 0.02 && relative[1] > 0.2, java.util.Arrays.toString(relative));
        double[] sil = s.numeric("silhouette").values();
        assertTrue(Double.isNaN(sil[0]));
        int best = 1;
        for (int k = 1; k < sil.length; k++) {
            best = sil[k] > sil[best] ? k : best;
        }
        assertEquals(3, best + 1, java.util.Arrays.toString(sil));
        org.anneal.ml.Plot plot = (org.anneal.ml.Plot) o.get("plot");
        assertEquals(2, plot.series().size());
        assertArrayEquals(new double[] {2, 3, 4, 5, 6}, plot.series().get(1).x(), 0);
    }

    /** Above 4000 rows the silhouette is averaged over a seeded sample; it stays close to the exact mean. */
    @Test
    void theSilhouetteOfManyRowsIsSampledAndStaysCloseToTheExactValue() {
        Table t = separatedBlobs(1500, 12);
        double[] x1 = t.numeric("x1").values();
        double[] x2 = t.numeric("x2").values();
        int[] c = ((CategoricalColumn) t.column("blob").orElseThrow()).codes();
        int n = x1.length;
        double exact = 0;
        for (int i = 0; i < n; i++) {
            double[] sum = new double[3];
            int[] size = new int[3];
            for (int j = 0; j < n; j++) {
                size[c[j]]++;
                if (j != i) {
                    sum[c[j]] += Math.hypot(x1[i] - x1[j], x2[i] - x2[j]);
                }
            }
            double a = sum[c[i]] / (size[c[i]] - 1);
            double b = Double.POSITIVE_INFINITY;
            for (int k = 0; k < 3; k++) {
                if (k != c[i]) {
                    b = Math.min(b, sum[k] / size[k]);
                }
            }
            exact += (b - a) / Math.max(a, b);
        }
        exact /= n;
        Table named = t.with(new CategoricalColumn("cluster", ColumnRole.FEATURE, c, List.of("c1", "c2", "c3")));
        Metrics m = score(named, "");
        assertEquals(exact, m.get("silhouette"), 0.005);
        assertEquals(m.get("silhouette"), score(named, "").get("silhouette"), 0, "the sample follows the seed");
    }

    @Test
    void fewerDistinctPointsThanClustersIsAClearErrorNotAnEmptyCluster() {
        Table t = line(1, 1, 1, 5, 5);
        org.anneal.spec.NodeFailure e = org.junit.jupiter.api.Assertions.assertThrows(org.anneal.spec.NodeFailure.class, () -> kmeans(t, t, params(3)));
        assertTrue(e.getMessage().contains("only 2 distinct point(s), fewer than k = 3"), e.getMessage());
        assertTrue(e.fix().contains("at most 2"), e.fix());
        assertEquals(List.of(3.0, 2.0), java.util.Arrays.stream(((Table) kmeans(t, t, params(2)).get("centres")).numeric("size").values()).boxed().toList(),
                "two clusters for two distinct points are fine");
    }
}
