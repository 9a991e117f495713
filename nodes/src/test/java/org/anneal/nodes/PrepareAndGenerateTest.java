package org.anneal.nodes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.anneal.data.CategoricalColumn;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.exec.StandaloneContext;
import org.anneal.nodes.data.GenerateNode;
import org.anneal.nodes.model.LinearModel;
import org.anneal.nodes.model.RidgeLearner;
import org.anneal.nodes.prepare.ImputeNode;
import org.anneal.nodes.prepare.PolynomialFeaturesNode;
import org.anneal.spec.ColumnRole;
import org.anneal.spec.ConfigError;
import org.anneal.spec.Lineage;
import org.anneal.spec.Outputs;
import org.anneal.spec.Specs;
import org.junit.jupiter.api.Test;

class PrepareAndGenerateTest {
    static Table generate(String dataset, int rows, double noise, long seed) {
        return (Table) new GenerateNode().execute(new org.anneal.spec.Inputs(Map.of()), new GenerateNode.Params(org.anneal.spec.Choices.parse(org.anneal.nodes.data.GenerateNode.Dataset.class, dataset).orElseThrow(), rows, noise, List.of()),
                new StandaloneContext("gen", seed, java.nio.file.Path.of("."))).get("table");
    }

    @Test
    void generatorsAreReproducibleAndMatchTheirDeclaredColumns() throws Exception {
        for (String d : List.of("noisy-polynomial", "runge", "two-moons", "blobs", "alloy", "alloy-spec", "micrograph-patches", "raman-replicates", "furnace-log", "xrd-bins", "phases")) {
            Table a = generate(d, 100, 0.1, 5);
            Table b = generate(d, 100, 0.1, 5);
            assertEquals(a.columns(), b.columns(), d);
            var spec = new GenerateNode().configure(Specs.of(Map.of()), new GenerateNode.Params(org.anneal.spec.Choices.parse(org.anneal.nodes.data.GenerateNode.Dataset.class, d).orElseThrow(), 100, 0.1, List.of()), TestCtx.of("g"));
            assertEquals(spec.get("table"), a.spec(Lineage.UNSPLIT), d + ": configure promises what execute delivers");
        }
    }

    @Test
    void theNoiselessPolynomialIsRecoveredExactlyFromCubicFeatures() throws Exception {
        Table t = generate("noisy-polynomial", 50, 0, 1);
        Table expanded = (Table) new PolynomialFeaturesNode().execute(new org.anneal.spec.Inputs(Map.of("table", t)),
                new PolynomialFeaturesNode.Params(List.of("x"), 3), TestCtx.of("poly")).get("out");
        LinearModel m = (LinearModel) new RidgeLearner(0).fit(expanded, List.of("x", "x^2", "x^3"), "y", TestCtx.of("fit"));
        assertArrayEquals(new double[] {2, -3, 0.5}, m.weights(), 1e-8);
        assertEquals(1, m.intercept(), 1e-8);
    }

    @Test
    void alloyHeatsShareChemistryAndAreTheGroupColumn() {
        Table t = generate("alloy", 200, 5, 2);
        CategoricalColumn heat = (CategoricalColumn) t.column("heat").orElseThrow();
        assertEquals(ColumnRole.GROUP, heat.role());
        assertEquals(20, heat.levels().size());
        double c0 = t.numeric("c_wt").get(0);
        double c20 = t.numeric("c_wt").get(20); // row 20 is the same heat as row 0
        assertEquals(c0, c20, 0.06);
    }

    @Test
    void polynomialNamesItsColumnsAndRefusesClashes() throws Exception {
        var spec = Fixtures.fiveRows().spec(Lineage.UNSPLIT);
        var out = new PolynomialFeaturesNode().configure(Specs.of(Map.of("table", spec)), new PolynomialFeaturesNode.Params(List.of(), 2), TestCtx.of("p"));
        assertEquals(List.of("x1", "x2", "y", "x1^2", "x2^2"), ((org.anneal.spec.TableSpec) out.get("out")).names());
    }

    static Table withGaps() {
        return new Table(List.of(new NumericColumn("a", ColumnRole.FEATURE, new double[] {1, Double.NaN, 3, 10, 3}),
                new CategoricalColumn("phase", ColumnRole.FEATURE, new int[] {0, 1, -1, 1, 0}, List.of("ferrite", "martensite")),
                new NumericColumn("y", ColumnRole.TARGET, new double[] {1, 2, 3, 4, 5})));
    }

    @Test
    void imputeLearnsOnFitRowsAndFillsOtherRowsWithTheSameValues() throws Exception {
        Table fit = withGaps();
        Table other = new Table(List.of(new NumericColumn("a", ColumnRole.FEATURE, new double[] {Double.NaN}),
                new CategoricalColumn("phase", ColumnRole.FEATURE, new int[] {-1}, List.of("ferrite", "martensite")),
                new NumericColumn("y", ColumnRole.TARGET, new double[] {0})));
        Outputs mean = new ImputeNode().execute(new org.anneal.spec.Inputs(Map.of("fit", fit, "data", other)),
                new ImputeNode.Params(List.of("a"), org.anneal.nodes.prepare.ImputeNode.Strategy.MEAN), TestCtx.of("imp"));
        assertEquals(4.25, ((Table) mean.get("out")).numeric("a").get(0), 1e-12); // (1+3+10+3)/4
        Outputs median = new ImputeNode().execute(new org.anneal.spec.Inputs(Map.of("fit", fit, "data", fit)),
                new ImputeNode.Params(List.of("a"), org.anneal.nodes.prepare.ImputeNode.Strategy.MEDIAN), TestCtx.of("imp"));
        assertEquals(3, ((Table) median.get("out")).numeric("a").get(1), 1e-12);
        Outputs mode = new ImputeNode().execute(new org.anneal.spec.Inputs(Map.of("fit", fit, "data", fit)),
                new ImputeNode.Params(List.of("a", "phase"), org.anneal.nodes.prepare.ImputeNode.Strategy.MOST_FREQUENT), TestCtx.of("imp"));
        Table filled = (Table) mode.get("out");
        assertEquals(3, filled.numeric("a").get(1), 0);
        assertEquals("ferrite", ((CategoricalColumn) filled.column("phase").orElseThrow()).get(2)); // tie 2:2 -> first level
    }

    @Test
    void meanOfACategoryIsRefusedWithAFix() {
        var spec = withGaps().spec(Lineage.UNSPLIT);
        ConfigError e = assertThrows(ConfigError.class, () -> new ImputeNode().configure(Specs.of(Map.of("fit", spec, "data", spec)),
                new ImputeNode.Params(List.of("phase"), org.anneal.nodes.prepare.ImputeNode.Strategy.MEAN), TestCtx.of("imp")));
        assertTrue(e.fix().contains("most-frequent"));
    }
}
