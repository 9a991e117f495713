package org.anneal.nodes.prepare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Random;
import org.anneal.exec.StandaloneContext;
import org.junit.jupiter.api.Test;
import tagbio.umap.Umap;
import tagbio.umap.metric.CosineMetric;
import tagbio.umap.metric.EuclideanMetric;

class UmapEmbeddingTest {
    /** 150 rows of 40 values, a third of them scaled copies of one pattern; for cosine, one all-zero row. */
    static float[][] rows(boolean zeroRow) {
        Random r = new Random(6);
        float[][] x = new float[150][40];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < 40; j++) {
                x[i][j] = i % 3 == 0 ? (float) ((1 + i % 7) * Math.sin(j / 5.0)) : (float) r.nextGaussian();
            }
        }
        if (zeroRow) {
            x[17] = new float[40];
        }
        return x;
    }

    /** The port on its own, as umap-learn's API would call it: its own metric, its own distance matrix. */
    static float[][] portAlone(float[][] x, boolean cosine, long seed) {
        Umap u = new Umap();
        u.setThreads(1);
        u.setRandom(new Random(seed));
        u.setNumberNearestNeighbours(10);
        u.setNumberEpochs(60);
        u.setMinDist(0.1f);
        u.setMetric(cosine ? CosineMetric.SINGLETON : EuclideanMetric.SINGLETON);
        return u.fitTransform(x);
    }

    @Test
    void theFasterDistanceMatrixGivesThePortsOwnMapBitForBit() {
        for (boolean cosine : new boolean[] {false, true}) {
            float[][] x = rows(cosine);
            float[][] alone = portAlone(x, cosine, 21);
            var settings = new UmapEmbedding.Settings(10, 0.1, 2, cosine ? UmapNode.Distance.COSINE : UmapNode.Distance.EUCLIDEAN, 60);
            double[][] ours = UmapEmbedding.embed(x, settings, new StandaloneContext("umap", 21, Path.of(".")));
            for (int i = 0; i < x.length; i++) {
                for (int k = 0; k < 2; k++) {
                    assertEquals(alone[i][k], (float) ours[i][k], 0, (cosine ? "cosine" : "euclidean") + " row " + i);
                }
            }
        }
    }

    @Test
    void minDistIsOfferedOnlyOnThePortsGrid() {
        assertTrue(UmapEmbedding.onGrid(0.05));
        assertTrue(UmapEmbedding.onGrid(0.1));
        assertTrue(UmapEmbedding.onGrid(0.35));
        assertTrue(UmapEmbedding.onGrid(1.0));
        assertFalse(UmapEmbedding.onGrid(0.0), "the port's table has no row for 0: a = b = 0 switches attraction off");
        assertFalse(UmapEmbedding.onGrid(0.07));
        assertFalse(UmapEmbedding.onGrid(1.05));
    }
}
