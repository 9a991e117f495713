package org.anneal.nodes.spectra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.anneal.data.CategoricalColumn;
import org.anneal.data.Table;
import org.anneal.data.TensorColumn;
import org.anneal.exec.StandaloneContext;
import org.anneal.spec.ColumnRole;
import org.anneal.spec.Inputs;
import org.anneal.spec.Lineage;
import org.anneal.spec.Specs;
import org.anneal.spec.TableSpec;
import org.junit.jupiter.api.Test;

class GenerateSpectraNodeTest {
    static final GenerateSpectraNode.Params P = new GenerateSpectraNode.Params(30, 3, 1401, 1000, 0.05, GenerateSpectraNode.Target.FRACTION_QUARTZ);

    static Table run(GenerateSpectraNode.Params p, long seed) {
        return (Table) new GenerateSpectraNode().execute(new Inputs(Map.of()), p, new StandaloneContext("gen", seed, java.nio.file.Path.of(".")))
                .get("table");
    }

    @Test
    void configurePromisesWhatExecuteDelivers() throws Exception {
        TableSpec spec = (TableSpec) new GenerateSpectraNode().configure(Specs.of(Map.of()), P, new StandaloneContext("gen", 1, java.nio.file.Path.of(".")))
                .get("table");
        assertEquals(spec, run(P, 1).spec(Lineage.UNSPLIT));
        assertEquals("1401 ch · 10–80 °", spec.column("pattern").orElseThrow().shape().describe());
        assertEquals(ColumnRole.TARGET, spec.column("fraction_quartz").orElseThrow().role());
        assertEquals(ColumnRole.IGNORE, spec.column("fraction_halite").orElseThrow().role(), "other truths must not be features");
        assertEquals(ColumnRole.GROUP, spec.column("sample").orElseThrow().role());
    }

    @Test
    void countsAreNonNegativeFractionsSumToOneAndReplicatesShareTheirSample() {
        Table t = run(P, 7);
        TensorColumn pattern = (TensorColumn) t.column("pattern").orElseThrow();
        for (float v : pattern.values()) {
            assertTrue(v >= 0 && v == Math.rint(v), "a count: " + v);
        }
        CategoricalColumn sample = (CategoricalColumn) t.column("sample").orElseThrow();
        for (int r = 0; r < t.rowCount(); r++) {
            double sum = t.numeric("fraction_quartz").get(r) + t.numeric("fraction_calcite").get(r) + t.numeric("fraction_halite").get(r);
            assertEquals(1, sum, 1e-12);
            assertEquals("S%03d".formatted(r / 3 + 1), sample.get(r));
            assertEquals(t.numeric("fraction_quartz").get(r / 3 * 3), t.numeric("fraction_quartz").get(r));
        }
        assertEquals(pattern, run(P, 7).column("pattern").orElseThrow(), "same seed, same patterns");
        assertTrue(!pattern.equals(run(P, 8).column("pattern").orElseThrow()));
    }

    @Test
    void eachPhasesStrongestPeakFollowsItsFraction() {
        Table t = run(P, 3);
        TensorColumn pattern = (TensorColumn) t.column("pattern").orElseThrow();
        String[] phase = {"quartz", "calcite", "halite"};
        double[] peak = {26.64, 29.41, 31.70};
        for (int k = 0; k < 3; k++) {
            int top = (int) Math.round((peak[k] - 10) / 0.05);
            int side = top + 30; // 1.5° away: background only; the zero shift moves the top off this channel, hence r < 1
            double[] height = new double[t.rowCount()];
            for (int r = 0; r < t.rowCount(); r++) {
                height[r] = pattern.values()[pattern.offset(r) + top] - pattern.values()[pattern.offset(r) + side];
            }
            double corr = correlation(height, t.numeric("fraction_" + phase[k]).values());
            assertTrue(corr > 0.95, phase[k] + " peak vs fraction: r = " + corr);
        }
    }

    static double correlation(double[] a, double[] b) {
        double ma = java.util.Arrays.stream(a).average().orElseThrow();
        double mb = java.util.Arrays.stream(b).average().orElseThrow();
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < a.length; i++) {
            sab += (a[i] - ma) * (b[i] - mb);
            saa += (a[i] - ma) * (a[i] - ma);
            sbb += (b[i] - mb) * (b[i] - mb);
        }
        return sab / Math.sqrt(saa * sbb);
    }
}
