package org.anneal.nodes.prepare;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class TsneEmbeddingTest {
    @Test
    void everyRowsNeighbourhoodHasTheAskedPerplexityAndPIsAJointDistribution() {
        Random r = new Random(4);
        double[][] x = new double[40][3];
        for (double[] row : x) {
            for (int j = 0; j < 3; j++) {
                row[j] = r.nextGaussian() * (j + 1);
            }
        }
        double[] d = new double[40];
        double[] cond = new double[40];
        for (int i = 0; i < 40; i++) {
            for (int j = 0; j < 40; j++) {
                double s = 0;
                for (int k = 0; k < 3; k++) {
                    s += (x[i][k] - x[j][k]) * (x[i][k] - x[j][k]);
                }
                d[j] = s;
            }
            TsneEmbedding.conditional(d, i, Math.log(7), cond);
            double h = 0;
            double sum = 0;
            for (int j = 0; j < 40; j++) {
                sum += cond[j];
                h -= cond[j] > 0 ? cond[j] * Math.log(cond[j]) : 0;
            }
            assertEquals(1, sum, 1e-12);
            assertEquals(0, cond[i]);
            // perplexity = e^H with H in nats
            assertEquals(7, Math.exp(h), 1e-6);
        }
        double[][] p = TsneEmbedding.affinities(x, 7, () -> { });
        double total = 0;
        for (int i = 0; i < 40; i++) {
            for (int j = 0; j < 40; j++) {
                assertEquals(p[i][j], p[j][i], 0);
                total += p[i][j];
            }
        }
        assertEquals(1, total, 1e-9);
    }
}
