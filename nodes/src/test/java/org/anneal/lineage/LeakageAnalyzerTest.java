package org.anneal.lineage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each rule fires on the flawed pipeline and stays silent on the honest one next to it. */
class LeakageAnalyzerTest {
    @TempDir
    Path dir;

    @BeforeEach
    void data() throws Exception {
        LeakageFixture.specimens(dir);
    }

    static final String LOAD = "{\"id\":\"load\",\"type\":\"data.csv\",\"params\":{\"path\":\"d.csv\",\"target\":\"y\",\"ignore\":[\"specimen\"]}}";
    static final String LOAD_GROUPED = "{\"id\":\"load\",\"type\":\"data.csv\",\"params\":{\"path\":\"d.csv\",\"target\":\"y\",\"group\":\"specimen\"}}";
    static final String LOAD_TIMED = "{\"id\":\"load\",\"type\":\"data.csv\",\"params\":{\"path\":\"d.csv\",\"target\":\"y\",\"time\":\"hour\",\"ignore\":[\"specimen\"]}}";
    static final String LOAD_POST = "{\"id\":\"load\",\"type\":\"data.csv\",\"params\":{\"path\":\"d.csv\",\"target\":\"y\",\"postOutcome\":[\"post\"],\"ignore\":[\"specimen\"]}}";
    static final String MODEL = "{\"id\":\"ridge\",\"type\":\"model.ridge\"},{\"id\":\"fit\",\"type\":\"train.fit\"},{\"id\":\"score\",\"type\":\"evaluate.regression\"}";

    List<Finding> findings(String nodes, String links) throws Exception {
        return LeakageFixture.findings(dir, nodes, links);
    }

    static String link(String from, String to) {
        return "{\"from\":\"" + from + "\",\"to\":\"" + to + "\"}";
    }

    static String links(String... pairs) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            sb.append(i == 0 ? "" : ",").append(link(pairs[i], pairs[i + 1]));
        }
        return sb.toString();
    }

    static List<String> rules(List<Finding> fs) {
        return fs.stream().map(Finding::rule).toList();
    }

    @Test
    void anHonestPipelineHasNoFindings() throws Exception {
        var fs = findings(LOAD + ",{\"id\":\"split\",\"type\":\"split.holdout\"},{\"id\":\"scale\",\"type\":\"prepare.standardize\"},"
                        + "{\"id\":\"apply\",\"type\":\"prepare.apply\"}," + MODEL,
                links("load:table", "split:table", "split:train", "scale:fit", "split:train", "scale:data", "scale:state", "apply:state",
                        "split:test", "apply:data", "ridge:learner", "fit:learner", "scale:out", "fit:train", "fit:model", "score:model",
                        "apply:out", "score:data"));
        assertEquals(List.of(), fs);
    }

    @Test
    void l1TestOnTrain() throws Exception {
        var fs = findings(LOAD + ",{\"id\":\"split\",\"type\":\"split.holdout\"}," + MODEL,
                links("load:table", "split:table", "ridge:learner", "fit:learner", "split:train", "fit:train", "fit:model", "score:model",
                        "split:train", "score:data"));
        assertEquals(List.of("L1"), rules(fs));
        assertTrue(fs.get(0).isError());
        assertEquals(List.of("score", "fit"), fs.get(0).nodes());
        assertEquals("split:train -> score:data", fs.get(0).wires().get(0).toString());
    }

    @Test
    void l1NoTestSetAtAll() throws Exception {
        var fs = findings(LOAD + "," + MODEL,
                links("ridge:learner", "fit:learner", "load:table", "fit:train", "fit:model", "score:model", "load:table", "score:data"));
        assertEquals(List.of("L1"), rules(fs));
        assertTrue(fs.get(0).title().contains("No held-out test set"));
    }

    @Test
    void l2ScalerFittedOnAllRowsBeforeTheSplit() throws Exception {
        var fs = findings(LOAD + ",{\"id\":\"scale\",\"type\":\"prepare.standardize\"},{\"id\":\"split\",\"type\":\"split.holdout\"}," + MODEL,
                links("load:table", "scale:fit", "load:table", "scale:data", "scale:out", "split:table", "ridge:learner", "fit:learner",
                        "split:train", "fit:train", "fit:model", "score:model", "split:test", "score:data"));
        assertEquals(List.of("L2"), rules(fs));
        assertEquals("scale", fs.get(0).nodes().get(0));
        assertTrue(!fs.get(0).isError(), "label-free preprocessing before the split is a warning");
        assertTrue(fs.get(0).fix().contains("split's 'train' output"));
    }

    @Test
    void l5TrainingOnTheTestRows() throws Exception {
        var fs = findings(LOAD + ",{\"id\":\"split\",\"type\":\"split.holdout\"}," + MODEL,
                links("load:table", "split:table", "ridge:learner", "fit:learner", "split:test", "fit:train", "fit:model", "score:model",
                        "split:train", "score:data"));
        assertEquals(List.of("L5"), rules(fs));
        assertEquals("split:test -> fit:train", fs.get(0).wires().get(0).toString());
    }

    @Test
    void l7RandomSplitOfGroupedRowsAndTheGroupSplitThatFixesIt() throws Exception {
        String model = links("ridge:learner", "fit:learner", "split:train", "fit:train", "fit:model", "score:model", "split:test", "score:data");
        var bad = findings(LOAD_GROUPED + ",{\"id\":\"split\",\"type\":\"split.holdout\"}," + MODEL, link("load:table", "split:table") + "," + model);
        assertEquals(List.of("L7"), rules(bad));
        assertTrue(bad.get(0).explanation().contains("'specimen'"));
        var good = findings(LOAD_GROUPED + ",{\"id\":\"split\",\"type\":\"split.group\"}," + MODEL, link("load:table", "split:table") + "," + model);
        assertEquals(List.of(), good);
    }

    @Test
    void l8RandomSplitOfTimeOrderedRowsAndTheTimeSplitThatFixesIt() throws Exception {
        String model = links("ridge:learner", "fit:learner", "split:train", "fit:train", "fit:model", "score:model", "split:test", "score:data");
        var bad = findings(LOAD_TIMED + ",{\"id\":\"split\",\"type\":\"split.holdout\"}," + MODEL, link("load:table", "split:table") + "," + model);
        assertEquals(List.of("L8"), rules(bad));
        var good = findings(LOAD_TIMED + ",{\"id\":\"split\",\"type\":\"split.time\"}," + MODEL, link("load:table", "split:table") + "," + model);
        assertEquals(List.of(), good);
    }

    @Test
    void l9PostOutcomeColumnUsedAsAFeature() throws Exception {
        String model = links("ridge:learner", "fit:learner", "split:train", "fit:train", "fit:model", "score:model", "split:test", "score:data");
        var bad = findings(LOAD_POST + ",{\"id\":\"split\",\"type\":\"split.holdout\"}," + MODEL, link("load:table", "split:table") + "," + model);
        assertEquals(List.of("L9"), rules(bad));
        assertTrue(bad.get(0).fix().contains("'post' under 'ignore'"));
        var good = findings(LOAD + ",{\"id\":\"split\",\"type\":\"split.holdout\"}," + MODEL, link("load:table", "split:table") + "," + model);
        assertEquals(List.of(), good);
    }

    @Test
    void crossValidationMustRespectGroupsAndFitPreprocessingInsideFolds() throws Exception {
        String cv = ",{\"id\":\"ridge\",\"type\":\"model.ridge\"},{\"id\":\"cv\",\"type\":\"evaluate.cross-validate\",\"params\":{\"strategy\":\"%s\"}}";
        var random = findings(LOAD_GROUPED + cv.formatted("random"), links("ridge:learner", "cv:learner", "load:table", "cv:table"));
        assertEquals(List.of("L7"), rules(random));
        var group = findings(LOAD_GROUPED + cv.formatted("group"), links("ridge:learner", "cv:learner", "load:table", "cv:table"));
        assertEquals(List.of(), group);
        var outerScaler = findings(LOAD + ",{\"id\":\"scale\",\"type\":\"prepare.standardize\"}" + cv.formatted("random"),
                links("load:table", "scale:fit", "load:table", "scale:data", "ridge:learner", "cv:learner", "scale:out", "cv:table"));
        assertEquals(List.of("L2"), rules(outerScaler));
        assertTrue(outerScaler.get(0).title().contains("outside the cross-validation"));
    }

    @Test
    void l10FilteringOnlyTheTestSide() throws Exception {
        String nodes = LOAD + ",{\"id\":\"split\",\"type\":\"split.holdout\"},{\"id\":\"clean\",\"type\":\"prepare.drop-missing\"}," + MODEL;
        var bad = findings(nodes, links("load:table", "split:table", "split:test", "clean:table", "ridge:learner", "fit:learner",
                "split:train", "fit:train", "fit:model", "score:model", "clean:out", "score:data"));
        assertEquals(List.of("L10"), rules(bad));
        String before = LOAD + ",{\"id\":\"clean\",\"type\":\"prepare.drop-missing\"},{\"id\":\"split\",\"type\":\"split.holdout\"}," + MODEL;
        var good = findings(before, links("load:table", "clean:table", "clean:out", "split:table", "ridge:learner", "fit:learner",
                "split:train", "fit:train", "fit:model", "score:model", "split:test", "score:data"));
        assertEquals(List.of(), good);
    }
}
