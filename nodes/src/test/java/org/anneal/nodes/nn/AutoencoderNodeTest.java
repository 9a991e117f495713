package org.anneal.nodes.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.anneal.data.Column;
import org.anneal.data.Table;
import org.anneal.graph.Problem;
import org.anneal.ml.Plot;
import org.anneal.session.SessionResult;
import org.junit.jupiter.api.Test;

/**
 * model.autoencoder in a workflow on generated spectra: fitted on the training rows, the test rows embedded through
 * prepare.apply, plain and variational, identical on a second run with the same seed; bad parameters located.
 */
class AutoencoderNodeTest {

    private static ExampleEdits workflow(Map<String, Object> plain) {
        return ExampleEdits.empty(3)
                .add("gen", "data.generate-spectra", Map.of("samples", 20, "replicates", 2, "channels", 80, "target", "major-phase"))
                .add("split", "split.holdout", Map.of("test", 0.25))
                .add("ae", "model.autoencoder", plain)
                .add("vae", "model.autoencoder", Map.of("kind", "variational", "hidden", List.of(16), "epochs", 15, "learningRate", 0.003))
                .add("embed", "prepare.apply", Map.of())
                .link("gen:table", "split:table").link("split:train", "ae:fit").link("split:train", "ae:data")
                .link("split:train", "vae:fit").link("split:train", "vae:data")
                .link("ae:state", "embed:state").link("split:test", "embed:data");
    }

    private static final Map<String, Object> PLAIN = Map.of("hidden", List.of(16), "latent", 2, "epochs", 15, "learningRate", 0.003);

    @Test
    void trainingRowsAndTestRowsAreEmbeddedWithTheEncoderLearntOnTrainingRows() throws Exception {
        SessionResult s = workflow(PLAIN).run();
        assertTrue(s.run().succeeded(), s.run().problems().toString());
        Table train = (Table) s.run().node("ae").outputs().get("out");
        Table test = (Table) s.run().node("embed").outputs().get("out");
        List<String> names = train.columns().stream().map(Column::name).toList();
        assertTrue(names.containsAll(List.of("z1", "z2", "reconstruction_error")) && !names.contains("pattern"), names.toString());
        assertEquals(names, test.columns().stream().map(Column::name).toList(), "Apply gives the same columns");
        assertEquals(10, test.rowCount());
        double[] err = test.numeric("reconstruction_error").values();
        assertTrue(java.util.Arrays.stream(err).allMatch(e -> e > 0 && e < 10), java.util.Arrays.toString(err));
        Plot loss = (Plot) s.run().node("ae").outputs().get("loss");
        assertEquals(15, loss.series().get(0).y().length, "one loss per epoch");
        Table vae = (Table) s.run().node("vae").outputs().get("out");
        assertTrue(vae.numeric("z1").values().length == 30 && vae.column("reconstruction_error").isPresent());

        SessionResult again = workflow(PLAIN).run();
        assertArrayEquals(test.numeric("z1").values(), ((Table) again.run().node("embed").outputs().get("out")).numeric("z1").values(),
                "same seed, same threads: the same latent coordinates");
        assertArrayEquals(vae.numeric("z2").values(), ((Table) again.run().node("vae").outputs().get("out")).numeric("z2").values());
    }

    @Test
    void aLatentSpaceAsLargeAsTheInputIsLocatedOnItsParameter() throws Exception {
        List<Problem> problems = workflow(Map.of("latent", 80)).check().validation().problems();
        assertEquals(1, problems.size(), problems.toString());
        assertEquals("ae", problems.get(0).nodeId());
        assertEquals("latent", problems.get(0).param());
    }

    @Test
    void aCategoryOrAMixOfSpectrumAndNumbersIsLocatedOnColumns() throws Exception {
        for (List<String> cols : List.of(List.of("major_phase"), List.of("pattern", "fraction_quartz"))) {
            List<Problem> problems = workflow(Map.of("columns", cols)).check().validation().problems();
            assertFalse(problems.isEmpty(), cols.toString());
            assertEquals("columns", problems.get(0).param(), problems.toString());
        }
        List<Problem> hidden = workflow(Map.of("hidden", List.of(16, 0))).check().validation().problems();
        assertEquals("hidden", hidden.get(0).param(), hidden.toString());
    }
}
