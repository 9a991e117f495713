package org.anneal.nodes.signals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.anneal.data.CategoricalColumn;
import org.anneal.data.Table;
import org.anneal.data.TensorColumn;
import org.anneal.exec.StandaloneContext;
import org.anneal.spec.Inputs;
import org.anneal.spec.Lineage;
import org.anneal.spec.Specs;
import org.junit.jupiter.api.Test;

class MeltPoolTest {

    @Test
    void enthalpyAndWidthAgreeWithTheFormulasWorkedByHand() {
        // A = 0.35, P = 200 W, v = 1 m/s, σ = 30 µm, D = 20/(7980·500) m²/s, h_s = 7980·500·1700 J/m³
        assertEquals(8.92927, MeltPool.enthalpyRatio(0.35, 200, 1), 1e-5);
        assertEquals(108.348e-6, MeltPool.width(0.35, 200, 1), 1e-9);
        assertEquals(MeltPool.width(0.35, 200, 1) / 2, MeltPool.depth(0.35, 200, 1), 1e-15, "conduction: a half-round pool");
        // ΔH/h_s scales as P/√v: 200 W at 1/16 of the speed gives 4 × 8.93 = 35.7 > 30, a keyhole 35.7/30 times deeper
        double slow = MeltPool.enthalpyRatio(0.35, 200, 1.0 / 16);
        assertEquals(4 * 8.92927, slow, 1e-4);
        assertEquals(MeltPool.width(0.35, 200, 1.0 / 16) / 2 * slow / 30, MeltPool.depth(0.35, 200, 1.0 / 16), 1e-12);
        assertEquals(0.5, MeltPool.lofIndex(1, 1, 2, 2), 1e-15);
    }

    @Test
    void everyRowsRegimeFollowsTheCriteriaFromItsTruthColumns() throws Exception {
        var ctx = new StandaloneContext("gen", 11, java.nio.file.Path.of("."));
        var p = new GenerateMeltPoolNode.Params(8, 40, 100);
        Specs specs = new GenerateMeltPoolNode().configure(Specs.of(Map.of()), p, ctx);
        Table t = (Table) new GenerateMeltPoolNode().execute(new Inputs(Map.of(), specs), p, ctx).get("table");
        assertEquals(specs.get("table"), t.spec(Lineage.UNSPLIT), "configure promises what execute delivers");
        assertEquals(320, t.rowCount());
        CategoricalColumn regime = (CategoricalColumn) t.column("regime").orElseThrow();
        int[] count = new int[3];
        double[] spread = new double[3];
        TensorColumn signal = (TensorColumn) t.column("signal").orElseThrow();
        for (int r = 0; r < t.rowCount(); r++) {
            double ratio = t.numeric("enthalpy_ratio").get(r);
            double w = t.numeric("width_um").get(r);
            double d = t.numeric("depth_um").get(r);
            double lof = Math.pow(t.numeric("hatch").get(r) / w, 2) + Math.pow(t.numeric("layer_thickness").get(r) / d, 2);
            assertEquals(lof, t.numeric("lof_index").get(r), 1e-9);
            String expected = ratio > 30 ? "keyhole" : lof > 1 ? "lack-of-fusion" : "conduction";
            assertEquals(expected, regime.get(r), "row " + (r + 1));
            assertTrue(ratio > 30 ? d > w / 2 : Math.abs(d - w / 2) < 1e-9, "keyhole pools are deeper than half their width");
            int k = regime.codes()[r];
            count[k]++;
            double[] photodiode = new double[100];
            for (int i = 0; i < 100; i++) {
                photodiode[i] = signal.values()[signal.offset(r) + 2 * i];
            }
            spread[k] += StatisticsNode.statistic("sd", photodiode, signal.shape().axis(0)) / StatisticsNode.statistic("mean", photodiode,
                    signal.shape().axis(0));
        }
        for (int k = 0; k < 3; k++) {
            assertTrue(count[k] >= 20, MeltPool.REGIMES[k] + ": " + count[k] + " rows of 320");
        }
        String cv = java.util.Arrays.toString(new double[] {spread[0] / count[0], spread[1] / count[1], spread[2] / count[2]});
        assertTrue(spread[1] / count[1] > 1.2 * spread[0] / count[0], "a keyhole's photodiode fluctuates more than a sound track's: " + cv);
        assertTrue(spread[2] / count[2] > 1.2 * spread[0] / count[0], "so does a track that breaks up: " + cv);
        Table again = (Table) new GenerateMeltPoolNode().execute(new Inputs(Map.of(), specs), p, ctx).get("table");
        org.junit.jupiter.api.Assertions.assertArrayEquals(signal.values(), ((TensorColumn) again.column("signal").orElseThrow()).values(), "seeded");
        org.junit.jupiter.api.Assertions.assertArrayEquals(t.numeric("power").values(), again.numeric("power").values());
    }
}
