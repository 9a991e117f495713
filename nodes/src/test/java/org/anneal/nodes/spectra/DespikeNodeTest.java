package org.anneal.nodes.spectra;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.anneal.data.Table;
import org.anneal.data.TensorColumn;
import org.anneal.exec.StandaloneContext;
import org.anneal.spec.Inputs;
import org.anneal.spec.Lineage;
import org.anneal.spec.Specs;
import org.anneal.spec.TableSpec;
import org.junit.jupiter.api.Test;

class DespikeNodeTest {
    static final StandaloneContext CTX = new StandaloneContext("raman", 17, Path.of("."));

    static Table raman(GenerateRamanNode.Params p) throws Exception {
        TableSpec spec = (TableSpec) new GenerateRamanNode().configure(Specs.of(Map.of()), p, CTX).get("table");
        Table t = (Table) new GenerateRamanNode().execute(new Inputs(Map.of()), p, CTX).get("table");
        assertEquals(spec, t.spec(Lineage.UNSPLIT));
        return t;
    }

    static Table despike(Table t, DespikeNode.Params p) throws Exception {
        TableSpec spec = (TableSpec) new DespikeNode().configure(Specs.of(Map.of("table", t.spec(Lineage.UNSPLIT))), p, CTX).get("out");
        Table out = (Table) new DespikeNode().execute(new Inputs(Map.of("table", t)), p, CTX).get("out");
        assertEquals(spec, out.spec(Lineage.UNSPLIT));
        return out;
    }

    @Test
    void aHandMadeSpikeIsReplacedByTheLineAcrossIt() {
        double[] y = {10, 11, 10, 12, 11, 500, 300, 12, 11, 10, 12, 11, 10, 11, 12, 10};
        boolean[] spike = DespikeNode.find(y, 6, 3);
        for (int i = 0; i < y.length; i++) {
            assertEquals(i == 5 || i == 6, spike[i], "channel " + i);
        }
        double[] out = new DespikeNode().measure(y, null, new DespikeNode.Params("spectrum", 6, 3));
        assertEquals(1, out[0]);
        assertEquals(11 + 1 / 3.0, y[5], 1e-12, "a third of the way from 11 to 12");
        assertEquals(11 + 2 / 3.0, y[6], 1e-12);
        assertEquals(12, y[3]);
    }

    @Test
    void injectedSpikesAreFoundAndRemovedAndBandsAreUntouched() throws Exception {
        GenerateRamanNode.Params p = new GenerateRamanNode.Params(List.of("anatase", "rutile", "silicon", "calcite", "quartz", "graphite"), 120, 100,
                1800, 2048, 1000, 1500, 3);
        Table t = raman(p);
        Table out = despike(t, new DespikeNode.Params("spectrum", 6, 3));
        TensorColumn before = (TensorColumn) t.column("spectrum").orElseThrow();
        TensorColumn after = (TensorColumn) out.column("spectrum").orElseThrow();
        TensorColumn mask = (TensorColumn) t.column("spike_mask").orElseThrow();
        int n = before.rowSize();
        int injected = 0;
        int found = 0;
        int falseAlarms = 0;
        double[] y = new double[n];
        for (int r = 0; r < t.rowCount(); r++) {
            for (int i = 0; i < n; i++) {
                y[i] = before.values()[r * n + i];
            }
            boolean[] spike = DespikeNode.find(y, 6, 3);
            for (int i = 0; i < n; i++) {
                boolean truth = mask.values()[r * n + i] == 1;
                injected += truth ? 1 : 0;
                found += truth && spike[i] ? 1 : 0;
                falseAlarms += !truth && spike[i] ? 1 : 0;
                if (!truth && !spike[i]) {
                    assertEquals(before.values()[r * n + i], after.values()[r * n + i], "row " + r + " channel " + i + " untouched");
                }
                if (truth) {
                    // what is left is the spectrum under the spike: within the counting noise of its neighbours
                    double local = (before.values()[r * n + i - 2] + before.values()[r * n + i + 3]) / 2;
                    assertEquals(local, after.values()[r * n + i], 6 * Math.sqrt(local) + 0.15 * local, "row " + r + " channel " + i);
                }
            }
            assertEquals(t.numeric("true_spikes").get(r), out.numeric("spikes_removed").get(r), "row " + r + ": every spike, nothing else");
        }
        assertTrue(injected > 300, "enough spikes to judge: " + injected);
        assertEquals(injected, found, "every injected channel found");
        assertEquals(0, falseAlarms, "no band channel taken for a spike");
    }

    @Test
    void sameSeedSameSpectra() throws Exception {
        GenerateRamanNode.Params p = new GenerateRamanNode.Params(List.of("anatase", "quartz"), 5, 100, 1800, 2048, 1000, 1500, 2);
        TensorColumn a = (TensorColumn) raman(p).column("spectrum").orElseThrow();
        TensorColumn b = (TensorColumn) raman(p).column("spectrum").orElseThrow();
        assertArrayEquals(a.values(), b.values());
        // anatase's Eg band at 144 cm⁻¹ is its strongest
        Table t = raman(new GenerateRamanNode.Params(List.of("anatase"), 1, 100, 1800, 2048, 1000, 0, 0));
        TensorColumn s = (TensorColumn) t.column("spectrum").orElseThrow();
        int top = 0;
        for (int i = 0; i < s.rowSize(); i++) {
            top = s.values()[i] > s.values()[top] ? i : top;
        }
        assertEquals(144, s.shape().axis(0).value(top), 1);
    }
}
