package org.anneal.lineage;

import static org.anneal.lineage.LeakageAnalyzerTest.links;
import static org.anneal.lineage.LeakageAnalyzerTest.rules;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tiles and augmented copies of micrographs meet the rules that already exist (issue 15): tiles carry their micrograph as a
 * group, so a random split of them is L7 and a group split is clean; image.augment declares that it multiplies rows, so
 * augmenting before a split or before cross-validation is L4, and on the training branch it is clean.
 */
class ImageTilesLeakageTest {
    @TempDir
    Path dir;

    static final String GEN = "{\"id\":\"gen\",\"type\":\"data.generate-micrographs\",\"params\":{\"specimens\":6,\"fieldsPerSpecimen\":2,\"size\":96}}";
    static final String TILE = ",{\"id\":\"tile\",\"type\":\"image.tile\",\"params\":{\"size\":32}}";
    static final String AUG = ",{\"id\":\"aug\",\"type\":\"image.augment\",\"params\":{\"copies\":2}}";
    static final String FEAT = ",{\"id\":\"feat\",\"type\":\"prepare.image-features\"}";
    static final String FEAT_TEST = ",{\"id\":\"feat_test\",\"type\":\"prepare.image-features\"}";
    static final String MODEL = ",{\"id\":\"forest\",\"type\":\"model.random-forest\",\"params\":{\"task\":\"classification\",\"trees\":5}},"
            + "{\"id\":\"fit\",\"type\":\"train.fit\"},{\"id\":\"score\",\"type\":\"evaluate.classification\"}";
    static final String SCORED = links("forest:learner", "fit:learner", "split:train", "fit:train", "fit:model", "score:model", "split:test",
            "score:data");

    List<Finding> findings(String nodes, String links) throws Exception {
        LeakageAnalyzerTest valid = new LeakageAnalyzerTest(); // its helper checks the pipeline is valid before analysing it
        valid.dir = dir;
        return valid.findings(nodes, links);
    }

    static String split(String type) {
        return ",{\"id\":\"split\",\"type\":\"" + type + "\"}";
    }

    @Test
    void aRandomSplitOfTilesIsL7OnTheMicrographAndAGroupSplitIsClean() throws Exception {
        String tiled = links("gen:table", "tile:table", "tile:out", "feat:table", "feat:out", "split:table") + "," + SCORED;
        var random = findings(GEN + TILE + FEAT + split("split.holdout") + MODEL, tiled);
        assertEquals(List.of("L7", "L7"), rules(random), "specimen and micrograph both cross the split");
        assertTrue(random.stream().anyMatch(f -> f.explanation().contains("'micrograph'")), random.toString());
        assertEquals(List.of(), findings(GEN + TILE + FEAT + split("split.group") + MODEL, tiled));
    }

    @Test
    void augmentingBeforeTheSplitIsL4AndOnTheTrainingRowsIsClean() throws Exception {
        var before = findings(GEN + AUG + FEAT + split("split.group") + MODEL,
                links("gen:table", "aug:table", "aug:out", "feat:table", "feat:out", "split:table") + "," + SCORED);
        assertEquals(List.of("L4"), rules(before));
        assertEquals(List.of("aug", "split"), before.get(0).nodes());
        var after = findings(GEN + split("split.group") + AUG + FEAT + FEAT_TEST + MODEL,
                links("gen:table", "split:table", "split:train", "aug:table", "aug:out", "feat:table", "split:test", "feat_test:table",
                        "forest:learner", "fit:learner", "feat:out", "fit:train", "fit:model", "score:model", "feat_test:out", "score:data"));
        assertEquals(List.of(), after);
    }

    @Test
    void augmentingBeforeCrossValidationIsL4() throws Exception {
        String cv = ",{\"id\":\"forest\",\"type\":\"model.random-forest\",\"params\":{\"task\":\"classification\",\"trees\":5}},"
                + "{\"id\":\"cv\",\"type\":\"evaluate.cross-validate\",\"params\":{\"strategy\":\"group\",\"folds\":3}}";
        var fs = findings(GEN + AUG + FEAT + cv, links("gen:table", "aug:table", "aug:out", "feat:table", "feat:out", "cv:table",
                "forest:learner", "cv:learner"));
        assertEquals(List.of("L4"), rules(fs));
        assertTrue(fs.get(0).nodes().contains("aug"));
    }
}
