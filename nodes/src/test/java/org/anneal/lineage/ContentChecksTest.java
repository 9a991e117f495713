package org.anneal.lineage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.anneal.data.CategoricalColumn;
import org.anneal.data.Column;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.spec.ColumnRole;
import org.junit.jupiter.api.Test;

/** Issue 16, family 5 at run time: formulas by content, D3 folded over a spectrum's channels, D9 twins at each feature's resolution. */
class ContentChecksTest {
    static CategoricalColumn cat(String name, String... values) {
        List<String> levels = new ArrayList<>();
        int[] codes = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            if (!levels.contains(values[i])) {
                levels.add(values[i]);
            }
            codes[i] = levels.indexOf(values[i]);
        }
        return new CategoricalColumn(name, ColumnRole.FEATURE, codes, levels);
    }

    @Test
    void formulasAreRecognisedByContentAndGradesOrWordsAreNot() {
        assertTrue(FormulaContent.holdsFormulas(cat("reduced_formula", "Fe2O3", "TiO2", "ZnO", "Al2O3", "Fe4O6")));
        assertTrue(FormulaContent.holdsFormulas(cat("composition_str", "Cu0.9Ni0.1", "Cu0.8Ni0.2", "Cu0.7Ni0.3")));
        assertFalse(FormulaContent.holdsFormulas(cat("grade", "A", "B", "C", "B")), "one-letter grades");
        assertFalse(FormulaContent.holdsFormulas(cat("element", "Fe", "Ni", "Cu")), "single elements name elements, not compounds");
        assertFalse(FormulaContent.holdsFormulas(cat("class", "low", "medium", "high")));
        assertFalse(FormulaContent.holdsFormulas(cat("code", "Xy2", "Qq3", "Zz")), "symbols that are no elements");
        assertFalse(FormulaContent.holdsFormulas(cat("heat", "H001", "H002", "H003")), "heat ids are not hydrogen");
    }

    /** 30 channels of one band that all follow the target: one D3 finding, not thirty. */
    @Test
    void theChannelsOfASpectrumGiveOneWarning() {
        SplittableRandom r = new SplittableRandom(3);
        int n = 80;
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = r.nextDouble();
        }
        List<Column> cols = new ArrayList<>();
        for (int c = 0; c < 30; c++) {
            double[] x = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = y[i] * (1 + c) + r.nextDouble() * 1e-3;
            }
            cols.add(new NumericColumn("ch_" + c, ColumnRole.FEATURE, x));
        }
        cols.add(new NumericColumn("y", ColumnRole.TARGET, y));
        List<Finding> out = new ArrayList<>();
        TargetProxies.check("split", new Table(cols), DynamicChecks.Thresholds.DEFAULT, out);
        assertEquals(30, out.size(), "one per channel before folding");
        ContentProxies.fold("split", out);
        assertEquals(1, out.size(), out.toString());
        assertTrue(out.get(0).explanation().contains("30 features"), out.get(0).explanation());
        assertFalse(out.get(0).isError());
    }

    static Table series(double[] x, double noise, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = 1.7 + 190 * x[i] * (1 - x[i]) + noise * (r.nextDouble() - 0.5);
        }
        return new Table(List.of(new NumericColumn("ni", ColumnRole.FEATURE, x), new NumericColumn("y", ColumnRole.TARGET, y)));
    }

    /** A one-parameter series: re-measured compositions (0.1 vs 0.1003) are twins, the neighbours a step away are not. */
    @Test
    void twinsInAOneParameterSeriesAreFoundAndNeighboursAreNot() {
        double[] grid = new double[60];
        double[] again = new double[20];
        for (int i = 0; i < grid.length; i++) {
            grid[i] = Math.round(i * 0.01 * 1000) / 1000.0;
        }
        for (int i = 0; i < again.length; i++) {
            again[i] = grid[3 * i] + 0.0003;
        }
        List<Finding> out = new ArrayList<>();
        ResolutionTwins.check("split", series(grid, 0.3, 1), series(again, 0.3, 2), DynamicChecks.Thresholds.DEFAULT, Set.of(), out);
        assertEquals(1, out.size(), out.toString());
        assertEquals("D9", out.get(0).rule());
        assertTrue(out.get(0).explanation().startsWith("20 of 20 test rows"), out.get(0).explanation());
        double[] between = new double[20];
        for (int i = 0; i < between.length; i++) {
            between[i] = grid[3 * i] + 0.005; // half a step away: a new composition of the series
        }
        List<Finding> none = new ArrayList<>();
        ResolutionTwins.check("split", series(grid, 0.3, 1), series(between, 0.3, 2), DynamicChecks.Thresholds.DEFAULT, Set.of(), none);
        assertEquals(List.of(), none);
    }

    /** A random one-feature sample: points close by chance are as frequent just beyond the tolerance, so nothing is reported. */
    @Test
    void closenessByChanceIsNotReported() {
        SplittableRandom r = new SplittableRandom(9);
        double[] a = new double[400];
        double[] b = new double[100];
        for (int i = 0; i < a.length; i++) {
            a[i] = r.nextDouble();
        }
        for (int i = 0; i < b.length; i++) {
            b[i] = r.nextDouble();
        }
        List<Finding> out = new ArrayList<>();
        ResolutionTwins.check("split", series(a, 0.3, 1), series(b, 0.3, 2), DynamicChecks.Thresholds.DEFAULT, Set.of(), out);
        assertEquals(List.of(), out);
    }
}
