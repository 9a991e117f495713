package org.anneal.nodes.spectra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.anneal.data.CategoricalColumn;
import org.anneal.data.Table;
import org.anneal.data.TensorColumn;
import org.anneal.exec.StandaloneContext;
import org.anneal.spec.ColumnRole;
import org.anneal.spec.ConfigError;
import org.anneal.spec.Inputs;
import org.anneal.spec.Lineage;
import org.anneal.spec.Specs;
import org.anneal.spec.TableSpec;
import org.junit.jupiter.api.Test;

class GenerateEdsNodeTest {
    static final double STEP = 0.005;

    static EdsSpectrum.Setup setup(double beam, double resolution, double pileup) {
        return new EdsSpectrum.Setup(beam, resolution, pileup, 0, STEP, 6000, 1e6);
    }

    static double energy(int i) {
        return i * STEP;
    }

    static int channel(double e) {
        return (int) Math.round(e / STEP);
    }

    /** Energy of the highest channel within ±w keV of e. */
    static double peak(double[] y, double e, double w) {
        int best = channel(e - w);
        for (int i = channel(e - w); i <= channel(e + w); i++) {
            best = y[i] > y[best] ? i : best;
        }
        return energy(best);
    }

    /** Full width at half maximum (keV) of the peak at e, over the local continuum, with linear interpolation. */
    static double fwhm(double[] y, double e) {
        int top = channel(peak(y, e, 0.05));
        double base = Math.min(y[top - 100], y[top + 100]);
        double half = base + (y[top] - base) / 2;
        int lo = top;
        while (y[lo] > half) {
            lo--;
        }
        int hi = top;
        while (y[hi] > half) {
            hi++;
        }
        double left = energy(lo) + STEP * (half - y[lo]) / (y[lo + 1] - y[lo]);
        double right = energy(hi - 1) + STEP * (y[hi - 1] - half) / (y[hi - 1] - y[hi]);
        return right - left;
    }

    @Test
    void everyLineLandsOnItsTabulatedEnergy() {
        // Kα (Kα₁/Kα₂ 2:1 mean) of each element at 30 kV, within 10 eV (Nb, Mo: Kα₁ and Kα₂ lie 0.1 keV apart, and the top
        // of their sum leans to Kα₁); Lα of Mo at 20 kV, where K is not excited
        for (String el : EdsLines.ELEMENTS.keySet()) {
            if (EdsLines.ELEMENTS.get(el).kEdge() > 30) {
                continue; // Hf to U: K edges above 65 keV (their M and L lines: EdsMLinesTest)
            }
            double[] y = EdsSpectrum.expected(Map.of(el, 1.0), setup(30, 130, 0));
            if (el.equals("Ag")) {
                // Ag Kα₁ and Kα₂ lie 0.17 keV apart, most of a line width: the top sits between their mean and Kα₁
                double top = peak(y, EdsLines.kAlpha(el), 0.08);
                assertTrue(top > EdsLines.kAlpha(el) && top < 22.1629, "Ag Kα top " + top);
                continue;
            }
            assertEquals(EdsLines.kAlpha(el), peak(y, EdsLines.kAlpha(el), 0.04), 2 * STEP, el + " Kα");
        }
        assertEquals(6.4038 - 0.0043, EdsLines.kAlpha("Fe"), 0.001, "Fe Kα: 2:1 mean of 6.4038 and 6.3908");
        double[] mo = EdsSpectrum.expected(Map.of("Mo", 1.0), setup(20, 130, 0));
        assertEquals(2.2932, peak(mo, 2.29, 0.04), STEP, "Mo Lα");
        assertTrue(mo[channel(17.44)] < 2 * mo[channel(16.5)], "Mo K edge (20.0 keV) not reached at 20 kV: no Kα");
        double[] ss = EdsSpectrum.expected(EdsMaterials.PRESETS.get("stainless-316"), setup(20, 130, 0));
        assertEquals(5.4116, peak(ss, 5.41, 0.04), STEP, "Cr Kα in 316");
        assertEquals(7.4724, peak(ss, 7.47, 0.04), STEP, "Ni Kα in 316");
    }

    @Test
    void widthFollowsTheFanoFormAndEqualsTheResolutionAtMnKAlpha() {
        for (double res : new double[] {125, 130, 150}) {
            double[] mn = EdsSpectrum.expected(Map.of("Mn", 1.0), setup(20, res, 0));
            // Kα₁ and Kα₂ lie 11 eV apart: their sum is 0.4 eV wider than one line at 130 eV
            assertEquals(res, 1000 * fwhm(mn, 5.895), 1.5, "FWHM at Mn Kα for resolution " + res);
        }
        double[] al = EdsSpectrum.expected(Map.of("Al", 1.0), setup(20, 130, 0));
        assertEquals(Math.sqrt(130 * 130 + 2.5 * (1486.7 - 5895)), 1000 * fwhm(al, 1.4867), 2, "narrower at Al Kα: √(FWHM_Mn² + 2.5 (E − 5895))");
        assertEquals(121.4, EdsSpectrum.minResolutionEv(), 0.1);
    }

    @Test
    void escapeAndSumPeaksSitWhereTheyShould() {
        double[] cu = EdsSpectrum.expected(Map.of("Cu", 1.0), setup(20, 130, 0.01));
        double escape = EdsLines.kAlpha("Cu") - 1.740;
        // the top of a small peak on a falling continuum leans a little to lower energy
        assertEquals(escape, peak(cu, escape, 0.04), 3 * STEP, "Cu Kα escape at 6.30 keV");
        // 0.2 % of Cu Kα escapes (about 2 % just above the Si edge, falling with energy): a bump of some 8 % over the continuum
        double under = (cu[channel(escape - 0.3)] + cu[channel(escape + 0.3)]) / 2;
        assertTrue(cu[channel(escape)] > 1.05 * under, "the escape peak rises over the continuum: " + cu[channel(escape)] / under);
        double sum = 2 * EdsLines.kAlpha("Cu");
        assertEquals(sum, peak(cu, sum, 0.04), 3 * STEP, "Cu Kα + Kα sum peak at 16.08 keV");
        double[] quiet = EdsSpectrum.expected(Map.of("Cu", 1.0), setup(20, 130, 0));
        assertTrue(quiet[channel(sum)] < 1.05 * quiet[channel(sum - 0.4)], "no pile-up, no sum peak");
        assertEquals(0, EdsSpectrum.peaks(Map.of("Al", 1.0), setup(20, 130, 0)).stream().filter(p -> p.energy() < 1).count(),
                "Al Kα lies below the Si K edge: no escape peak");
        assertEquals(0, EdsSpectrum.peaks(Map.of("Si", 1.0), setup(20, 130, 0)).stream().filter(p -> p.energy() < 1).count(),
                "Si Kα and Kβ (1.836 keV) lie just below the Si K edge (1.839 keV): Si cannot escape from Si");
        assertEquals(List.of(2.7709, 2.7649, 3.1918), EdsSpectrum.peaks(Map.of("Ti", 1.0), setup(20, 130, 0)).stream()
                .filter(p -> p.energy() > 2 && p.energy() < 4).map(p -> Math.round(p.energy() * 1e4) / 1e4).toList(), "Ti Kα₁, Kα₂, Kβ − 1.740 keV");
    }

    @Test
    void ironPeakStandsAboutEightyTimesOverItsContinuum() {
        double[] fe = EdsSpectrum.expected(Map.of("Fe", 1.0), setup(20, 130, 0));
        double continuum = (fe[channel(6.0)] + fe[channel(6.8) + 10]) / 2;
        double ratio = fe[channel(6.40)] / continuum;
        assertTrue(ratio > 50 && ratio < 120, "peak to background " + ratio);
        // Kramers: the continuum ends at the beam energy
        assertEquals(0, fe[channel(20.2)], 1e-12);
    }

    static GenerateEdsNode.Params params(List<String> materials, int samples) {
        return new GenerateEdsNode.Params(materials, samples, 0.05, 20, 130, 0.002, 200000, 2048, 0.01);
    }

    @Test
    void nodeTableCarriesMaterialAndCompositionTruth() throws Exception {
        GenerateEdsNode.Params p = params(List.of("stainless-316", "brass", "alumina"), 12);
        var ctx = new StandaloneContext("eds", 4, Path.of("."));
        TableSpec spec = (TableSpec) new GenerateEdsNode().configure(Specs.of(Map.of()), p, ctx).get("table");
        Table t = (Table) new GenerateEdsNode().execute(new Inputs(Map.of()), p, ctx).get("table");
        assertEquals(spec, t.spec(Lineage.UNSPLIT));
        assertEquals("2048 ch · 0–20.47 keV", spec.column("spectrum").orElseThrow().shape().describe());
        assertEquals(ColumnRole.TARGET, spec.column("material").orElseThrow().role());
        assertEquals(List.of("material", "wt_O", "wt_Al", "wt_Cr", "wt_Mn", "wt_Fe", "wt_Ni", "wt_Cu", "wt_Zn", "wt_Mo"),
                spec.columns().stream().skip(1).map(c -> c.name()).toList());
        CategoricalColumn material = (CategoricalColumn) t.column("material").orElseThrow();
        TensorColumn s = (TensorColumn) t.column("spectrum").orElseThrow();
        for (int r = 0; r < t.rowCount(); r++) {
            double total = 0;
            for (String e : List.of("O", "Al", "Cr", "Mn", "Fe", "Ni", "Cu", "Zn", "Mo")) {
                total += t.numeric("wt_" + e).get(r);
            }
            assertEquals(1, total, 1e-9);
            double counts = 0;
            for (int i = 0; i < s.rowSize(); i++) {
                counts += s.values()[r * s.rowSize() + i];
            }
            assertEquals(200000, counts, 5 * Math.sqrt(200000), "Poisson total around `counts`");
            // brass rows have zinc; the others none
            assertEquals(material.get(r).equals("brass"), t.numeric("wt_Zn").get(r) > 0.3, "row " + r);
        }
        Table again = (Table) new GenerateEdsNode().execute(new Inputs(Map.of()), p, ctx).get("table");
        assertEquals(s, again.column("spectrum").orElseThrow(), "same seed, same spectra");
        Table other = (Table) new GenerateEdsNode().execute(new Inputs(Map.of()), p, new StandaloneContext("eds", 5, Path.of("."))).get("table");
        assertNotEquals(s, other.column("spectrum").orElseThrow());
    }

    @Test
    void unknownMaterialIsLocated() {
        ConfigError e = assertThrows(ConfigError.class, () -> new GenerateEdsNode().configure(Specs.of(Map.of()), params(List.of("Fe", "unobtainium"), 1),
                new StandaloneContext("eds", 1, Path.of("."))));
        assertEquals("materials", e.param());
        assertTrue(e.getMessage().contains("Unknown material 'unobtainium'"), e.getMessage());
    }

    @Test
    void mapPixelsFollowThePhaseMap() throws Exception {
        var p = new GenerateEdsMapNode.Params(List.of("brass", "alumina", "chromia"), 24, 20, 8, false, 20, 130, 0, 2000, 1024, 0.02);
        var ctx = new StandaloneContext("map", 9, Path.of("."));
        TableSpec spec = (TableSpec) new GenerateEdsMapNode().configure(Specs.of(Map.of()), p, ctx).get("table");
        Table t = (Table) new GenerateEdsMapNode().execute(new Inputs(Map.of()), p, ctx).get("table");
        assertEquals(spec, t.spec(Lineage.UNSPLIT));
        assertEquals(480, t.rowCount());
        assertEquals(23, t.numeric("x").get(23));
        assertEquals(1, t.numeric("y").get(24));
        CategoricalColumn phase = (CategoricalColumn) t.column("phase").orElseThrow();
        TensorColumn s = (TensorColumn) t.column("spectrum").orElseThrow();
        int[] seen = new int[3];
        for (int r = 0; r < t.rowCount(); r++) {
            double cu = window(s, r, 8.04);
            double al = window(s, r, 1.49);
            double cr = window(s, r, 5.41);
            String strongest = cu > al && cu > cr ? "brass" : al > cr ? "alumina" : "chromia";
            assertEquals(phase.get(r), strongest, "pixel " + r + ": its spectrum shows its phase");
            seen[phase.codes()[r]]++;
        }
        for (int n : seen) {
            assertTrue(n > 0, "every material has a grain");
        }
        // with mixing a pixel on a boundary mixes its neighbours: its 3 x 3 shares sum to one and include a second phase
        int[] map = GenerateEdsMapNode.phaseMap(24, 20, 8, 3, new java.util.SplittableRandom(1));
        boolean mixed = false;
        for (int r = 0; r < map.length; r++) {
            double[] share = GenerateEdsMapNode.shares(map, 24, 20, r, 3, true);
            assertEquals(1, share[0] + share[1] + share[2], 1e-12);
            mixed |= share[map[r]] < 1;
        }
        assertTrue(mixed);
    }

    /** Counts within ±0.1 keV of e. */
    static double window(TensorColumn s, int r, double e) {
        double sum = 0;
        int c = (int) Math.round(e / 0.02);
        for (int i = c - 5; i <= c + 5; i++) {
            sum += s.values()[r * s.rowSize() + i];
        }
        return sum;
    }
}
