package org.anneal.nodes.spectra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.anneal.data.Table;
import org.anneal.data.TensorColumn;
import org.anneal.exec.StandaloneContext;
import org.anneal.spec.ColumnRole;
import org.anneal.spec.ConfigError;
import org.anneal.spec.Inputs;
import org.anneal.spec.Lineage;
import org.anneal.spec.Specs;
import org.anneal.spec.TableSpec;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealVector;
import org.junit.jupiter.api.Test;

class GenerateXrdNodeTest {
    static final List<String> STEEL = List.of("alpha-fe", "gamma-fe", "cementite");

    static GenerateXrdNode.Params params(List<String> phases, int samples, XrayTube tube, double background, String target) {
        return new GenerateXrdNode.Params(phases, samples, 2, 20, 100, 0.02, tube, 0.004, -0.002, 0.002, 60, 0.001, 2000, background, 400, target);
    }

    static final GenerateXrdNode.Params P = params(STEEL, 10, XrayTube.CU, 50, "");

    static Table run(GenerateXrdNode.Params p, long seed) throws ConfigError {
        return (Table) new GenerateXrdNode().execute(new Inputs(Map.of()), p, new StandaloneContext("xrd", seed, Path.of("."))).get("table");
    }

    static TableSpec configure(GenerateXrdNode.Params p) throws ConfigError {
        return (TableSpec) new GenerateXrdNode().configure(Specs.of(Map.of()), p, new StandaloneContext("xrd", 1, Path.of("."))).get("table");
    }

    static double[] row(TensorColumn c, int r) {
        double[] y = new double[c.rowSize()];
        for (int i = 0; i < y.length; i++) {
            y[i] = c.values()[r * y.length + i];
        }
        return y;
    }

    @Test
    void pureOutputHoldsThePatternsEveryMixtureIsMadeOf() throws Exception {
        // no background, no fluorescence: the mean of many replicates of one mixture is Σ fraction × pure
        var p = new GenerateXrdNode.Params(List.of("quartz", "rutile"), 1, 100, 20, 60, 0.05, XrayTube.CU, 0.004, -0.002, 0.002, 60, 0.001, 2000, 0, 0, "");
        var ctx = new StandaloneContext("xrd", 3, Path.of("."));
        var node = new GenerateXrdNode();
        var out = node.execute(new Inputs(Map.of()), p, ctx);
        Table pure = (Table) out.get("pure");
        assertEquals(node.configure(Specs.of(Map.of()), p, ctx).get("pure"), pure.spec(Lineage.UNSPLIT));
        assertEquals(List.of("quartz", "rutile"), List.of(pure.column("phase").orElseThrow().text(0), pure.column("phase").orElseThrow().text(1)));
        TensorColumn ref = (TensorColumn) pure.column("pattern").orElseThrow();
        Table t = (Table) out.get("table");
        TensorColumn mix = (TensorColumn) t.column("pattern").orElseThrow();
        assertTrue(ref.shape().sameGrid(mix.shape()), "on the mixtures' axis");
        double top = 0;
        for (float v : ref.values()) {
            top = Math.max(top, v);
        }
        assertEquals(2000, top, 1e-3, "the tallest pure peak is `counts`");
        double wq = t.numeric("fraction_quartz").get(0);
        double wr = t.numeric("fraction_rutile").get(0);
        double[] q = row(ref, 0);
        double[] r = row(ref, 1);
        for (int i = 0; i < q.length; i += 7) {
            double expected = wq * q[i] + wr * r[i];
            double mean = 0;
            for (int k = 0; k < t.rowCount(); k++) {
                mean += mix.values()[k * q.length + i];
            }
            mean /= t.rowCount();
            // Poisson: the mean of 100 counts has standard error √(λ/100); allow 5 of them (and half a count for λ ≈ 0)
            assertEquals(expected, mean, 5 * Math.sqrt(expected / t.rowCount()) + 0.5, "channel " + i);
        }
    }

    @Test
    void configurePromisesWhatExecuteDeliversAndTheSeedFixesTheData() throws Exception {
        TableSpec spec = configure(P);
        Table t = run(P, 5);
        assertEquals(spec, t.spec(Lineage.UNSPLIT));
        assertEquals("4001 ch · 20–100 °", spec.column("pattern").orElseThrow().shape().describe());
        assertEquals(ColumnRole.TARGET, spec.column("fraction_alpha_fe").orElseThrow().role());
        assertEquals(ColumnRole.IGNORE, spec.column("fraction_cementite").orElseThrow().role());
        assertEquals(ColumnRole.GROUP, spec.column("sample").orElseThrow().role());
        TensorColumn pattern = (TensorColumn) t.column("pattern").orElseThrow();
        for (float v : pattern.values()) {
            assertTrue(v >= 0 && v == Math.rint(v), "a count: " + v);
        }
        assertEquals(pattern, run(P, 5).column("pattern").orElseThrow(), "same seed, same patterns");
        assertNotEquals(pattern, run(P, 6).column("pattern").orElseThrow());
        assertEquals(ColumnRole.TARGET, configure(params(STEEL, 1, XrayTube.CU, 50, "major-phase")).column("major_phase").orElseThrow().role());
    }

    @Test
    void leastSquaresOnThePurePatternsRecoversTheWeightFractions() throws Exception {
        // every phase of the dozen takes part once, in mixtures of three, each fit by the pure patterns + a quadratic
        List<List<String>> sets = List.of(STEEL, List.of("aluminium", "copper", "silicon"), List.of("halite", "rutile", "anatase"),
                List.of("corundum", "zincite", "quartz"));
        double worst = 0;
        double sum = 0;
        int count = 0;
        for (List<String> phases : sets) {
            GenerateXrdNode.Params p = params(phases, 6, XrayTube.CU, 50, "");
            double[][] pure = XrdPhaseMixtures.purePatterns(GenerateXrdNode.setup(p));
            Table t = run(p, 11);
            TensorColumn pattern = (TensorColumn) t.column("pattern").orElseThrow();
            int n = pattern.rowSize();
            Array2DRowRealMatrix a = new Array2DRowRealMatrix(n, phases.size() + 3);
            for (int i = 0; i < n; i++) {
                double x = i / (double) (n - 1);
                for (int k = 0; k < phases.size(); k++) {
                    a.setEntry(i, k, pure[k][i]);
                }
                a.setEntry(i, phases.size(), 1);
                a.setEntry(i, phases.size() + 1, x);
                a.setEntry(i, phases.size() + 2, x * x);
            }
            var solver = new QRDecomposition(a).getSolver();
            for (int r = 0; r < t.rowCount(); r++) {
                RealVector coef = solver.solve(new ArrayRealVector(row(pattern, r)));
                for (int k = 0; k < phases.size(); k++) {
                    double truth = t.numeric(XrdPhaseMixtures.fractionColumn(phases.get(k))).get(r);
                    worst = Math.max(worst, Math.abs(coef.getEntry(k) - truth));
                    sum += Math.abs(coef.getEntry(k) - truth);
                    count++;
                }
            }
        }
        // counting noise on 2,000-count peaks; the weak cementite lines under iron fluorescence are the hardest case
        assertTrue(worst < 0.04, "every weight fraction within 0.04 of its truth: worst " + worst);
        assertTrue(sum / count < 0.01, "mean absolute error below 0.01: " + sum / count);
    }

    @Test
    void siliconLinesSitWhereBraggPutsThemWithTheirKAlpha2() throws Exception {
        // no size or strain broadening, so that the doublet is resolved at 88°
        GenerateXrdNode.Params p = new GenerateXrdNode.Params(List.of("silicon"), 1, 1, 20, 100, 0.02, XrayTube.CU, 0.004, -0.002, 0.002, 0, 0,
                2000, 0, 0, "");
        double[] pure = XrdPhaseMixtures.purePatterns(GenerateXrdNode.setup(p))[0];
        assertEquals(2000, Arrays.stream(pure).max().orElseThrow(), 1e-6, "the tallest pure peak is `counts`");
        // Si 111: 2θ = 2 asin(1.5405929 / (2 · 3.1355)) = 28.443°; 422 (d 1.1085) Kα₁ at 88.03°, Kα₂ 0.27° higher at half height
        assertEquals(28.44, 20 + 0.02 * argmax(pure, 20, 28, 29), 0.021);
        int ka1 = argmax(pure, 20, 87.8, 88.15);
        int ka2 = argmax(pure, 20, 88.2, 88.5);
        assertEquals(88.03, 20 + 0.02 * ka1, 0.021);
        assertEquals(0.275, 0.02 * (ka2 - ka1), 0.021);
        assertEquals(0.5, pure[ka2] / pure[ka1], 0.08, "Kα₂ : Kα₁ heights (the tails of each overlap the other a little)");
        // the pattern integrates to the lines' intensities (pseudo-Voigt of unit area) × 1.5 for the doublet
        List<PowderPattern.Line> lines = PowderPattern.lines(XrdPhases.PHASES.get("silicon"), XrayTube.CU.kAlpha1, 99);
        double[] x = new double[4001];
        Arrays.setAll(x, i -> 20 + 0.02 * i);
        double[] raw = PowderPattern.profile(lines, x, XrayTube.CU, new PowderPattern.Broadening(0.004, -0.002, 0.002, 60, 0.001));
        double area = Arrays.stream(raw).sum() * 0.02;
        double expected = 1.5 * lines.stream().mapToDouble(PowderPattern.Line::intensity).sum();
        assertEquals(1, area / expected, 0.03, "the Lorentzian tails beyond the range lose a little");
    }

    static int argmax(double[] y, double from, double lo, double hi) {
        int best = -1;
        for (int i = (int) Math.round((lo - from) / 0.02); i <= Math.round((hi - from) / 0.02); i++) {
            best = best < 0 || y[i] > y[best] ? i : best;
        }
        return best;
    }

    @Test
    void widthsFollowScherrerStrainAndCaglioti() {
        PowderPattern.Broadening size = new PowderPattern.Broadening(0, 0, 0, 50, 0);
        double theta = Math.toRadians(44.67 / 2);
        // Scherrer: 0.9 · 1.5406 Å / (500 Å · cos 22.335°) = 0.003000 rad = 0.1719°
        assertEquals(0.1719, size.lorentzian(theta, 1.5406), 0.0005);
        // strain: 4 ε tan θ = 4 · 0.002 · 0.4109 rad = 0.1883°
        assertEquals(0.1883, new PowderPattern.Broadening(0, 0, 0, 0, 0.002).lorentzian(theta, 1.5406), 0.0005);
        assertEquals(Math.sqrt(0.004 * 0.1689 - 0.002 * 0.4109 + 0.002), new PowderPattern.Broadening(0.004, -0.002, 0.002, 0, 0).gaussian(theta), 1e-3);
        // Thompson–Cox–Hastings: pure Gaussian and pure Lorentzian limits, and the Voigt of equal widths (FWHM 1.6376)
        assertArrayEquals2(new double[] {0.2, 0}, PowderPattern.thompsonCoxHastings(0.2, 0));
        assertArrayEquals2(new double[] {0.2, 1}, PowderPattern.thompsonCoxHastings(0, 0.2));
        assertEquals(1.6376, PowderPattern.thompsonCoxHastings(1, 1)[0], 0.01);
    }

    static void assertArrayEquals2(double[] expected, double[] actual) {
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], 1e-4);
        }
    }

    @Test
    void ironFluorescesUnderCopperNotCobalt() throws Exception {
        double cu = median(run(params(List.of("alpha-fe"), 1, XrayTube.CU, 0, ""), 3));
        double co = median(run(params(List.of("alpha-fe"), 1, XrayTube.CO, 0, ""), 3));
        assertEquals(400, cu, 25, "pure iron under Cu: the fluorescence level, plus peak tails");
        assertTrue(co < 25, "under Co only peak tails: " + co);
        double quartz = median(run(params(List.of("quartz"), 1, XrayTube.CU, 0, ""), 3));
        assertTrue(quartz < 25, "no iron, no fluorescence: " + quartz);
    }

    static double median(Table t) {
        TensorColumn c = (TensorColumn) t.column("pattern").orElseThrow();
        double[] y = row(c, 0);
        Arrays.sort(y);
        return y[y.length / 2];
    }

    @Test
    void badParametersAreLocated() {
        ConfigError unknown = assertThrows(ConfigError.class, () -> configure(params(List.of("alpha-fe", "martensite"), 1, XrayTube.CU, 0, "")));
        assertTrue(unknown.getMessage().contains("Unknown phase 'martensite'"), unknown.getMessage());
        assertEquals("phases", unknown.param());
        ConfigError target = assertThrows(ConfigError.class, () -> configure(params(STEEL, 1, XrayTube.CU, 0, "quartz")));
        assertEquals("target", target.param());
        ConfigError twice = assertThrows(ConfigError.class, () -> configure(params(List.of("copper", "copper"), 1, XrayTube.CU, 0, "")));
        assertEquals("phases", twice.param());
        GenerateXrdNode.Params negative = new GenerateXrdNode.Params(STEEL, 1, 1, 20, 100, 0.02, XrayTube.CU, 0, -0.5, 0.001, 60, 0, 2000, 0, 0, "");
        ConfigError width = assertThrows(ConfigError.class, () -> configure(negative));
        assertEquals("w", width.param());
        assertTrue(width.getMessage().contains("not positive at 2θ"), width.getMessage());
    }
}
