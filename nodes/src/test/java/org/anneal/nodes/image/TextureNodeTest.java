package org.anneal.nodes.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.anneal.data.Table;
import org.junit.jupiter.api.Test;

/** image.texture on a checkerboard scored by hand, and on generated micrographs whose grain sizes are known. */
class TextureNodeTest {
    @Test
    void aCheckerboardGivesTheHandCountedCooccurrenceFeatures() throws Exception {
        float[] board = new float[8 * 8];
        for (int i = 0; i < board.length; i++) {
            board[i] = (i / 8 + i % 8) % 2 == 0 ? 0.1f : 0.9f;
        }
        Table t = TileAndAugmentTest.run(new TextureNode(), new TextureNode.Params("", 2, 1), FftAndSegmentTest.one(board, 8, 8, 0), 1);
        // 0° and 90°: every pair differs (P(0,1) = P(1,0) = ½): contrast 1, homogeneity ½, energy ½, correlation −1, entropy 1 bit;
        // 45° and 135°: every pair is equal, 7·7 pairs of which 25 dark and 24 bright: contrast 0, homogeneity 1,
        // energy (25/49)² + (24/49)², correlation 1, entropy of (25/49, 24/49)
        double a = 25 / 49.0;
        double b = 24 / 49.0;
        double energy = (0.5 + a * a + b * b) / 2;
        double entropy = (1 - a * Math.log(a) / Math.log(2) - b * Math.log(b) / Math.log(2)) / 2;
        double[] got = TextureNode.FEATURES.stream().mapToDouble(f -> t.numeric(f).get(0)).toArray();
        assertArrayEquals(new double[] {0.5, 0.75, energy, 0, entropy}, got, 1e-12);
    }

    @Test
    void finerGrainsHaveMoreContrastBetweenNeighbours() {
        double fine = 0;
        double coarse = 0;
        for (long seed = 1; seed <= 3; seed++) {
            fine += TextureNode.features(Microstructure.draw(128, 12, 0.25, 0, 0.7, 0.03, new Random(seed)).image(), 128, 128, 16, 1)[0];
            coarse += TextureNode.features(Microstructure.draw(128, 36, 0.25, 0, 0.7, 0.03, new Random(seed)).image(), 128, 128, 16, 1)[0];
        }
        assertTrue(fine > 1.3 * coarse, "12 px grains " + fine / 3 + " vs 36 px grains " + coarse / 3);
    }
}
