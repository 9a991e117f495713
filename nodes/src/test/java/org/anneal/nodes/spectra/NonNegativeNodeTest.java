package org.anneal.nodes.spectra;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.anneal.data.Column;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.exec.StandaloneContext;
import org.anneal.nodes.data.GenerateNode;
import org.anneal.nodes.prepare.NmfNode;
import org.anneal.spec.Choices;
import org.anneal.spec.ColumnRole;
import org.anneal.spec.Inputs;
import org.anneal.spec.Lineage;
import org.anneal.spec.NodeFailure;
import org.anneal.spec.Specs;
import org.junit.jupiter.api.Test;

class NonNegativeNodeTest {
    static final StandaloneContext CTX = new StandaloneContext("nn", 1, Path.of("."));

    static Table run(Table t, NonNegativeNode.Params p) throws Exception {
        var node = new NonNegativeNode();
        Specs specs = node.configure(Specs.of(Map.of("table", t.spec(Lineage.UNSPLIT))), p, CTX);
        return (Table) node.execute(new Inputs(Map.of("table", t), specs), p, CTX).get("out");
    }

    static Table twoRows() {
        return new Table(List.of(new NumericColumn("a", ColumnRole.FEATURE, new double[] {-2, 0.5}),
                new NumericColumn("b", ColumnRole.FEATURE, new double[] {3, 10}),
                new NumericColumn("c", ColumnRole.FEATURE, new double[] {1, -0.2}),
                new NumericColumn("y", ColumnRole.TARGET, new double[] {-7, -8})));
    }

    @Test
    void offsetSubtractsEachRowsNegativeMinimum() throws Exception {
        Table out = run(twoRows(), new NonNegativeNode.Params(List.of(), NonNegativeNode.Rule.OFFSET, 0.05));
        assertArrayEquals(new double[] {0, 0.7}, out.numeric("a").values(), 1e-12);
        assertArrayEquals(new double[] {5, 10.2}, out.numeric("b").values(), 1e-12);
        assertArrayEquals(new double[] {3, 0}, out.numeric("c").values(), 1e-12);
        assertArrayEquals(new double[] {-7, -8}, out.numeric("y").values(), "the target is not a channel");
    }

    @Test
    void clipKeepsNoiseDipsAndRefusesDeepOnesNamingRowAndColumn() throws Exception {
        Table t = twoRows();
        // row 2: −0.2 is within 5 % of its largest value 10, so it is clipped
        Table second = run(t.rows(new int[] {1}), new NonNegativeNode.Params(List.of("a", "b", "c"), NonNegativeNode.Rule.CLIP, 0.05));
        assertArrayEquals(new double[] {0}, second.numeric("c").values());
        assertArrayEquals(new double[] {0.5}, second.numeric("a").values());
        // row 1: −2 against a largest value of 3 is far below −0.05 × 3
        NodeFailure e = assertThrows(NodeFailure.class,
                () -> run(t, new NonNegativeNode.Params(List.of("a", "b", "c"), NonNegativeNode.Rule.CLIP, 0.05)));
        assertTrue(e.getMessage().contains("Row 1, column 'a': -2.000"), e.getMessage());
    }

    static Table generate(String dataset, int rows) {
        return (Table) new GenerateNode().execute(new Inputs(Map.of()), new GenerateNode.Params(
                Choices.parse(GenerateNode.Dataset.class, dataset).orElseThrow(), rows, 0.05, List.of()), CTX).get("table");
    }

    /** The two wide spectral teaching sets have negative intensities; offset makes them acceptable to NMF. */
    @Test
    void nmfAcceptsTheSpectralTeachingSetsAfterTheOffset() throws Exception {
        for (String dataset : List.of("raman-replicates", "xrd-bins")) {
            Table raw = generate(dataset, 40);
            var nmf = new NmfNode();
            var p = new NmfNode.Params(List.of(), 2, 50, 1e-4);
            assertThrows(NodeFailure.class, () -> fitNmf(nmf, raw, p), dataset + " raw has negative values");
            Table fixed = run(raw, new NonNegativeNode.Params(List.of(), NonNegativeNode.Rule.OFFSET, 0.05));
            for (Column c : fixed.features()) {
                for (double v : ((NumericColumn) c).values()) {
                    assertTrue(v >= 0, dataset + " " + c.name());
                }
            }
            Table weights = fitNmf(nmf, fixed, p);
            assertEquals(40, weights.rowCount());
            assertTrue(weights.column("nmf2").isPresent(), dataset);
        }
    }

    static Table fitNmf(NmfNode nmf, Table t, NmfNode.Params p) throws Exception {
        Specs specs = nmf.configure(Specs.of(Map.of("fit", t.spec(Lineage.UNSPLIT), "data", t.spec(Lineage.UNSPLIT))), p, CTX);
        return (Table) nmf.execute(new Inputs(Map.of("fit", t, "data", t), specs), p, CTX).get("out");
    }
}
