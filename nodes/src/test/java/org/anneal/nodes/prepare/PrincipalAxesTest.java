package org.anneal.nodes.prepare;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.exec.StandaloneContext;
import org.anneal.nodes.spectra.GenerateSpectraNode;
import org.anneal.nodes.spectra.ToColumnsNode;
import org.anneal.spec.Inputs;
import org.junit.jupiter.api.Test;

/** The Gram route for wide tables gives the covariance route's axes, signs and variances. */
class PrincipalAxesTest {

    /** XRD mixtures from data.generate-spectra, one numeric column per channel (keeping one channel in {@code every}). */
    static Table spectra(int samples, int replicates, int channels, int every) {
        StandaloneContext ctx = new StandaloneContext("gen", 5, Path.of("."));
        Table t = (Table) new GenerateSpectraNode().execute(new Inputs(Map.of()),
                new GenerateSpectraNode.Params(samples, replicates, channels, 1000, 0.05, GenerateSpectraNode.Target.FRACTION_QUARTZ), ctx).get("table");
        return (Table) new ToColumnsNode().execute(new Inputs(Map.of("table", t)), new ToColumnsNode.Params("pattern", every), ctx).get("out");
    }

    static List<String> channels(Table t) {
        return t.columns().stream().map(c -> c.name()).filter(n -> n.startsWith("2θ_")).toList();
    }

    static double[][] columns(Table t, List<String> names) {
        return names.stream().map(n -> t.numeric(n).values()).toArray(double[][]::new);
    }

    static double[] means(double[][] x) {
        return IntStream.range(0, x.length).mapToDouble(j -> java.util.Arrays.stream(x[j]).average().orElseThrow()).toArray();
    }

    @Test
    void gramRouteMatchesTheCovarianceRouteOnASmallWideTable() {
        Table t = spectra(8, 3, 1401, 7); // 24 rows × 201 channels: wide, yet the covariance is cheap to build
        List<String> names = channels(t);
        assertTrue(names.size() > t.rowCount(), names.size() + " columns");
        double[][] x = columns(t, names);
        double[] mean = means(x);
        PrincipalAxes cov = PrincipalAxes.byCovariance(names, x, mean, () -> { });
        PrincipalAxes gram = PrincipalAxes.byGram(names, x, mean, () -> { });
        assertEquals(names.size(), gram.variance().length, "one variance per column, as on the covariance route");
        assertArrayEquals(cov.varianceRatio(), gram.varianceRatio(), 1e-10);
        double top = cov.variance()[0];
        for (int k = 0; k < names.size(); k++) {
            assertEquals(cov.variance()[k], gram.variance()[k], 1e-9 * top, "variance " + k);
        }
        // the three phases and the zero shift make the leading axes well separated: they match loading for loading
        for (int k = 0; k < 5; k++) {
            assertTrue(cov.variance()[k] > 1.05 * cov.variance()[k + 1], "separated eigenvalue " + k);
            assertArrayEquals(cov.axes()[k], gram.axes()[k], 1e-7, "axis " + (k + 1) + " with the same sign");
        }
        // rows - 1 directions carry variance; the rest have none and get zero loadings
        for (int k = t.rowCount() - 1; k < names.size(); k++) {
            assertEquals(0, gram.variance()[k]);
            assertEquals(0, java.util.Arrays.stream(gram.axes()[k]).map(Math::abs).sum());
        }
    }

    @Test
    void fitTakesTheGramRouteOnlyWhenColumnsOutnumberRows() {
        double[] a = {1, 2, 3, 4, 6};
        double[] b = {2, 1, 4, 3, 5};
        Table narrow = new Table(List.of(new NumericColumn("a", org.anneal.spec.ColumnRole.FEATURE, a),
                new NumericColumn("b", org.anneal.spec.ColumnRole.FEATURE, b)));
        PrincipalAxes viaFit = PrincipalAxes.fit(narrow, List.of("a", "b"), () -> { });
        PrincipalAxes cov = PrincipalAxes.byCovariance(List.of("a", "b"), new double[][] {a, b}, means(new double[][] {a, b}), () -> { });
        assertArrayEquals(cov.axes()[0], viaFit.axes()[0], 0);
        assertArrayEquals(cov.variance(), viaFit.variance(), 0);
    }

    @Test
    void pcaOfTwoHundredFortySpectraOfFiveThousandChannels() {
        Table t = spectra(80, 3, 5000, 1);
        List<String> names = channels(t);
        assertEquals(240, t.rowCount());
        assertEquals(5000, names.size());
        PrincipalAxes axes = PrincipalAxes.fit(t, names, () -> { });
        double[][] x = columns(t, names);
        double total = 0;
        for (int j = 0; j < x.length; j++) {
            double m = axes.mean()[j];
            double s = 0;
            for (double v : x[j]) {
                s += (v - m) * (v - m);
            }
            total += s / (t.rowCount() - 1);
        }
        assertEquals(total, java.util.Arrays.stream(axes.variance()).sum(), 1e-9 * total, "the variances add up to the total variance");
        // each axis is unit length, orthogonal to the others, and the scores along it have its variance
        for (int k = 0; k < 4; k++) {
            double[] ak = axes.axes()[k];
            for (int l = 0; l <= k; l++) {
                double d = 0;
                for (int j = 0; j < ak.length; j++) {
                    d += ak[j] * axes.axes()[l][j];
                }
                assertEquals(k == l ? 1 : 0, d, 1e-9, "axes " + k + "·" + l);
            }
            double[] score = new double[t.rowCount()];
            for (int j = 0; j < ak.length; j++) {
                for (int i = 0; i < score.length; i++) {
                    score[i] += (x[j][i] - axes.mean()[j]) * ak[j];
                }
            }
            double ss = java.util.Arrays.stream(score).map(v -> v * v).sum() / (score.length - 1);
            assertEquals(axes.variance()[k], ss, 1e-9 * axes.variance()[0], "variance of the scores on axis " + (k + 1));
        }
        for (int k = 1; k < 5000; k++) {
            assertTrue(axes.variance()[k] <= axes.variance()[k - 1], "decreasing variance at " + k);
        }
        assertTrue(axes.variance()[238] > 0, "240 centred rows span 239 directions");
        assertEquals(0, axes.variance()[239]);
        assertSame(axes.axes()[4999], axes.axes()[4000], "directions without variance share the zero loadings");
    }
}
