package org.anneal.lineage;

import static org.anneal.lineage.LeakageAnalyzerTest.LOAD;
import static org.anneal.lineage.LeakageAnalyzerTest.links;
import static org.anneal.lineage.LeakageAnalyzerTest.rules;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pipeline steps carry no rows, so preprocessing wired into the learner never counts as fitted outside the folds. */
class PipelineLeakageTest {
    @TempDir
    Path dir;

    static final String CHAIN = ",{\"id\":\"ridge\",\"type\":\"model.ridge\"},{\"id\":\"impute\",\"type\":\"pipeline.impute\"},"
            + "{\"id\":\"scale\",\"type\":\"pipeline.standardize\"},{\"id\":\"select\",\"type\":\"pipeline.select-k-best\",\"params\":{\"k\":1}}";
    static final String[] CHAIN_LINKS = {"ridge:learner", "impute:learner", "impute:pipeline", "scale:learner", "scale:pipeline", "select:learner"};

    @BeforeEach
    void data() throws Exception {
        LeakageFixture.specimens(dir);
    }

    List<Finding> findings(String nodes, String links) throws Exception {
        return LeakageFixture.findings(dir, nodes, links);
    }

    static String chainLinks(String... more) {
        String[] all = new String[CHAIN_LINKS.length + more.length];
        System.arraycopy(CHAIN_LINKS, 0, all, 0, CHAIN_LINKS.length);
        System.arraycopy(more, 0, all, CHAIN_LINKS.length, more.length);
        return links(all);
    }

    @Test
    void crossValidatingAPipelineRaisesNothing() throws Exception {
        var fs = findings(LOAD + CHAIN + ",{\"id\":\"cv\",\"type\":\"evaluate.cross-validate\",\"params\":{\"standardize\":false}}",
                chainLinks("select:pipeline", "cv:learner", "load:table", "cv:table"));
        assertEquals(List.of(), fs);
    }

    @Test
    void fittingAPipelineOnTheTrainingRowsRaisesNothing() throws Exception {
        var fs = findings(LOAD + CHAIN + ",{\"id\":\"split\",\"type\":\"split.holdout\"},{\"id\":\"fit\",\"type\":\"train.fit\"},"
                        + "{\"id\":\"score\",\"type\":\"evaluate.regression\"}",
                chainLinks("load:table", "split:table", "select:pipeline", "fit:learner", "split:train", "fit:train", "fit:model", "score:model",
                        "split:test", "score:data"));
        assertEquals(List.of(), fs);
    }

    @Test
    void theSameScalerOutsideTheFoldsIsStillFlagged() throws Exception {
        var fs = findings(LOAD + ",{\"id\":\"ridge\",\"type\":\"model.ridge\"},{\"id\":\"scale\",\"type\":\"prepare.standardize\"},"
                        + "{\"id\":\"cv\",\"type\":\"evaluate.cross-validate\",\"params\":{\"standardize\":false}}",
                links("load:table", "scale:fit", "load:table", "scale:data", "ridge:learner", "cv:learner", "scale:out", "cv:table"));
        assertEquals(List.of("L2"), rules(fs));
    }

    @Test
    void curvesFollowTheCrossValidationRules() throws Exception {
        String grouped = LeakageAnalyzerTest.LOAD_GROUPED;
        for (String type : List.of("evaluate.learning-curve", "evaluate.validation-curve")) {
            String params = type.endsWith("validation-curve") ? "\"hyperparameter\":\"lambda\"," : "";
            String node = ",{\"id\":\"ridge\",\"type\":\"model.ridge\"},{\"id\":\"curve\",\"type\":\"" + type + "\",\"params\":{" + params
                    + "\"strategy\":\"%s\"}}";
            assertEquals(List.of("L7"), rules(findings(grouped + node.formatted("random"), links("ridge:learner", "curve:learner", "load:table", "curve:table"))),
                    type);
            assertEquals(List.of(), findings(grouped + node.formatted("group"), links("ridge:learner", "curve:learner", "load:table", "curve:table")), type);
        }
    }
}
