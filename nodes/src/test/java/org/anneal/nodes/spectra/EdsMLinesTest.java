package org.anneal.nodes.spectra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.anneal.data.CategoricalColumn;
import org.anneal.data.Table;
import org.anneal.spec.Outputs;
import org.junit.jupiter.api.Test;

/** The M lines of the heavy elements: tabulated energies, generated peaks, and the M/K overlaps identify-lines reports. */
class EdsMLinesTest {
    static double line(String element, String name) {
        return EdsLines.ELEMENTS.get(element).lines().stream().filter(l -> l.name().equals(name)).findFirst().orElseThrow().energy();
    }

    static double weight(String element, String name) {
        return EdsLines.ELEMENTS.get(element).lines().stream().filter(l -> l.name().equals(name)).findFirst().orElseThrow().weight();
    }

    @Test
    void energiesAndWeightsAreTheReferenceValues() {
        // Chantler et al. 2005 (NIST FFAST) energies as HyperSpy 1.7 tabulates them, keV
        Map<String, Double> mAlpha = Map.of("Hf", 1.6446, "Ta", 1.7101, "W", 1.7756, "Pt", 2.0505, "Au", 2.1229, "Pb", 2.3459, "Bi", 2.4222,
                "U", 3.1708);
        mAlpha.forEach((el, e) -> assertEquals(e, line(el, "Mα"), 1e-12, el + " Mα"));
        assertEquals(10.5512, line("Pb", "Lα"), 1e-12);
        assertEquals(8.3976, line("W", "Lα"), 1e-12);
        // the pairs students confuse, within 0.1 keV: closer than a 130 eV detector resolves at 2 keV (about 90 eV)
        assertEquals(38.1, 1000 * (line("Pb", "Mα") - line("S", "Kα")), 0.1, "Pb Mα over S Kα, eV");
        assertEquals(35.6, 1000 * (line("W", "Mα") - line("Si", "Kα")), 0.1, "W Mα over Si Kα, eV");
        assertEquals(109.2, 1000 * (line("Au", "Mα") - line("P", "Kα")), 0.1, "Au Mα over P Kα, eV");
        // EPQ weights relative to Mα (Pb: Mβ 0.64124, Mγ 0.21845, Mζ 0.0058), kept in proportion and scaled to sum to 1
        assertEquals(0.64124, weight("Pb", "Mβ") / weight("Pb", "Mα"), 1e-12);
        assertEquals(0.0058, weight("Pb", "Mζ") / weight("Pb", "Mα"), 1e-12);
        assertEquals(1, EdsLines.ELEMENTS.get("Pb").lines().stream().filter(l -> l.shell() == 'M').mapToDouble(EdsLines.Line::weight).sum(), 1e-12);
        assertEquals(1, EdsLines.ELEMENTS.get("Pb").lines().stream().filter(l -> l.shell() == 'L').mapToDouble(EdsLines.Line::weight).sum(), 1e-12);
    }

    @Test
    void generatedLeadAndTungstenShowMAlphaWithinTheResolution() {
        for (String el : List.of("Pb", "W", "Au", "Ta")) {
            double[] y = EdsSpectrum.expected(Map.of(el, 1.0), GenerateEdsNodeTest.setup(20, 130, 0));
            double mAlpha = line(el, "Mα");
            double top = GenerateEdsNodeTest.peak(y, mAlpha, 0.15);
            // Mβ (about 60–100 eV above, 0.6 of Mα) pulls the top of the merged peak up, by less than the FWHM at Mα
            assertTrue(top >= mAlpha - GenerateEdsNodeTest.STEP && top - mAlpha < EdsSpectrum.fwhm(mAlpha, 130),
                    el + " Mα " + mAlpha + ", top at " + top);
            double under = (y[GenerateEdsNodeTest.channel(mAlpha - 0.5)] + y[GenerateEdsNodeTest.channel(mAlpha + 0.8)]) / 2;
            // over the strong continuum of a heavy element (Kramers: ∝ Z) Mα stands two to four times the background
            assertTrue(y[GenerateEdsNodeTest.channel(top)] > 2 * under, el + " Mα stands over the continuum");
        }
    }

    @Test
    void mLinesNeedTheBeamToPassTheM5Edge() {
        // Pb: M₅ edge 2.484 keV, L₃ edge 13.035 keV
        assertTrue(EdsSpectrum.peaks(Map.of("Pb", 1.0), GenerateEdsNodeTest.setup(2.4, 130, 0)).isEmpty(), "below every edge: no line");
        assertEquals(Set.of(2.3459), energiesNear(EdsSpectrum.peaks(Map.of("Pb", 1.0), GenerateEdsNodeTest.setup(2.6, 130, 0)), 2.3459));
        assertEquals(Set.of(), energiesNear(EdsSpectrum.peaks(Map.of("Pb", 1.0), GenerateEdsNodeTest.setup(12, 130, 0)), 10.5512));
        assertEquals(Set.of(10.5512), energiesNear(EdsSpectrum.peaks(Map.of("Pb", 1.0), GenerateEdsNodeTest.setup(20, 130, 0)), 10.5512));
        // at 20 kV the M shell (overvoltage 8) outshines the L shell (overvoltage 1.5), as in measured lead spectra
        double[] y = EdsSpectrum.expected(Map.of("Pb", 1.0), GenerateEdsNodeTest.setup(20, 130, 0));
        assertTrue(y[GenerateEdsNodeTest.channel(2.3459)] > 2 * y[GenerateEdsNodeTest.channel(10.5512)]);
    }

    /** Energies of the peaks within 1 eV of e. */
    private static Set<Double> energiesNear(List<EdsSpectrum.Peak> peaks, double e) {
        return peaks.stream().map(EdsSpectrum.Peak::energy).filter(x -> Math.abs(x - e) < 0.001).collect(java.util.stream.Collectors.toSet());
    }

    /** The `overlaps` cell of an element's row in identify-lines' elements table. */
    static String overlaps(Outputs out, String element) {
        Table t = (Table) out.get("elements");
        CategoricalColumn el = (CategoricalColumn) t.column("element").orElseThrow();
        CategoricalColumn ov = (CategoricalColumn) t.column("overlaps").orElseThrow();
        for (int r = 0; r < t.rowCount(); r++) {
            if (el.get(r).equals(element)) {
                return ov.get(r);
            }
        }
        throw new AssertionError(element + " not found");
    }

    @Test
    void identifyLinesNamesBothElementsOfGalenaAndTungstenSilicideAndTheirOverlap() throws Exception {
        // one 20 kV spectrum of 10⁶ counts: enough for the heavy element's Lα (Pb 10.55, W 8.40 keV) to pass prominence 200
        for (String material : List.of("galena", "tungsten-disilicide")) {
            var p = new GenerateEdsNode.Params(List.of(material), 1, 0.0, 20, 130, 0.002, 1e6, 2048, 0.01);
            Outputs out = IdentifyLinesNodeTest.identify(GenerateEdsNode.generate(p, 1, 7), 200);
            String heavy = material.equals("galena") ? "Pb" : "W";
            String light = material.equals("galena") ? "S" : "Si";
            Set<String> found = IdentifyLinesNodeTest.found(out);
            assertTrue(found.containsAll(Set.of(heavy, light)), material + ": " + found);
            // the light element's Kα peak is also the heavy element's Mα: the overlap is reported
            assertTrue(overlaps(out, light).contains(heavy + " Mα"), material + ": " + overlaps(out, light));
        }
        // and a third: W Mγ (2.036 keV) lies 7 eV from Zr Lα (2.042), so WSi₂'s small Mγ peak is named Zr, W Mγ its rival
        var p = new GenerateEdsNode.Params(List.of("tungsten-disilicide"), 1, 0.0, 20, 130, 0.002, 1e6, 2048, 0.01);
        Outputs out = IdentifyLinesNodeTest.identify(GenerateEdsNode.generate(p, 1, 7), 200);
        assertTrue(overlaps(out, "Zr").contains("W Mγ"), overlaps(out, "Zr"));
    }
}
