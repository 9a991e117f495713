package org.anneal.nodes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.anneal.data.CategoricalColumn;
import org.anneal.data.Column;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.exec.StandaloneContext;
import org.anneal.nodes.prepare.UmapNode;
import org.anneal.nodes.spectra.BaselineNode;
import org.anneal.nodes.spectra.DespikeNode;
import org.anneal.nodes.spectra.GenerateRamanNode;
import org.anneal.spec.ColumnRole;
import org.anneal.spec.ConfigError;
import org.anneal.spec.ExecContext;
import org.anneal.spec.Inputs;
import org.anneal.spec.Lineage;
import org.anneal.spec.NodeFailure;
import org.anneal.spec.Specs;
import org.anneal.spec.TableSpec;
import org.junit.jupiter.api.Test;

class UmapNodeTest {
    /** n rows in d dimensions, blob c centred at 10 on axis c (centres 14 apart), sd 1; the class in "blob". */
    static Table blobs(int n, int d, long seed) {
        Random r = new Random(seed);
        double[][] x = new double[d][n];
        int[] label = new int[n];
        for (int i = 0; i < n; i++) {
            label[i] = i % 3;
            for (int j = 0; j < d; j++) {
                x[j][i] = (j == label[i] ? 10 : 0) + r.nextGaussian();
            }
        }
        List<Column> cols = new ArrayList<>();
        for (int j = 0; j < d; j++) {
            cols.add(new NumericColumn("x" + j, ColumnRole.FEATURE, x[j]));
        }
        cols.add(new CategoricalColumn("blob", ColumnRole.TARGET, label, List.of("A", "B", "C")));
        return new Table(cols);
    }

    static UmapNode.Params params(List<String> columns, int neighbors, UmapNode.Distance metric, int epochs) {
        return new UmapNode.Params(columns, neighbors, 0.1, 2, metric, epochs);
    }

    /** Configure, then execute with the plan configure made, and check the table matches the promised spec. */
    static Table umap(Table t, UmapNode.Params p, long seed) {
        StandaloneContext ctx = new StandaloneContext("umap", seed, Path.of("."));
        try {
            Specs spec = new UmapNode().configure(Specs.of(Map.of("table", t.spec(Lineage.UNSPLIT))), p, ctx);
            Table out = (Table) new UmapNode().execute(new Inputs(Map.of("table", t), spec), p, ctx).get("out");
            assertEquals(((TableSpec) spec.get("out")).names(), out.spec(Lineage.UNSPLIT).names());
            return out;
        } catch (ConfigError e) {
            throw new AssertionError(e);
        }
    }

    static double[][] coordinates(Table out, int components) {
        double[][] y = new double[out.rowCount()][components];
        for (int k = 0; k < components; k++) {
            double[] v = out.numeric("umap" + (k + 1)).values();
            for (int i = 0; i < v.length; i++) {
                y[i][k] = v[i];
            }
        }
        return y;
    }

    static double[][] features(Table t, int d) {
        double[][] x = new double[t.rowCount()][d];
        for (int j = 0; j < d; j++) {
            double[] v = t.numeric("x" + j).values();
            for (int i = 0; i < v.length; i++) {
                x[i][j] = v[i];
            }
        }
        return x;
    }

    @Test
    void threeBlobsIn50DimensionsStaySeparateAndTheMapIsTrustworthy() {
        Table t = blobs(300, 50, 5);
        Table out = umap(t, params(List.of(), 15, UmapNode.Distance.EUCLIDEAN, 200), 1);
        double[][] y = coordinates(out, 2);
        int[] label = ((CategoricalColumn) out.column("blob").orElseThrow()).codes();
        double agreement = Neighbourhoods.classAgreement(y, label, 10);
        assertTrue(agreement >= 0.95, "kNN class agreement " + agreement);
        double trust = Neighbourhoods.trustworthiness(features(t, 50), y, 5);
        assertTrue(trust > 0.9, "trustworthiness " + trust);
        assertEquals(ColumnRole.IGNORE, out.column("umap1").orElseThrow().role());
        assertEquals(t.numeric("x7"), out.numeric("x7"), "passthrough columns unchanged");
    }

    @Test
    void theSameSeedGivesTheSameMapToTheLastDigitAndAnotherSeedMovesIt() {
        Table t = blobs(90, 8, 2);
        UmapNode.Params p = params(List.of(), 10, UmapNode.Distance.EUCLIDEAN, 100);
        double[] first = umap(t, p, 3).numeric("umap2").values();
        assertArrayEquals(first, umap(t, p, 3).numeric("umap2").values(), 0);
        assertFalse(Arrays.equals(first, umap(t, p, 4).numeric("umap2").values()));
    }

    @Test
    void aboveTheExactNeighbourLimitNnDescentIsSeededTooAndStillSeparatesTheBlobs() {
        Table t = blobs(4200, 10, 9); // ≥ 4096 rows: the library's random-projection trees and NN-descent
        UmapNode.Params p = params(List.of(), 15, UmapNode.Distance.EUCLIDEAN, 30);
        double[][] a = coordinates(umap(t, p, 11), 2);
        double[][] b = coordinates(umap(t, p, 11), 2);
        assertTrue(Arrays.deepEquals(a, b), "same seed, same map");
        int[] label = ((CategoricalColumn) t.column("blob").orElseThrow()).codes();
        double agreement = Neighbourhoods.classAgreement(a, label, 10, 300);
        assertTrue(agreement >= 0.95, "kNN class agreement " + agreement);
    }

    @Test
    void ramanSpectraGroupByMaterialOnceSpikesAndFluorescenceAreRemoved() throws Exception {
        var gen = new GenerateRamanNode.Params(List.of("anatase", "rutile", "silicon", "calcite"), 120, 100, 1800, 1024, 1000, 1500, 2);
        StandaloneContext ctx = new StandaloneContext("raman", 17, Path.of("."));
        Table rawSpectra = (Table) new GenerateRamanNode().execute(new Inputs(Map.of()), gen, ctx).get("table");
        var snip = new BaselineNode.Params("spectrum", BaselineNode.Method.SNIP, 40, 1e5, 0.01, 10, true, BaselineNode.Output.CORRECTED);
        Table despiked = (Table) new DespikeNode().execute(new Inputs(Map.of("table", rawSpectra)), new DespikeNode.Params("spectrum", 6, 3), ctx).get("out");
        Table spectra = (Table) new BaselineNode().execute(new Inputs(Map.of("table", despiked)), snip, ctx).get("out");
        int[] material = ((CategoricalColumn) rawSpectra.column("material").orElseThrow()).codes();
        Table out = umap(spectra, params(List.of(), 10, UmapNode.Distance.COSINE, 300), 5);
        assertEquals(List.of("spectrum", "material", "true_spikes", "spike_mask", "spikes_removed", "umap1", "umap2"), out.spec(Lineage.UNSPLIT).names());
        double agreement = Neighbourhoods.classAgreement(coordinates(out, 2), material, 10);
        assertTrue(agreement >= 0.95, "kNN material agreement " + agreement);
        // on the raw spectra the fluorescence hump (up to 1.5 × the bands) and the cosmic-ray spikes decide who is near whom
        double raw = Neighbourhoods.classAgreement(coordinates(umap(rawSpectra, params(List.of(), 10, UmapNode.Distance.EUCLIDEAN, 300), 5), 2), material, 10);
        assertTrue(raw < 0.6, "raw spectra, euclidean: " + raw);
    }

    @Test
    void cosineIgnoresHowBrightARowIsAndEuclideanDoesNot() {
        // two shapes, a flat row with a 30 % bump at channel 3 or at channel 8, each row scaled by a brightness from 1 to 100:
        // the shape is the class; in straight-line distance rows of like brightness are nearer than rows of like shape
        int n = 120;
        int d = 12;
        Random r = new Random(4);
        double[][] x = new double[d][n];
        int[] shape = new int[n];
        for (int i = 0; i < n; i++) {
            shape[i] = i % 2;
            double brightness = 1 + 99 * r.nextDouble();
            for (int j = 0; j < d; j++) {
                double bump = j == (shape[i] == 0 ? 3 : 8) ? 0.3 : 0;
                x[j][i] = brightness * (1 + bump) * (1 + 0.02 * r.nextGaussian());
            }
        }
        List<Column> cols = new ArrayList<>();
        for (int j = 0; j < d; j++) {
            cols.add(new NumericColumn("x" + j, ColumnRole.FEATURE, x[j]));
        }
        Table t = new Table(cols);
        double cosine = Neighbourhoods.classAgreement(coordinates(umap(t, params(List.of(), 10, UmapNode.Distance.COSINE, 200), 1), 2), shape, 10);
        double euclidean = Neighbourhoods.classAgreement(coordinates(umap(t, params(List.of(), 10, UmapNode.Distance.EUCLIDEAN, 200), 1), 2), shape, 10);
        assertTrue(cosine >= 0.95, "cosine " + cosine);
        assertTrue(euclidean < 0.85, "euclidean " + euclidean + " mixes bright and dim rows of both shapes");
    }

    @Test
    void threeComponentsAddUmap3AndConfigureAnnouncesTheColumns() throws Exception {
        Table t = blobs(60, 5, 1);
        var p = new UmapNode.Params(List.of("x0", "x1", "x2"), 10, 0.25, 3, UmapNode.Distance.EUCLIDEAN, 50);
        Specs s = new UmapNode().configure(Specs.of(Map.of("table", t.spec(Lineage.UNSPLIT))), p, TestCtx.of("umap"));
        assertEquals(List.of("x0", "x1", "x2", "x3", "x4", "blob", "umap1", "umap2", "umap3"), ((TableSpec) s.get("out")).names());
        double[][] y = coordinates(umap(t, p, 1), 3);
        assertTrue(Arrays.stream(y).flatMapToDouble(Arrays::stream).allMatch(Double::isFinite));
    }

    /** Cancelled from the start: the run must stop at the library's first progress report, and leave nothing behind. */
    @Test
    void aCancelledRunStopsAndTheNextRunIsUntouched() throws Exception {
        Table t = blobs(300, 20, 3);
        UmapNode.Params p = params(List.of(), 15, UmapNode.Distance.EUCLIDEAN, 100);
        Specs spec = new UmapNode().configure(Specs.of(Map.of("table", t.spec(Lineage.UNSPLIT))), p, TestCtx.of("umap"));
        StandaloneContext plain = new StandaloneContext("umap", 8, Path.of("."));
        ExecContext cancelled = new ExecContext() {
            public long seed() {
                return 8;
            }

            public void checkCancelled() {
                throw new ExecContext.Cancelled();
            }

            public void progress(double fraction) {
            }

            public String device() {
                return "cpu";
            }

            public Path resolve(String path, String param) throws ConfigError {
                return plain.resolve(path, param);
            }

            public String nodeId() {
                return "umap";
            }
        };
        assertThrows(ExecContext.Cancelled.class, () -> new UmapNode().execute(new Inputs(Map.of("table", t), spec), p, cancelled));
        assertArrayEquals(umap(t, p, 8).numeric("umap1").values(), umap(t, p, 8).numeric("umap1").values(), 0);
    }

    @Test
    void badInputFailsWithALocatedMessage() {
        Table t = blobs(12, 3, 1);
        NodeFailure rows = assertThrows(NodeFailure.class, () -> umap(t, params(List.of(), 15, UmapNode.Distance.EUCLIDEAN, 20), 1));
        assertTrue(rows.getMessage().contains("15 nearest rows") && rows.getMessage().contains("12 row") && rows.fix().contains("at most 11"),
                rows.getMessage());

        ConfigError category = assertThrows(ConfigError.class, () -> new UmapNode().configure(Specs.of(Map.of("table", t.spec(Lineage.UNSPLIT))),
                params(List.of("x0", "blob"), 5, UmapNode.Distance.EUCLIDEAN, 20), TestCtx.of("umap")));
        assertTrue(category.getMessage().contains("'blob'") && category.getMessage().contains("categories"), category.getMessage());

        ConfigError grid = assertThrows(ConfigError.class, () -> new UmapNode().configure(Specs.of(Map.of("table", t.spec(Lineage.UNSPLIT))),
                new UmapNode.Params(List.of(), 5, 0.07, 2, UmapNode.Distance.EUCLIDEAN, 20), TestCtx.of("umap")));
        assertTrue(grid.getMessage().contains("0.05"), grid.getMessage());

        double[] withNaN = t.numeric("x1").values().clone();
        withNaN[6] = Double.NaN;
        Table holes = new Table(List.of(t.numeric("x0"), new NumericColumn("x1", ColumnRole.FEATURE, withNaN)));
        NodeFailure nan = assertThrows(NodeFailure.class, () -> umap(holes, params(List.of(), 5, UmapNode.Distance.EUCLIDEAN, 20), 1));
        assertTrue(nan.getMessage().contains("'x1'") && nan.getMessage().contains("row 7"), nan.getMessage());
    }
}
