package org.anneal.nodes.spectra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.anneal.data.CategoricalColumn;
import org.anneal.data.Column;
import org.anneal.data.Table;
import org.anneal.data.TensorColumn;
import org.anneal.spec.ColumnRole;
import org.anneal.spec.ConfigError;
import org.junit.jupiter.api.Test;

/** Replicates share what belongs to the sample and differ in what belongs to the measurement; one replicate is the old generator. */
class GenerateRamanNodeTest {
    static final List<String> TIO2 = List.of("anatase", "rutile");

    static GenerateRamanNode.Params mixtures(int spectra, int replicates, double counts, double fluorescence) {
        return new GenerateRamanNode.Params(TIO2, spectra, 100, 900, 512, counts, fluorescence, 0, replicates, GenerateRamanNode.Target.FRACTION);
    }

    static Table raman(GenerateRamanNode.Params p) throws Exception {
        return DespikeNodeTest.raman(p);
    }

    @Test
    void oneReplicateGivesTheSpectraOfEarlierVersionsBitForBit() throws Exception {
        Table t = raman(new GenerateRamanNode.Params(List.of("anatase", "rutile", "silicon", "calcite"), 12, 100, 1800, 256, 1000, 1500, 2));
        assertEquals(List.of("spectrum", "material", "true_spikes", "spike_mask"), t.columns().stream().map(Column::name).toList());
        long sum = 0;
        TensorColumn s = (TensorColumn) t.column("spectrum").orElseThrow();
        for (int r = 0; r < s.size(); r++) {
            float[] y = s.get(r);
            for (int i = 0; i < y.length; i++) {
                sum += (long) y[i] * (31L * r + i + 1);
            }
        }
        // computed with the generator before `replicates` existed (commit 57303cc), seed 17
        assertEquals(OLD_CHECKSUM, sum);
    }

    static final long OLD_CHECKSUM = 512_617_913L;

    @Test
    void replicatesShareTheSampleAndDifferOnlyInTheMeasurement() throws Exception {
        Table t = raman(mixtures(30, 5, 300, 3000));
        assertEquals(List.of("spectrum", "anatase_fraction", "sample", "true_spikes", "spike_mask"), t.columns().stream().map(Column::name).toList());
        CategoricalColumn sample = (CategoricalColumn) t.column("sample").orElseThrow();
        assertEquals(ColumnRole.GROUP, sample.role());
        assertEquals(List.of("S001", "S002", "S003", "S004", "S005", "S006"), sample.levels());
        double[] fraction = t.numeric("anatase_fraction").values();
        assertEquals(ColumnRole.TARGET, t.numeric("anatase_fraction").role());
        TensorColumn s = (TensorColumn) t.column("spectrum").orElseThrow();
        for (int row = 0; row < 30; row++) {
            int g = row / 5;
            assertEquals(g, sample.codes()[row]);
            assertEquals(fraction[5 * g], fraction[row], 0, "the fraction belongs to the sample");
            // against the mean of the sample's other replicates, scaled by the measurement's intensity factor,
            // what remains is Poisson noise: chi² per channel ≈ 1 (variance k·m of the spectrum, k·m/4 of the mean)
            double[] others = new double[512];
            for (int o = 5 * g; o < 5 * g + 5; o++) {
                for (int i = 0; o != row && i < 512; i++) {
                    others[i] += s.get(o)[i] / 4.0;
                }
            }
            Fit same = fit(s.get(row), others);
            assertTrue(same.chi2() > 0.85 && same.chi2() < 1.2, "row " + row + ": the replicates differ by Poisson noise, chi² " + same.chi2());
            assertTrue(same.factor() > 0.89 && same.factor() < 1.12, "a small intensity factor: " + same.factor());
            double[] otherSample = new double[512];
            for (int i = 0; i < 512; i++) {
                otherSample[i] = s.get((row + 5) % 30)[i];
            }
            double apart = fit(s.get(row), otherSample).chi2();
            assertTrue(apart > 20, "another sample has its own background and bands: chi² " + apart);
        }
    }

    /** Least-squares factor k of {@code y ≈ k·m} and chi² per channel with Poisson variance 1.25·k·m. */
    record Fit(double factor, double chi2) {
    }

    static Fit fit(float[] y, double[] m) {
        double sy = 0;
        double sm = 0;
        for (int i = 0; i < y.length; i++) {
            sy += y[i];
            sm += m[i];
        }
        double k = sy / sm;
        double chi = 0;
        for (int i = 0; i < y.length; i++) {
            chi += Math.pow(y[i] - k * m[i], 2) / (1.25 * k * m[i]);
        }
        return new Fit(k, chi / (y.length - 1));
    }

    @Test
    void theFirstMaterialsBandsGrowWithItsFraction() throws Exception {
        // no fluorescence and bright bands: the anatase 144 cm⁻¹ top over the rutile 447 cm⁻¹ top follows the drawn fraction
        Table t = raman(mixtures(40, 2, 100000, 0));
        double[] fraction = t.numeric("anatase_fraction").values();
        TensorColumn s = (TensorColumn) t.column("spectrum").orElseThrow();
        double step = 800.0 / 511;
        double[] share = new double[40];
        for (int r = 0; r < 40; r++) {
            double a = top(s.get(r), (int) Math.round(44 / step));
            double b = top(s.get(r), (int) Math.round(347 / step));
            share[r] = a / (a + b);
        }
        assertTrue(GenerateSpectraNodeTest.correlation(fraction, share) > 0.99, "corr " + GenerateSpectraNodeTest.correlation(fraction, share));
        double lo = 1;
        double hi = 0;
        for (double f : fraction) {
            lo = Math.min(lo, f);
            hi = Math.max(hi, f);
        }
        assertTrue(lo < 0.2 && hi > 0.8, "fractions drawn over 0..1: " + lo + ".." + hi);
    }

    private static double top(float[] y, int at) {
        double best = 0;
        for (int i = at - 6; i <= at + 6; i++) {
            best = Math.max(best, y[i] - 10);
        }
        return best;
    }

    @Test
    void badReplicatesAndMixturesAreLocatedErrors() {
        ConfigError uneven = assertThrows(ConfigError.class, () -> raman(mixtures(12, 5, 300, 0)));
        assertEquals("replicates", uneven.param());
        ConfigError three = assertThrows(ConfigError.class, () -> raman(new GenerateRamanNode.Params(List.of("anatase", "rutile", "quartz"), 10, 100,
                900, 256, 300, 0, 0, 5, GenerateRamanNode.Target.FRACTION)));
        assertEquals("materials", three.param());
        assertTrue(three.getMessage().contains("names 3"), three.getMessage());
    }
}
