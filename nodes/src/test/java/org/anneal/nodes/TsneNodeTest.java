package org.anneal.nodes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.anneal.data.CategoricalColumn;
import org.anneal.data.Column;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.nodes.prepare.TsneNode;
import org.anneal.spec.ColumnRole;
import org.anneal.spec.Lineage;
import org.anneal.spec.NodeFailure;
import org.anneal.spec.Specs;
import org.anneal.spec.TableSpec;
import org.junit.jupiter.api.Test;

class TsneNodeTest {
    /** Three blobs in four dimensions, centres 8 apart, sd 1. */
    static Table blobs4d(int perBlob) {
        Random r = new Random(8);
        int n = 3 * perBlob;
        double[][] x = new double[4][n];
        int[] label = new int[n];
        for (int i = 0; i < n; i++) {
            label[i] = i % 3;
            for (int j = 0; j < 4; j++) {
                x[j][i] = (j == label[i] ? 8 : 0) + r.nextGaussian();
            }
        }
        List<Column> cols = new ArrayList<>();
        for (int j = 0; j < 4; j++) {
            cols.add(new NumericColumn("x" + j, ColumnRole.FEATURE, x[j]));
        }
        cols.add(new CategoricalColumn("blob", ColumnRole.TARGET, label, List.of("A", "B", "C")));
        return new Table(cols);
    }

    static Table tsne(Table t, double perplexity, long seed) {
        return (Table) new TsneNode().execute(Fixtures.inputs(Map.of("table", t)), new TsneNode.Params(List.of(), perplexity, 500),
                new org.anneal.exec.StandaloneContext("tsne", seed, java.nio.file.Path.of("."))).get("out");
    }

    @Test
    void blobsStayTogetherOnTheMapAndEveryRowsNearestNeighbourIsFromItsBlob() {
        Table t = blobs4d(30);
        Table out = tsne(t, 10, 1);
        double[] a = out.numeric("tsne1").values();
        double[] b = out.numeric("tsne2").values();
        int[] label = ((CategoricalColumn) out.column("blob").orElseThrow()).codes();
        double within = 0;
        double between = 0;
        int nw = 0;
        int nb = 0;
        for (int i = 0; i < a.length; i++) {
            int nearest = -1;
            double best = Double.POSITIVE_INFINITY;
            for (int j = 0; j < a.length; j++) {
                double d = Math.hypot(a[i] - a[j], b[i] - b[j]);
                if (j != i && d < best) {
                    best = d;
                    nearest = j;
                }
                if (j > i && label[i] == label[j]) {
                    within += d;
                    nw++;
                } else if (j > i) {
                    between += d;
                    nb++;
                }
            }
            assertEquals(label[i], label[nearest], "row " + i);
        }
        assertTrue(between / nb > 3 * within / nw, "groups apart: within " + within / nw + ", between " + between / nb);
        assertEquals(ColumnRole.IGNORE, out.column("tsne1").orElseThrow().role());
    }

    @Test
    void theSameSeedDrawsTheSameMap() {
        Table t = blobs4d(10);
        assertArrayEquals(tsne(t, 5, 3).numeric("tsne2").values(), tsne(t, 5, 3).numeric("tsne2").values(), 0);
    }

    @Test
    void configureAnnouncesTheCoordinatesAndTooFewRowsForThePerplexityFail() throws Exception {
        Table t = blobs4d(3);
        TableSpec spec = t.spec(Lineage.UNSPLIT);
        Specs s = new TsneNode().configure(Specs.of(Map.of("table", spec)), new TsneNode.Params(List.of(), 5, 100), TestCtx.of("tsne"));
        assertEquals(List.of("x0", "x1", "x2", "x3", "blob", "tsne1", "tsne2"), ((TableSpec) s.get("out")).names());
        NodeFailure f = assertThrows(NodeFailure.class, () -> tsne(t, 30, 1));
        assertTrue(f.getMessage().contains("9") && f.fix().contains("perplexity"), f.getMessage());
    }
}
