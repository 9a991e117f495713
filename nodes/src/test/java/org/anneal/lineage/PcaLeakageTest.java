package org.anneal.lineage;

import static org.anneal.lineage.LeakageAnalyzerTest.link;
import static org.anneal.lineage.LeakageAnalyzerTest.links;
import static org.anneal.lineage.LeakageAnalyzerTest.rules;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PCA is label-free preprocessing that learns from rows: fitted on all rows it is an L2 warning when its scores reach a
 * scored model, and no finding at all when they only reach a plot (issue 4: no false alarms on correct pipelines).
 */
class PcaLeakageTest {
    @TempDir
    Path dir;

    @BeforeEach
    void data() throws Exception {
        LeakageFixture.csv(dir, "x1,x2,x3,y", 40, i -> i + "," + i % 7 + "," + (i * 3) % 11 + "," + (2 * i + i % 7));
    }

    static final String LOAD = "{\"id\":\"load\",\"type\":\"data.csv\",\"params\":{\"path\":\"d.csv\",\"target\":\"y\"}}";
    static final String PCA = ",{\"id\":\"pca\",\"type\":\"prepare.pca\",\"params\":{\"components\":2}}";
    static final String SPLIT = ",{\"id\":\"split\",\"type\":\"split.holdout\"}";
    static final String MODEL = ",{\"id\":\"ridge\",\"type\":\"model.ridge\"},{\"id\":\"fit\",\"type\":\"train.fit\"},"
            + "{\"id\":\"score\",\"type\":\"evaluate.regression\"}";
    static final String PLOT = ",{\"id\":\"plot\",\"type\":\"plot.scatter\",\"params\":{\"x\":\"pc1\",\"y\":\"pc2\"}}";
    static final String SCORED = links("ridge:learner", "fit:learner", "split:train", "fit:train", "fit:model", "score:model",
            "split:test", "score:data");

    List<Finding> findings(String nodes, String links) throws Exception {
        return LeakageFixture.findings(dir, nodes, links);
    }

    @Test
    void pcaFittedBeforeTheSplitFeedingAScoredModelIsL2() throws Exception {
        String links = link("load:table", "pca:fit") + "," + link("load:table", "pca:data") + "," + link("pca:out", "split:table") + "," + SCORED;
        List<Finding> fs = findings(LOAD + PCA + SPLIT + MODEL, links);
        assertEquals(List.of("L2"), rules(fs));
        assertFalse(fs.get(0).isError(), "label-free preprocessing is a warning, not an error");
        assertTrue(fs.get(0).nodes().contains("pca"), fs.get(0).nodes().toString());
    }

    @Test
    void pcaOnAllRowsThatOnlyReachesAPlotRaisesNothing() throws Exception {
        String links = link("load:table", "pca:fit") + "," + link("load:table", "pca:data") + "," + link("pca:out", "plot:table")
                + "," + link("load:table", "split:table") + "," + SCORED;
        assertEquals(List.of(), findings(LOAD + PCA + PLOT + SPLIT + MODEL, links));
    }

    @Test
    void pcaFittedOnTheTrainingRowsAndAppliedToTheTestRowsRaisesNothing() throws Exception {
        String nodes = LOAD + PCA + SPLIT + MODEL + ",{\"id\":\"pca_test\",\"type\":\"prepare.apply\"}";
        String links = links("load:table", "split:table", "split:train", "pca:fit", "split:train", "pca:data", "pca:state", "pca_test:state",
                "split:test", "pca_test:data", "ridge:learner", "fit:learner", "pca:out", "fit:train", "fit:model", "score:model",
                "pca_test:out", "score:data");
        assertEquals(List.of(), findings(nodes, links));
    }

    /** The plot is exploration; the model branch is not, and the plot on the side does not excuse it. */
    @Test
    void pcaOnAllRowsFeedingBothAPlotAndAScoredModelIsStillL2() throws Exception {
        String links = link("load:table", "pca:fit") + "," + link("load:table", "pca:data") + "," + link("pca:out", "plot:table")
                + "," + link("pca:out", "split:table") + "," + SCORED;
        List<Finding> fs = findings(LOAD + PCA + PLOT + SPLIT + MODEL, links);
        assertEquals(List.of("L2"), rules(fs));
        assertEquals(List.of("pca", "score"), fs.get(0).nodes());
    }

    /** Fitted on every fold at once, each held-out fold helped choose the axes its training folds are projected on. */
    @Test
    void pcaOnAllRowsBeforeCrossValidationIsL2() throws Exception {
        String nodes = LOAD + PCA + ",{\"id\":\"ridge\",\"type\":\"model.ridge\"},{\"id\":\"cv\",\"type\":\"evaluate.cross-validate\"}";
        String links = links("load:table", "pca:fit", "load:table", "pca:data", "ridge:learner", "cv:learner", "pca:out", "cv:table");
        List<Finding> fs = findings(nodes, links);
        assertEquals(List.of("L2"), rules(fs));
        assertFalse(fs.get(0).isError());
    }

    /** The scree plot is learnt from all rows too, but a plot is where it ends: nothing is scored on it. */
    @Test
    void aScreePlotOfAllRowsRaisesNothing() throws Exception {
        String links = link("load:table", "pca:fit") + "," + link("load:table", "pca:data") + "," + link("load:table", "split:table") + "," + SCORED;
        assertEquals(List.of(), findings(LOAD + PCA + SPLIT + MODEL, links));
    }
}
