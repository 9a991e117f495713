package org.anneal.nodes.uncertainty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.ml.Metrics;
import org.anneal.ml.Plot;
import org.anneal.ml.TrainedModel;
import org.anneal.nodes.model.GaussianProcessLearner;
import org.anneal.nodes.pipeline.PreprocessedLearner;
import org.anneal.spec.ColumnRole;
import org.anneal.spec.ConfigError;
import org.anneal.spec.Inputs;
import org.anneal.spec.Lineage;
import org.anneal.spec.ModelSpec;
import org.anneal.spec.Outputs;
import org.anneal.spec.Specs;
import org.anneal.spec.Task;
import org.junit.jupiter.api.Test;

class ProcessMapNodeTest {

    /** The L-PBF law itself as a model: depth = 20 P / √v, with no standard deviation. */
    record Law(List<String> features) implements TrainedModel {
        public Task task() {
            return Task.REGRESSION;
        }

        public String target() {
            return "depth_um";
        }

        public String describe() {
            return "depth = 20 P / sqrt(v)";
        }

        public double[] predict(Table data) {
            double[] p = data.numeric("laser_power_w").values();
            double[] v = data.numeric("scan_speed_mm_s").values();
            double[] out = new double[p.length];
            for (int i = 0; i < p.length; i++) {
                out[i] = 20 * p[i] / Math.sqrt(v[i]);
            }
            return out;
        }

        public Map<String, Double> parameters() {
            return Map.of();
        }
    }

    static final List<String> FEATURES = List.of("laser_power_w", "scan_speed_mm_s");

    static ProcessMapNode.Params params(int steps, List<Double> safe) {
        return new ProcessMapNode.Params("scan_speed_mm_s", "laser_power_w", List.of(400.0, 2000.0), List.of(100.0, 400.0), steps, safe, 0.9);
    }

    static Outputs map(TrainedModel model, ProcessMapNode.Params p) {
        return new ProcessMapNode().execute(new Inputs(Map.of("model", model)), p, UncertaintyFixtures.ctx("map"));
    }

    @Test
    void withoutUncertaintyTheSafeCellsAreExactlyThoseWhoseResponseLiesInTheWindow() {
        Outputs out = map(new Law(FEATURES), params(11, List.of(60.0, 150.0)));
        int safe = 0;
        for (int i = 0; i < 11; i++) {
            for (int j = 0; j < 11; j++) {
                double v = 400 + 160.0 * i;
                double p = 100 + 30.0 * j;
                double depth = 20 * p / Math.sqrt(v);
                safe += depth >= 60 && depth <= 150 ? 1 : 0;
            }
        }
        assertEquals(safe / 121.0, ((Metrics) out.get("metrics")).values().get("safe_fraction"), 1e-12);
        Plot mean = (Plot) out.get("mean");
        // the top-left cell is the slowest scan at the highest power: the deepest pool, a keyhole
        assertEquals("400.0", mean.heatmap().rowLabels().get(0));
        assertEquals("400.0", mean.heatmap().colLabels().get(0));
        assertEquals(20 * 400 / Math.sqrt(400), mean.heatmap().get(0, 0), 1e-9);
        assertEquals(20 * 100 / Math.sqrt(2000), mean.heatmap().get(10, 10), 1e-9);
        Plot pSafe = (Plot) out.get("safe");
        assertEquals(0, pSafe.heatmap().get(0, 0));
        Table grid = (Table) out.get("grid");
        assertEquals(121, grid.rowCount());
        assertEquals(List.of("laser_power_w", "scan_speed_mm_s", "mean", "sd", "p_safe", "safe"), grid.columns().stream().map(c -> c.name()).toList());
    }

    @Test
    void theProbabilityOfTheWindowIsTheNormalMassInsideIt() {
        assertEquals(0.954499736, ProcessMapNode.inside(100, 10, 80, 120), 1e-7);
        assertEquals(0.5, ProcessMapNode.inside(150, 20, 0, 150), 1e-7);
        assertEquals(1, ProcessMapNode.inside(100, 0, 100, 100));
    }

    @Test
    void aGaussianProcessOnNoisyTracksFindsTheTrueCorridor() {
        Table tracks = lpbf(80, 5, 3);
        TrainedModel gp = new PreprocessedLearner(org.anneal.nodes.prepare.StandardizeNode.step(true, true),
                new GaussianProcessLearner(GaussianProcessLearner.Kernel.RBF))
                .fit(tracks, FEATURES, "depth_um", UncertaintyFixtures.ctx("fit"));
        Table grid = (Table) map(gp, params(20, List.of(60.0, 150.0))).get("grid");
        Table truth = (Table) map(new Law(FEATURES), params(20, List.of(60.0, 150.0))).get("grid");
        int agree = 0;
        int unsure = 0;
        for (int i = 0; i < grid.rowCount(); i++) {
            agree += grid.numeric("safe").get(i) == truth.numeric("safe").get(i) ? 1 : 0;
            unsure += grid.numeric("p_safe").get(i) > 0.1 && grid.numeric("p_safe").get(i) < 0.9 ? 1 : 0;
        }
        assertTrue(agree >= 0.9 * grid.rowCount(), agree + " of " + grid.rowCount() + " cells agree with the true corridor");
        assertTrue(unsure > 0 && unsure < 0.3 * grid.rowCount(), "cells near the edges are uncertain: " + unsure);
    }

    static Table lpbf(int n, double noise, long seed) {
        var r = new java.util.SplittableRandom(seed);
        double[] p = new double[n];
        double[] v = new double[n];
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            p[i] = r.nextDouble(100, 400);
            v[i] = r.nextDouble(400, 2000);
            d[i] = 20 * p[i] / Math.sqrt(v[i]) + noise * UncertaintyFixtures.gaussian(r);
        }
        return new Table(List.of(new NumericColumn("laser_power_w", ColumnRole.FEATURE, p), new NumericColumn("scan_speed_mm_s", ColumnRole.FEATURE, v),
                new NumericColumn("depth_um", ColumnRole.TARGET, d)));
    }

    @Test
    void axesThatAreNoFeaturesOrRangesThatAreNoRangesAreRefusedAtTheirParam() {
        Specs in = Specs.of(Map.of("model", new ModelSpec(Task.REGRESSION, "depth_um", List.of("laser_power_w", "scan_speed_mm_s", "hatch_um"), false,
                Lineage.UNSPLIT)));
        ProcessMapNode node = new ProcessMapNode();
        ConfigError axis = assertThrows(ConfigError.class, () -> node.configure(in,
                new ProcessMapNode.Params("speed", "laser_power_w", List.of(1.0, 2.0), List.of(1.0, 2.0), 10, List.of(), 0.9), null));
        assertEquals("x", axis.param());
        ConfigError range = assertThrows(ConfigError.class, () -> node.configure(in,
                new ProcessMapNode.Params("scan_speed_mm_s", "laser_power_w", List.of(5.0, 2.0), List.of(1.0, 2.0), 10, List.of(), 0.9), null));
        assertEquals("xRange", range.param());
        ConfigError others = assertThrows(ConfigError.class, () -> node.configure(in,
                new ProcessMapNode.Params("scan_speed_mm_s", "laser_power_w", List.of(1.0, 2.0), List.of(1.0, 2.0), 10, List.of(), 0.9), null));
        assertEquals("data", others.port());
        assertTrue(others.getMessage().contains("hatch_um"), others.getMessage());
    }
}
