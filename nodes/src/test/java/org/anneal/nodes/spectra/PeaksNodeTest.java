package org.anneal.nodes.spectra;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.data.TensorColumn;
import org.anneal.exec.StandaloneContext;
import org.anneal.spec.Axis;
import org.anneal.spec.ColumnRole;
import org.anneal.spec.Inputs;
import org.anneal.spec.Lineage;
import org.anneal.spec.Shape;
import org.anneal.spec.Specs;
import org.junit.jupiter.api.Test;

class PeaksNodeTest {
    static final StandaloneContext CTX = new StandaloneContext("peaks", 1, Path.of("."));

    /**
     * Three lines on a wavy slope, a flat stretch that is no peak and a flat-topped one. Reference from SciPy 1.10
     * (python3-scipy): find_peaks(y, prominence=1) and peak_widths(y, peaks, rel_height=0.5).
     */
    static final double[] Y = {0.075, 2.286, 4.106, 5.218, 5.446, 4.835, 3.812, 3.514, 6.054, 13.799, 26.823, 40.423, 47.031, 42.707, 31.013,
        19.211, 11.825, 8.765, 7.815, 7.149, 6.008, 6.008, 6.008, 0.897, -0.069, 0.017, 1.535, 5.020, 11.688, 23.881, 35.296, 27.823, 18.877,
        14.196, 11.117, 8.410, 5.866, 3.738, 2.499, 2.675, 4.679, 8.600, 14.016, 19.942, 25.046, 28.078, 28.345, 25.946, 21.641, 16.478, 11.402,
        7.050, 3.758, 1.655, 0.756, 0.990, 9.000, 9.000, 9.000, 4.000};

    @Test
    void findPeaksMatchesScipy() {
        List<PeakFinder.Peak> peaks = PeakFinder.find(Y, 1, 0);
        assertArrayEquals(new int[] {4, 12, 30, 46, 57}, peaks.stream().mapToInt(PeakFinder.Peak::index).toArray());
        assertArrayEquals(new double[] {1.932, 46.956, 34.54, 25.846, 5.0}, peaks.stream().mapToDouble(PeakFinder.Peak::prominence).toArray(), 1e-9);
        assertArrayEquals(new int[] {0, 0, 24, 38, 54}, peaks.stream().mapToInt(PeakFinder.Peak::leftBase).toArray());
        assertArrayEquals(new int[] {7, 24, 54, 54, 59}, peaks.stream().mapToInt(PeakFinder.Peak::rightBase).toArray());
        assertArrayEquals(new double[] {3.010688, 4.883171, 3.661992, 6.970778, 2.81211}, peaks.stream().mapToDouble(PeakFinder.Peak::width).toArray(), 1e-6);
        assertArrayEquals(new double[] {2.336331, 9.748925, 28.519806, 42.23726, 55.68789}, peaks.stream().mapToDouble(PeakFinder.Peak::leftIp).toArray(), 1e-6);
        assertEquals(List.of(12, 30, 46), PeakFinder.find(Y, 10, 0).stream().map(PeakFinder.Peak::index).toList());
        assertEquals(List.of(46), PeakFinder.find(Y, 10, 5).stream().map(PeakFinder.Peak::index).toList(), "only the wide one");
    }

    static Table spectra(Axis axis, float[]... rows) {
        return new Table(List.of(new NumericColumn("sample", ColumnRole.ID, java.util.stream.IntStream.range(0, rows.length).asDoubleStream().toArray()),
                TensorColumn.of("spectrum", ColumnRole.FEATURE, Shape.spectrum(axis), List.of(rows)).withUnit("counts")));
    }

    static Table peaks(Table t, PeaksNode.Params p) throws Exception {
        var node = new PeaksNode();
        Specs specs = node.configure(Specs.of(Map.of("table", t.spec(Lineage.UNSPLIT))), p, CTX);
        Table out = (Table) node.execute(new Inputs(Map.of("table", t), specs), p, CTX).get("peaks");
        assertEquals(specs.get("peaks"), out.spec(Lineage.UNSPLIT));
        return out;
    }

    @Test
    void eachProfileRecoversTheLineItWasDrawnWith() throws Exception {
        Axis axis = Axis.regular("energy", 201, "eV", 100, 0.5);
        for (PeakProfile shape : List.of(PeakProfile.GAUSSIAN, PeakProfile.LORENTZIAN, PeakProfile.PSEUDO_VOIGT)) {
            double[] truth = shape == PeakProfile.PSEUDO_VOIGT ? new double[] {80, 151.3, 6, 10, 0.3} : new double[] {80, 151.3, 6, 10};
            float[] y = new float[201];
            for (int i = 0; i < y.length; i++) {
                y[i] = (float) shape.value(100 + 0.5 * i, truth);
            }
            Table t = peaks(spectra(axis, y), new PeaksNode.Params("spectrum", 5, 0, shape, 1.5406));
            assertEquals(1, t.rowCount(), shape.name());
            assertEquals(151.3, t.numeric("fit_center").get(0), 1e-4, shape.name());
            assertEquals(6, t.numeric("fit_fwhm").get(0), 1e-3, shape.name());
            assertEquals(80, t.numeric("fit_amplitude").get(0), 1e-2, shape.name());
            assertEquals(10, t.numeric("fit_background").get(0), 1e-2, shape.name());
            if (shape == PeakProfile.PSEUDO_VOIGT) {
                assertEquals(0.3, t.numeric("fit_eta").get(0), 1e-3);
            }
            assertEquals("eV", t.spec(Lineage.UNSPLIT).column("fit_fwhm").orElseThrow().unit());
            assertTrue(t.column("d_spacing").isEmpty(), "no Bragg's law on an energy axis");
        }
    }

    @Test
    void dSpacingsOfTheGeneratedPhasesMatchTheirReferenceValues() throws Exception {
        // no zero shift; d from the PDF cards' cells: quartz (101) 3.3435 Å (a 4.9134, c 5.4052),
        // calcite (104) 3.0355 Å, halite (200) 2.8201 Å (a 5.6402 Å)
        var gen = new GenerateSpectraNode.Params(12, 1, 1401, 5000, 0, GenerateSpectraNode.Target.MAJOR_PHASE);
        Table mixtures = (Table) new GenerateSpectraNode().execute(new Inputs(Map.of()), gen, new StandaloneContext("gen", 4, Path.of("."))).get("table");
        TensorColumn pattern = (TensorColumn) mixtures.column("pattern").orElseThrow();
        String[] phases = {"quartz", "calcite", "halite"};
        double[] reference = {3.3435, 3.0355, 2.8201};
        float[][] pure = new float[3][];
        for (int ph = 0; ph < 3; ph++) {
            // the mixture richest in this phase, where its strongest line stands out
            int best = 0;
            for (int r = 0; r < mixtures.rowCount(); r++) {
                if (mixtures.numeric("fraction_" + phases[ph]).get(r) > mixtures.numeric("fraction_" + phases[ph]).get(best)) {
                    best = r;
                }
            }
            pure[ph] = java.util.Arrays.copyOfRange(pattern.values(), best * pattern.rowSize(), (best + 1) * pattern.rowSize());
        }
        Table t = peaks(spectra(pattern.shape().axis(0), pure), new PeaksNode.Params("spectrum", 200, 2, PeakProfile.PSEUDO_VOIGT, 1.5406));
        for (int ph = 0; ph < 3; ph++) {
            double closest = Double.MAX_VALUE;
            for (int r = 0; r < t.rowCount(); r++) {
                if (t.numeric("sample").get(r) == ph && Math.abs(t.numeric("d_spacing").get(r) - reference[ph]) < Math.abs(closest - reference[ph])) {
                    closest = t.numeric("d_spacing").get(r);
                }
            }
            assertEquals(reference[ph], closest, 0.004, phases[ph] + " strongest line");
        }
        assertEquals("Å", t.spec(Lineage.UNSPLIT).column("d_spacing").orElseThrow().unit());
    }
}
