package org.anneal.nodes.spectra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The phase table against published crystallography: cell content, densities, d-spacings, absences, intensities. */
class XrdPhasesTest {
    static Crystal phase(String id) {
        return XrdPhases.PHASES.get(id);
    }

    @Test
    void formFactorsStartAtTheAtomicNumber() {
        Map<String, Integer> z = Map.of("C", 6, "O", 8, "Na", 11, "Al", 13, "Si", 14, "Cl", 17, "Ti", 22, "Fe", 26, "Cu", 29, "Zn", 30);
        z.forEach((e, n) -> assertEquals(n, CromerMann.f(e, 0), 0.02, e));
    }

    @Test
    void cellsHoldTheirFormulaUnits() {
        Map<String, Integer> atoms = Map.ofEntries(Map.entry("alpha-fe", 2), Map.entry("gamma-fe", 4), Map.entry("cementite", 16),
                Map.entry("aluminium", 4), Map.entry("copper", 4), Map.entry("silicon", 8), Map.entry("halite", 8), Map.entry("rutile", 6),
                Map.entry("anatase", 12), Map.entry("corundum", 30), Map.entry("zincite", 4), Map.entry("quartz", 9));
        assertEquals(XrdPhases.PHASES.keySet(), atoms.keySet(), "the dozen phases of the issue");
        atoms.forEach((id, n) -> assertEquals(n, phase(id).atoms().size(), id));
    }

    @Test
    void densitiesFromCellContentMatchPublishedOnes() {
        // handbook densities (CRC Handbook; cementite and the TiO2 polymorphs as in Deer, Howie & Zussman)
        Map<String, Double> ref = Map.ofEntries(Map.entry("alpha-fe", 7.874), Map.entry("cementite", 7.69), Map.entry("aluminium", 2.70),
                Map.entry("copper", 8.96), Map.entry("silicon", 2.329), Map.entry("halite", 2.165), Map.entry("rutile", 4.25),
                Map.entry("anatase", 3.89), Map.entry("corundum", 3.99), Map.entry("zincite", 5.61), Map.entry("quartz", 2.65));
        // ZnO: its X-ray density 5.675 sits 1.2 % above the bulk 5.61 of sintered/handbook samples, hence 1.5 % for it
        ref.forEach((id, rho) -> assertEquals(rho, phase(id).density(), rho * (id.equals("zincite") ? 0.015 : 0.01), id));
        assertEquals(8.0, phase("gamma-fe").density(), 0.1, "retained austenite is a little less dense than ferrite's 7.87 plus C");
    }

    @Test
    void bondLengthsShowThePositionsAreExpandedRight() {
        assertEquals(2.482, phase("alpha-fe").shortestDistance("Fe", "Fe"), 0.002, "bcc nearest neighbours a√3/2");
        assertEquals(2.352, phase("silicon").shortestDistance("Si", "Si"), 0.002, "diamond bond a√3/4");
        assertEquals(2.820, phase("halite").shortestDistance("Na", "Cl"), 0.002);
        assertEquals(1.949, phase("rutile").shortestDistance("Ti", "O"), 0.01, "rutile equatorial Ti–O");
        assertEquals(1.934, phase("anatase").shortestDistance("Ti", "O"), 0.01, "anatase equatorial Ti–O");
        assertEquals(1.855, phase("corundum").shortestDistance("Al", "O"), 0.01, "corundum short Al–O");
        assertEquals(1.98, phase("zincite").shortestDistance("Zn", "O"), 0.02, "wurtzite Zn–O");
        assertEquals(1.609, phase("quartz").shortestDistance("Si", "O"), 0.01, "quartz Si–O");
        double feC = phase("cementite").shortestDistance("Fe", "C");
        assertTrue(feC > 1.95 && feC < 2.05, "cementite Fe–C about 2.0 Å: " + feC);
    }

    @Test
    void dSpacingsOfStrongLinesMatchPowderFiles() {
        // ICDD/JCPDS powder files (anatase 101: 21-1272 prints 3.52, its own lattice parameters give 3.517): α-Fe 06-0696, Al 04-0787, Cu 04-0836, Si 27-1402, NaCl 05-0628, rutile 21-1276,
        // anatase 21-1272, corundum 46-1212, ZnO 36-1451, quartz 46-1045
        Object[][] ref = {{"alpha-fe", 1, 1, 0, 2.0268}, {"alpha-fe", 2, 0, 0, 1.4332}, {"alpha-fe", 2, 1, 1, 1.1702}, {"aluminium", 1, 1, 1, 2.338},
            {"aluminium", 2, 0, 0, 2.024}, {"copper", 1, 1, 1, 2.088}, {"copper", 2, 0, 0, 1.808}, {"silicon", 1, 1, 1, 3.1355},
            {"silicon", 2, 2, 0, 1.9201}, {"silicon", 3, 1, 1, 1.6375}, {"halite", 2, 0, 0, 2.821}, {"halite", 2, 2, 0, 1.994},
            {"rutile", 1, 1, 0, 3.247}, {"rutile", 1, 0, 1, 2.487}, {"rutile", 2, 1, 1, 1.687}, {"anatase", 1, 0, 1, 3.517},
            {"anatase", 2, 0, 0, 1.892}, {"corundum", 1, 0, 4, 2.5509}, {"corundum", 1, 1, 3, 2.0853}, {"corundum", 0, 1, 2, 3.4797},
            {"zincite", 1, 0, 1, 2.4759}, {"zincite", 1, 0, 0, 2.8143}, {"zincite", 0, 0, 2, 2.6033}, {"quartz", 1, 0, 1, 3.3435},
            {"quartz", 1, 0, 0, 4.2550}};
        for (Object[] r : ref) {
            double d = phase((String) r[0]).dSpacing((int) r[1], (int) r[2], (int) r[3]);
            assertEquals((double) r[4], d, 0.002, r[0] + " " + r[1] + r[2] + r[3]);
        }
    }

    @Test
    void systematicAbsencesHold() {
        Crystal fe = phase("alpha-fe");
        Crystal cu = phase("copper");
        Crystal si = phase("silicon");
        double bcc110 = fe.structureFactorSquared(1, 1, 0, fe.atoms());
        assertEquals(0, fe.structureFactorSquared(1, 0, 0, fe.atoms()) / bcc110, 1e-12, "bcc: h+k+l odd absent");
        assertEquals(0, fe.structureFactorSquared(2, 1, 0, fe.atoms()) / bcc110, 1e-12);
        double fcc111 = cu.structureFactorSquared(1, 1, 1, cu.atoms());
        assertEquals(0, cu.structureFactorSquared(1, 1, 0, cu.atoms()) / fcc111, 1e-12, "fcc: mixed parity absent");
        assertEquals(0, cu.structureFactorSquared(2, 1, 0, cu.atoms()) / fcc111, 1e-12);
        double si111 = si.structureFactorSquared(1, 1, 1, si.atoms());
        assertEquals(0, si.structureFactorSquared(2, 0, 0, si.atoms()) / si111, 1e-12, "diamond: 200 absent");
        assertEquals(0, si.structureFactorSquared(2, 2, 2, si.atoms()) / si111, 1e-12, "diamond: 222 absent without bonding charge");
        // 16 Fe per fcc cell of Cu at 111: F = 4 f(Cu) e^{-B s²}
        double s = 1 / (2 * cu.dSpacing(1, 1, 1));
        assertEquals(Math.pow(4 * CromerMann.f("Cu", s) * Math.exp(-0.55 * s * s), 2), fcc111, 1e-9);
        List<PowderPattern.Line> lines = PowderPattern.lines(fe, XrayTube.CU.kAlpha1, 120);
        assertEquals(List.of("110", "200", "211", "220", "310"), lines.stream().map(PowderPattern.Line::hkl).toList(), "bcc lines to 120°");
    }

    /** Lines to 2θ = 90° (Cu), relative integrated intensity (strongest = 100) by d rounded to 3 decimals. */
    static List<PowderPattern.Line> relative(String id) {
        List<PowderPattern.Line> lines = PowderPattern.lines(phase(id), XrayTube.CU.kAlpha1, 90);
        double max = lines.stream().mapToDouble(PowderPattern.Line::intensity).max().orElseThrow();
        return lines.stream().map(l -> new PowderPattern.Line(l.d(), l.h(), l.k(), l.l(), 100 * l.intensity() / max)).toList();
    }

    static double intensity(List<PowderPattern.Line> lines, double d) {
        return lines.stream().filter(l -> Math.abs(l.d() - d) < 0.003).mapToDouble(PowderPattern.Line::intensity).sum();
    }

    @Test
    void relativeIntensitiesAreThoseOfThePowderFiles() {
        // the strongest line of each phase is that of its powder file
        Map<String, Double> strongest = Map.ofEntries(Map.entry("alpha-fe", 2.0268), Map.entry("gamma-fe", 2.073), Map.entry("aluminium", 2.338),
                Map.entry("copper", 2.087), Map.entry("silicon", 3.1355), Map.entry("halite", 2.821), Map.entry("rutile", 3.247),
                Map.entry("anatase", 3.517), Map.entry("zincite", 2.4759), Map.entry("quartz", 3.3435));
        strongest.forEach((id, d) -> {
            PowderPattern.Line top = relative(id).stream().max(Comparator.comparingDouble(PowderPattern.Line::intensity)).orElseThrow();
            assertEquals(d, top.d(), 0.003, id + " strongest line");
        });
        // a few published ratios (powder files above, integrated intensities), within 12 points of 100
        List<PowderPattern.Line> si = relative("silicon");
        assertTrue(intensity(si, 3.1355) > intensity(si, 1.9201) && intensity(si, 1.9201) > intensity(si, 1.6375), "Si 111 > 220 > 311");
        assertEquals(55, intensity(si, 1.9201), 12, "Si 220");
        assertEquals(30, intensity(si, 1.6375), 12, "Si 311");
        assertEquals(46, intensity(relative("copper"), 1.808), 12, "Cu 200");
        assertEquals(20, intensity(relative("alpha-fe"), 1.4332), 12, "α-Fe 200");
        assertEquals(55, intensity(relative("halite"), 1.994), 12, "NaCl 220");
        assertEquals(13, intensity(relative("halite"), 3.256), 8, "NaCl 111");
        assertEquals(57, intensity(relative("zincite"), 2.8143), 12, "ZnO 100");
        assertEquals(44, intensity(relative("zincite"), 2.6033), 12, "ZnO 002");
        assertEquals(50, intensity(relative("rutile"), 2.487), 12, "rutile 101");
        assertEquals(20, intensity(relative("quartz"), 4.255), 8, "quartz 100");
        assertTrue(intensity(relative("corundum"), 2.0853) > 60 && intensity(relative("corundum"), 2.5509) > 60, "corundum 113 and 104 lead");
    }
}
