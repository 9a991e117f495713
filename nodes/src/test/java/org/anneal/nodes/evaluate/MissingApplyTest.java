package org.anneal.nodes.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.anneal.exec.FileAccess;
import org.anneal.exec.Validation;
import org.anneal.exec.Validator;
import org.anneal.graph.Problem;
import org.anneal.graph.WorkflowCodec;
import org.anneal.spec.NodeRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14: a model trained on target-encoded rows, scored on rows that skipped the encoder's Apply. Before, validation
 * passed and the scoring node stopped at run time with "an internal error: column block is not numeric"; now validation
 * names the scoring node, its port and the missing Apply. The same check guards every node that feeds rows to a model.
 */
class MissingApplyTest {
    @TempDir
    Path dir;

    @BeforeEach
    void data() throws Exception {
        StringBuilder sb = new StringBuilder("block,z,y\n");
        for (int i = 0; i < 40; i++) {
            sb.append("spdf".charAt(i % 4)).append(',').append(i).append(',').append(3 * i + i % 4).append('\n');
        }
        Files.writeString(dir.resolve("d.csv"), sb.toString());
    }

    static final String NODES = "{\"id\":\"load\",\"type\":\"data.csv\",\"params\":{\"path\":\"d.csv\",\"target\":\"y\"}},"
            + "{\"id\":\"split\",\"type\":\"split.holdout\"},{\"id\":\"enc\",\"type\":\"prepare.target-encode\"},"
            + "{\"id\":\"apply\",\"type\":\"prepare.apply\"},{\"id\":\"ridge\",\"type\":\"model.ridge\"},{\"id\":\"fit\",\"type\":\"train.fit\"},"
            + "{\"id\":\"score\",\"type\":\"evaluate.regression\"},{\"id\":\"predict\",\"type\":\"evaluate.predict\"},"
            + "{\"id\":\"importance\",\"type\":\"explain.permutation-importance\"}";
    static final String TRAINED = link("load:table", "split:table") + "," + link("split:train", "enc:fit") + "," + link("split:train", "enc:data")
            + "," + link("enc:state", "apply:state") + "," + link("split:test", "apply:data") + "," + link("ridge:learner", "fit:learner") + ","
            + link("enc:out", "fit:train") + "," + link("fit:model", "score:model") + "," + link("fit:model", "predict:model") + ","
            + link("fit:model", "importance:model");

    static String link(String from, String to) {
        return "{\"from\":\"" + from + "\",\"to\":\"" + to + "\"}";
    }

    List<Problem> problems(String scoredFrom) throws Exception {
        String links = TRAINED + "," + link(scoredFrom, "score:data") + "," + link(scoredFrom, "predict:data") + "," + link(scoredFrom, "importance:data");
        Path f = Files.writeString(dir.resolve("w.json"), "{\"format\":\"anneal-workflow\",\"version\":1,\"nodes\":[" + NODES + "],\"links\":["
                + links + "]}");
        Validation v = new Validator(NodeRegistry.standard()).validate(new WorkflowCodec().read(f), FileAccess.unrestricted(dir));
        return v.problems();
    }

    @Test
    void testRowsThatSkippedTheEncodersApplyAreAValidationErrorAtEveryNodeThatUsesTheModel() throws Exception {
        List<Problem> ps = problems("split:test");
        assertEquals(List.of("importance", "predict", "score"), ps.stream().map(Problem::nodeId).sorted().toList(), ps.toString());
        for (Problem p : ps) {
            assertTrue(p.isError());
            assertEquals("data", p.port(), p.describe());
            assertTrue(p.message().contains("Feature 'block' held numbers when the model was trained but holds categories"), p.message());
            assertTrue(p.fix().contains("Apply node (prepare.apply)"), p.fix());
        }
    }

    @Test
    void theSameRowsThroughTheApplyAreValid() throws Exception {
        assertEquals(List.of(), problems("apply:out"));
    }

    @Test
    void rowsWithoutATrainedFeatureAreRefusedByPermutationImportanceToo() throws Exception {
        // before, permutation importance checked nothing at configure and failed at run time
        String nodes = NODES.replace("\"params\":{\"path\":\"d.csv\",\"target\":\"y\"}", "\"params\":{\"path\":\"d.csv\",\"target\":\"y\"}},"
                + "{\"id\":\"drop\",\"type\":\"data.select\",\"params\":{\"columns\":[\"z\",\"y\"]}");
        String links = TRAINED + "," + link("apply:out", "score:data") + "," + link("apply:out", "predict:data") + "," + link("load:table", "drop:table")
                + "," + link("drop:out", "importance:data");
        Path f = Files.writeString(dir.resolve("w2.json"), "{\"format\":\"anneal-workflow\",\"version\":1,\"nodes\":[" + nodes + "],\"links\":["
                + links + "]}");
        List<Problem> ps = new Validator(NodeRegistry.standard()).validate(new WorkflowCodec().read(f), FileAccess.unrestricted(dir)).problems();
        assertEquals(1, ps.size(), ps.toString());
        assertEquals("importance", ps.get(0).nodeId());
        assertTrue(ps.get(0).message().contains("lack the feature 'block'"), ps.get(0).message());
    }
}
