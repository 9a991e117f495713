package org.anneal.nodes.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.anneal.data.Table;
import org.anneal.data.TensorColumn;
import org.anneal.graph.Problem;
import org.anneal.nn.dl4j.TrainedAutoencoder;
import org.anneal.session.SessionResult;
import org.junit.jupiter.api.Test;

/** explain.latent-grid on the VAE of workflow 34: spectra decoded over a 5 × 5 grid of its 2-d latent space. */
class LatentGridNodeTest {

    private static SessionResult run;

    /** Workflow 34 with a 5 × 5 grid, run once for the tests that read it (its VAE trains for 150 epochs). */
    private static synchronized SessionResult ran() throws Exception {
        if (run == null) {
            run = withGrid("vae:state").run();
            assertTrue(run.run().succeeded(), run.run().problems().toString());
        }
        return run;
    }

    private static ExampleEdits withGrid(String stateFrom) throws Exception {
        return ExampleEdits.of("34-vae-latent-spectra.json")
                .add("grid", "explain.latent-grid", Map.of("steps", 5, "span", 1.5))
                .link(stateFrom, "grid:state").link("split:train", "grid:data");
    }

    @Test
    void theGridDecodesSpectraOnTheirAxisAtEvenlySpacedLatentPoints() throws Exception {
        SessionResult s = ran();
        Table grid = (Table) s.run().node("grid").outputs().get("grid");
        Table train = (Table) s.run().node("split").outputs().get("train");
        assertEquals(25, grid.rowCount());
        TensorColumn decoded = (TensorColumn) grid.column("pattern").orElseThrow();
        TensorColumn input = (TensorColumn) train.column("pattern").orElseThrow();
        assertTrue(decoded.shape().sameGrid(input.shape()), "the decoded spectra keep the input's axis");
        TrainedAutoencoder vae = ((AutoencoderTransform) s.run().node("vae").outputs().get("state")).model();
        double[][] codes = vae.encode(train);
        double[] z1 = grid.numeric("z1").values();
        double[] z2 = grid.numeric("z2").values();
        double mean1 = java.util.Arrays.stream(codes).mapToDouble(c -> c[0]).average().orElseThrow();
        double sd1 = Math.sqrt(java.util.Arrays.stream(codes).mapToDouble(c -> (c[0] - mean1) * (c[0] - mean1)).sum() / (codes.length - 1));
        assertEquals(mean1 - 1.5 * sd1, z1[0], 1e-9, "z1 starts 1.5 sd below the mean");
        assertEquals(mean1 + 1.5 * sd1, z1[24], 1e-9);
        assertEquals(mean1, z1[12], 1e-9, "the middle point is the mean");
        assertEquals(z2[0], z2[5], 1e-12, "z1 varies slowest");
        assertTrue(z2[1] > z2[0]);
        // each row is what the decoder draws at its point
        float[] atCentre = vae.decode(new double[][] {{z1[12], z2[12]}})[0];
        assertArrayEquals(atCentre, decoded.get(12), 1e-6f);
        // the spectra morph across the grid: opposite corners differ by more than neighbours
        assertTrue(distance(decoded.get(0), decoded.get(24)) > distance(decoded.get(0), decoded.get(1)));
    }

    /**
     * Decoding the encoded mean of a training row gives back its reconstruction: through the model, and through the node
     * with a grid placed by two copies of that row (no spread, so every grid point is the row's latent mean).
     */
    @Test
    void decodingARowsLatentMeanGivesItsReconstruction() throws Exception {
        SessionResult s = ran();
        Table train = (Table) s.run().node("split").outputs().get("train");
        AutoencoderTransform state = (AutoencoderTransform) s.run().node("vae").outputs().get("state");
        TrainedAutoencoder vae = state.model();
        for (int r = 0; r < 3; r++) {
            Table row = train.rows(new int[] {r});
            float[] reconstruction = vae.reconstruct(row)[0];
            assertArrayEquals(reconstruction, vae.decode(vae.encode(row))[0], 1e-5f, "row " + r);
            Table grid = (Table) new LatentGridNode().execute(new org.anneal.spec.Inputs(Map.of("state", state, "data", train.rows(new int[] {r, r}))),
                    new LatentGridNode.Params(3, 2), new SeededContext(1)).get("grid");
            assertEquals(9, grid.rowCount());
            assertArrayEquals(reconstruction, ((TensorColumn) grid.column("pattern").orElseThrow()).get(4), 1e-5f, "row " + r + " through the node");
            assertEquals(vae.encode(row)[0][0], grid.numeric("z1").values()[8], 1e-9);
        }
    }

    @Test
    void aStateThatIsNoAutoencodersIsAnErrorOnTheStatePort() throws Exception {
        List<Problem> problems = ExampleEdits.of("18-mlp-regression.json")
                .add("grid", "explain.latent-grid", Map.of()).link("scale:state", "grid:state").link("split:train", "grid:data")
                .check().validation().problems();
        assertEquals(1, problems.size(), problems.toString());
        assertEquals("grid", problems.get(0).nodeId());
        assertEquals("state", problems.get(0).port());
    }

    private static double distance(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return Math.sqrt(s);
    }
}
