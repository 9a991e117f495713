package org.anneal.nodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.anneal.exec.FileAccess;
import org.anneal.exec.Validation;
import org.anneal.exec.Validator;
import org.anneal.graph.LoadedWorkflow;
import org.anneal.graph.WorkflowCodec;
import org.anneal.lineage.Finding;
import org.anneal.lineage.LeakageAnalyzer;
import org.anneal.spec.NodeRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The new data and preparation nodes declare roles the leakage analysis reads correctly. */
class DataPrepLeakageTest {
    @TempDir
    Path dir;

    static final String LOAD = "{\"id\":\"load\",\"type\":\"data.csv\",\"params\":{\"path\":\"d.csv\",\"target\":\"y\"}}";
    static final String SPLIT = "{\"id\":\"split\",\"type\":\"split.holdout\"}";
    static final String MODEL = "{\"id\":\"ridge\",\"type\":\"model.ridge\"},{\"id\":\"fit\",\"type\":\"train.fit\"},{\"id\":\"score\",\"type\":\"evaluate.regression\"}";

    @BeforeEach
    void data() throws Exception {
        StringBuilder sb = new StringBuilder("x,y\n");
        for (int i = 0; i < 40; i++) {
            sb.append(i).append(',').append(2 * i + i % 3).append('\n');
        }
        Files.writeString(dir.resolve("d.csv"), sb.toString());
    }

    Validation validate(String nodes, String... pairs) throws Exception {
        StringBuilder links = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            links.append(i == 0 ? "" : ",").append("{\"from\":\"").append(pairs[i]).append("\",\"to\":\"").append(pairs[i + 1]).append("\"}");
        }
        Path f = dir.resolve("w.json");
        Files.writeString(f, "{\"format\":\"anneal-workflow\",\"version\":1,\"nodes\":[" + nodes + "],\"links\":[" + links + "]}");
        LoadedWorkflow lw = new WorkflowCodec().read(f);
        return new Validator(NodeRegistry.standard()).validate(lw, FileAccess.unrestricted(dir));
    }

    List<String> rules(String nodes, String... pairs) throws Exception {
        Validation v = validate(nodes, pairs);
        assertEquals(List.of(), v.problems(), "the pipeline itself is valid");
        return new LeakageAnalyzer().analyze(v).stream().map(Finding::rule).toList();
    }

    @Test
    void filteringTheTestSideOnlyIsL10AndFilteringBeforeTheSplitIsFine() throws Exception {
        String filter = "{\"id\":\"filter\",\"type\":\"data.filter\",\"params\":{\"column\":\"x\",\"operator\":\"<\",\"value\":\"30\"}}";
        assertEquals(List.of("L10"), rules(LOAD + "," + SPLIT + "," + filter + "," + MODEL, "load:table", "split:table", "split:test", "filter:table",
                "ridge:learner", "fit:learner", "split:train", "fit:train", "fit:model", "score:model", "filter:out", "score:data"));
        assertEquals(List.of(), rules(LOAD + "," + SPLIT + "," + filter + "," + MODEL, "load:table", "filter:table", "filter:out", "split:table",
                "ridge:learner", "fit:learner", "split:train", "fit:train", "fit:model", "score:model", "split:test", "score:data"));
    }

    @Test
    void outlierBoundsLearntOnTrainingRowsAreHonestButOnAllRowsAreL2() throws Exception {
        String outliers = "{\"id\":\"outliers\",\"type\":\"prepare.outliers\"}";
        assertEquals(List.of(), rules(LOAD + "," + SPLIT + "," + outliers + "," + MODEL, "load:table", "split:table", "split:train", "outliers:fit",
                "split:train", "outliers:data", "ridge:learner", "fit:learner", "outliers:out", "fit:train", "fit:model", "score:model",
                "split:test", "score:data"));
        assertEquals(List.of("L2"), rulesFittedOnAllRows(outliers, "outliers"));
    }

    /** The rules raised when {@code step} (node {@code id}) learns on every row, before the split, and its rows reach a scored model. */
    List<String> rulesFittedOnAllRows(String step, String id) throws Exception {
        return rules(LOAD + "," + SPLIT + "," + step + "," + MODEL, "load:table", id + ":fit", "load:table", id + ":data", id + ":out",
                "split:table", "ridge:learner", "fit:learner", "split:train", "fit:train", "fit:model", "score:model", "split:test", "score:data");
    }

    @Test
    void splineKnotsFromAllRowsAreL2AndFromTrainingRowsAreNot() throws Exception {
        String spline = "{\"id\":\"spline\",\"type\":\"prepare.spline\",\"params\":{\"columns\":[\"x\"]}},{\"id\":\"apply\",\"type\":\"prepare.apply\"}";
        assertEquals(List.of(), rules(LOAD + "," + SPLIT + "," + spline + "," + MODEL, "load:table", "split:table", "split:train", "spline:fit",
                "split:train", "spline:data", "spline:state", "apply:state", "split:test", "apply:data", "ridge:learner", "fit:learner",
                "spline:out", "fit:train", "fit:model", "score:model", "apply:out", "score:data"));
        String splineOnly = "{\"id\":\"spline\",\"type\":\"prepare.spline\",\"params\":{\"columns\":[\"x\"]}}";
        assertEquals(List.of("L2"), rulesFittedOnAllRows(splineOnly, "spline"));
    }

    @Test
    void joiningTrainingRowsToTestRowsIsAConfigurationError() throws Exception {
        String join = "{\"id\":\"join\",\"type\":\"data.join\",\"params\":{\"key\":\"x\"}},{\"id\":\"pick\",\"type\":\"data.select\",\"params\":{\"columns\":[\"x\"]}}";
        Validation v = validate(LOAD + "," + SPLIT + "," + join, "load:table", "split:table", "split:train", "join:left", "split:test", "pick:table",
                "pick:out", "join:right");
        assertTrue(v.problems().stream().anyMatch(p -> p.message().contains("test rows of split") && p.message().contains("train rows of split")),
                v.problems().toString());
    }
}
