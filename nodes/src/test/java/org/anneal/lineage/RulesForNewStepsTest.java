package org.anneal.lineage;

import static org.anneal.lineage.LeakageAnalyzerTest.link;
import static org.anneal.lineage.LeakageAnalyzerTest.links;
import static org.anneal.lineage.LeakageAnalyzerTest.rules;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.anneal.exec.Validation;
import org.anneal.session.Fixer;
import org.anneal.spec.NodeRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rolling windows (L8), target encoding (L3), oversampling (L4) and choosing on test (L6): finding and no-finding cases. */
class RulesForNewStepsTest {
    @TempDir
    Path dir;

    @BeforeEach
    void data() throws Exception {
        LeakageFixture.csv(dir, "grade,hour,x1,x2,y,phase", 40,
                i -> "G" + i % 4 + "," + i + "," + i + "," + i % 7 + "," + (2 * i + i % 7) + "," + (i % 5 == 0 ? "rare" : "common"));
    }

    static final String TIMED = "{\"id\":\"load\",\"type\":\"data.csv\",\"params\":{\"path\":\"d.csv\",\"target\":\"y\",\"time\":\"hour\","
            + "\"ignore\":[\"grade\",\"phase\"]}}";
    static final String GRADED = "{\"id\":\"load\",\"type\":\"data.csv\",\"params\":{\"path\":\"d.csv\",\"target\":\"y\",\"ignore\":[\"hour\",\"phase\"]}}";
    static final String PLAIN = "{\"id\":\"load\",\"type\":\"data.csv\",\"params\":{\"path\":\"d.csv\",\"target\":\"y\","
            + "\"ignore\":[\"grade\",\"hour\",\"phase\"]}}";
    static final String MODEL = "{\"id\":\"ridge\",\"type\":\"model.ridge\"},{\"id\":\"fit\",\"type\":\"train.fit\"},{\"id\":\"score\",\"type\":\"evaluate.regression\"}";
    static final String SCORED = links("ridge:learner", "fit:learner", "split:train", "fit:train", "fit:model", "score:model", "split:test",
            "score:data");

    Validation validate(String nodes, String links) throws Exception {
        return LeakageFixture.validate(dir, nodes, links);
    }

    List<Finding> findings(String nodes, String links) throws Exception {
        return new LeakageAnalyzer().analyze(validate(nodes, links));
    }

    static String rolling(String alignment, String fill) {
        return ",{\"id\":\"roll\",\"type\":\"prepare.rolling\",\"params\":{\"window\":5,\"alignment\":\"" + alignment + "\",\"fill\":\"" + fill + "\"}}";
    }

    static final String ROLL_THEN_SPLIT = link("load:table", "roll:table") + "," + link("roll:out", "split:table") + "," + SCORED;

    @Test
    void l8CentredOrLeadingWindowsAndBackwardFillOnTimeIndexedRows() throws Exception {
        String timeSplit = ",{\"id\":\"split\",\"type\":\"split.time\"},";
        for (String[] bad : new String[][] {{"centred", "none"}, {"leading", "forward"}, {"trailing", "backward"}}) {
            var fs = findings(TIMED + rolling(bad[0], bad[1]) + timeSplit + MODEL, ROLL_THEN_SPLIT);
            assertEquals(List.of("L8"), rules(fs), bad[0] + "/" + bad[1]);
            assertEquals(List.of("roll"), fs.get(0).nodes());
            assertTrue(fs.get(0).isError());
        }
        assertEquals(List.of(), findings(TIMED + rolling("trailing", "forward") + timeSplit + MODEL, ROLL_THEN_SPLIT),
                "a trailing window with a time split is clean");
        assertEquals(List.of(), findings(PLAIN + rolling("centred", "backward") + ",{\"id\":\"split\",\"type\":\"split.holdout\"}," + MODEL,
                ROLL_THEN_SPLIT), "without a time column the rows are not a series, and smoothing neighbours is not looking ahead");
    }

    @Test
    void l8QuickFixesTurnTheWindowIntoATrailingOneAndTheSplitIntoATimeSplit() throws Exception {
        Validation v = validate(TIMED + rolling("centred", "backward") + ",{\"id\":\"split\",\"type\":\"split.holdout\"}," + MODEL, ROLL_THEN_SPLIT);
        var fs = new LeakageAnalyzer().analyze(v);
        assertEquals(List.of("L8", "L8"), rules(fs));
        var fixed = Fixer.fixAll(v.source(), NodeRegistry.standard());
        assertEquals(List.of(), fixed.remaining(), fixed.applied().toString());
        assertTrue(fixed.applied().contains("Use a trailing window in 'roll' (past rows only)."), fixed.applied().toString());
        var roll = fixed.workflow().workflow().node("roll").orElseThrow();
        assertEquals("trailing", roll.params().path("alignment").asText());
        assertEquals("none", roll.params().path("fill").asText());
        assertEquals("split.time", fixed.workflow().workflow().node("split").orElseThrow().type());
    }

    static final String ENCODE = ",{\"id\":\"enc\",\"type\":\"prepare.target-encode\"}";

    @Test
    void l3TargetEncodingFittedBeforeTheSplitAndOnTheTrainingRows() throws Exception {
        var bad = findings(GRADED + ENCODE + ",{\"id\":\"split\",\"type\":\"split.holdout\"}," + MODEL,
                links("load:table", "enc:fit", "load:table", "enc:data", "enc:out", "split:table") + "," + SCORED);
        assertEquals(List.of("L3"), rules(bad));
        assertTrue(bad.get(0).isError());
        assertEquals("enc", bad.get(0).nodes().get(0));
        var fixed = Fixer.fixAll(validate(GRADED + ENCODE + ",{\"id\":\"split\",\"type\":\"split.holdout\"}," + MODEL,
                links("load:table", "enc:fit", "load:table", "enc:data", "enc:out", "split:table") + "," + SCORED).source(), NodeRegistry.standard());
        assertEquals(List.of(), fixed.remaining(), fixed.applied().toString());

        var good = findings(GRADED + ",{\"id\":\"split\",\"type\":\"split.holdout\"}" + ENCODE + ",{\"id\":\"enc_test\",\"type\":\"prepare.apply\"},"
                        + MODEL,
                links("load:table", "split:table", "split:train", "enc:fit", "split:train", "enc:data", "enc:state", "enc_test:state",
                        "split:test", "enc_test:data", "ridge:learner", "fit:learner", "enc:out", "fit:train", "fit:model", "score:model",
                        "enc_test:out", "score:data"));
        assertEquals(List.of(), good);
    }

    static final String PHASES = "{\"id\":\"load\",\"type\":\"data.csv\",\"params\":{\"path\":\"d.csv\",\"target\":\"phase\","
            + "\"ignore\":[\"grade\",\"hour\",\"y\"]}}";

    @Test
    void l4OversamplingBeforeTheSplitAndOnTheTrainingBranch() throws Exception {
        String nodes = PHASES + ",{\"id\":\"over\",\"type\":\"prepare.oversample\"},{\"id\":\"split\",\"type\":\"split.holdout\"}";
        var bad = findings(nodes, links("load:table", "over:table", "over:out", "split:table"));
        assertEquals(List.of("L4"), rules(bad));
        assertEquals(List.of("over", "split"), bad.get(0).nodes());
        assertEquals(List.of(), findings(nodes, links("load:table", "split:table", "split:train", "over:table")));
    }

    @Test
    void l6TuningOnTheTestRowsAndOnValidationRows() throws Exception {
        String tune = ",{\"id\":\"tune\",\"type\":\"model.tune\",\"params\":{\"hyperparameter\":\"lambda\",\"values\":[\"0.1\",\"10\"]}}";
        String rest = links("ridge:learner", "tune:learner", "split:train", "tune:train", "tune:best", "fit:learner", "split:train", "fit:train",
                "fit:model", "score:model", "split:test", "score:data");
        var bad = findings(PLAIN + ",{\"id\":\"split\",\"type\":\"split.holdout\"}," + MODEL + tune,
                link("load:table", "split:table") + "," + link("split:test", "tune:select") + "," + rest);
        assertEquals(List.of("L6"), rules(bad));
        assertEquals("split:test -> tune:select", bad.get(0).wires().get(0).toString());
        var good = findings(PLAIN + ",{\"id\":\"split\",\"type\":\"split.three-way\"}," + MODEL + tune,
                link("load:table", "split:table") + "," + link("split:validation", "tune:select") + "," + rest);
        assertEquals(List.of(), good);
    }

    @Test
    void l1ALearnerTrainedOnAllRowsScoredOnTheTestSide() throws Exception {
        String nodes = PLAIN + ",{\"id\":\"split\",\"type\":\"split.holdout\"}," + MODEL;
        Validation v = validate(nodes, links("load:table", "split:table", "load:table", "fit:train", "ridge:learner", "fit:learner",
                "fit:model", "score:model", "split:test", "score:data"));
        var fs = new LeakageAnalyzer().analyze(v);
        assertEquals(List.of("L1"), rules(fs));
        assertTrue(fs.get(0).title().contains("all rows"), fs.get(0).title());
        var fixed = Fixer.fixAll(v.source(), NodeRegistry.standard());
        assertEquals(List.of("Train 'fit' on 'split:train' instead of all rows."), fixed.applied());
        assertEquals(List.of(), fixed.remaining());
        // a model trained on the unsplit rows of another source may be scored on this split's test rows
        String other = ",{\"id\":\"other\",\"type\":\"data.csv\",\"params\":{\"path\":\"d.csv\",\"target\":\"y\",\"ignore\":[\"grade\",\"hour\",\"phase\"]}}";
        assertEquals(List.of(), findings(nodes + other, links("load:table", "split:table", "other:table", "fit:train", "ridge:learner",
                "fit:learner", "fit:model", "score:model", "split:test", "score:data")));
    }

    @Test
    void l8AScalerFittedOnTheWholeSeriesBeforeATimeSplit() throws Exception {
        String nodes = TIMED + ",{\"id\":\"scale\",\"type\":\"prepare.standardize\"},{\"id\":\"split\",\"type\":\"split.time\"}," + MODEL;
        Validation v = validate(nodes, links("load:table", "scale:fit", "load:table", "scale:data", "scale:out", "split:table") + "," + SCORED);
        var fs = new LeakageAnalyzer().analyze(v);
        assertEquals(List.of("L8"), rules(fs));
        assertEquals(List.of("scale", "score"), fs.get(0).nodes());
        assertTrue(!fs.get(0).isError() && fs.get(0).title().contains("whole series"), fs.get(0).title());
        var fixed = Fixer.fixAll(v.source(), NodeRegistry.standard());
        assertEquals(List.of(), fixed.remaining(), fixed.applied().toString());
        assertEquals("split.time", fixed.workflow().workflow().node("split").orElseThrow().type(), "the time split stays");
    }
}
