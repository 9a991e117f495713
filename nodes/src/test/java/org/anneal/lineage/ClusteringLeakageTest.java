package org.anneal.lineage;

import static org.anneal.lineage.LeakageAnalyzerTest.links;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Clustering learns from rows like any other fitted step: a cluster column made with every row, test rows included,
 * that reaches a scored model is an L2 warning; clusters fitted on the training rows, or only drawn, raise nothing.
 */
class ClusteringLeakageTest {
    @TempDir
    Path dir;

    @BeforeEach
    void data() throws Exception {
        LeakageFixture.csv(dir, "x1,x2,y", 40, i -> i % 5 + "," + (i * 3) % 7 + "," + (2 * (i % 5) + i % 3));
    }

    static final String LOAD = "{\"id\":\"load\",\"type\":\"data.csv\",\"params\":{\"path\":\"d.csv\",\"target\":\"y\"}}";
    static final String KM = ",{\"id\":\"km\",\"type\":\"cluster.kmeans\",\"params\":{\"k\":2}}";
    /** The cluster column is categorical: a numeric learner takes it one-hot encoded. */
    static final String ONE_HOT = ",{\"id\":\"oh\",\"type\":\"prepare.one-hot\"}";
    static final String SPLIT_AND_MODEL = ",{\"id\":\"split\",\"type\":\"split.holdout\"},"
            + "{\"id\":\"ridge\",\"type\":\"model.ridge\"},{\"id\":\"fit\",\"type\":\"train.fit\"},"
            + "{\"id\":\"score\",\"type\":\"evaluate.regression\"}";
    static final String MODEL = links("ridge:learner", "fit:learner", "fit:model", "score:model");

    List<Finding> findings(String nodes, String links) throws Exception {
        return LeakageFixture.findings(dir, nodes, links);
    }

    @Test
    void clustersOfAllRowsUsedAsAFeatureOfAScoredModelAreL2() throws Exception {
        List<Finding> fs = findings(LOAD + KM + ONE_HOT + SPLIT_AND_MODEL, links("load:table", "km:fit", "load:table", "km:data",
                "km:out", "oh:fit", "km:out", "oh:data", "oh:out", "split:table", "split:train", "fit:train", "split:test", "score:data") + "," + MODEL);
        Finding km = fs.stream().filter(f -> f.nodes().contains("km")).findFirst().orElseThrow(() -> new AssertionError(fs.toString()));
        assertEquals("L2", km.rule());
        assertFalse(km.isError(), "label-free: a warning");
    }

    @Test
    void clustersLearntOnTheTrainingRowsAndAppliedToTheTestRowsRaiseNothing() throws Exception {
        String nodes = LOAD + KM + ONE_HOT + SPLIT_AND_MODEL + ",{\"id\":\"km_test\",\"type\":\"prepare.apply\"},"
                + "{\"id\":\"oh_test\",\"type\":\"prepare.apply\"}";
        assertEquals(List.of(), findings(nodes, links("load:table", "split:table", "split:train", "km:fit", "split:train", "km:data",
                "km:state", "km_test:state", "split:test", "km_test:data", "km:out", "oh:fit", "km:out", "oh:data", "oh:state", "oh_test:state",
                "km_test:out", "oh_test:data", "oh:out", "fit:train", "oh_test:out", "score:data") + "," + MODEL));
    }

    @Test
    void clustersOfAllRowsThatAreOnlyDrawnRaiseNothing() throws Exception {
        String nodes = LOAD + KM + SPLIT_AND_MODEL + ",{\"id\":\"plot\",\"type\":\"plot.scatter\",\"params\":{\"x\":\"x1\",\"y\":\"x2\",\"colour\":\"cluster\"}}";
        assertEquals(List.of(), findings(nodes, links("load:table", "km:fit", "load:table", "km:data", "km:out", "plot:table",
                "load:table", "split:table", "split:train", "fit:train", "split:test", "score:data") + "," + MODEL));
    }
}
