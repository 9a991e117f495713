package org.anneal.nodes.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.anneal.data.CategoricalColumn;
import org.anneal.data.Table;
import org.anneal.data.TensorColumn;
import org.anneal.exec.StandaloneContext;
import org.anneal.ml.Metrics;
import org.anneal.nodes.nn.ExampleEdits;
import org.anneal.spec.ColumnRole;
import org.anneal.spec.ConfigError;
import org.anneal.spec.Inputs;
import org.anneal.spec.Lineage;
import org.anneal.spec.Specs;
import org.anneal.spec.TableSpec;
import org.junit.jupiter.api.Test;

/** The surface-defect generator: reproducible, its truth counted on its masks, and its classes told apart by real blocks. */
class GenerateSurfaceDefectsNodeTest {
    static final GenerateSurfaceDefectsNode.Params SMALL = new GenerateSurfaceDefectsNode.Params(4, 6, 48, 0.02, true);

    static Table generate(GenerateSurfaceDefectsNode.Params p, long seed) {
        return (Table) new GenerateSurfaceDefectsNode().execute(new Inputs(Map.of()), p, new StandaloneContext("gen", seed, Path.of(".")))
                .get("table");
    }

    @Test
    void theSameSeedGivesIdenticalTablesAndAnotherSeedOthers() {
        Table a = generate(SMALL, 11);
        Table b = generate(SMALL, 11);
        for (String c : List.of("image", "defect_mask")) {
            assertArrayEquals(((TensorColumn) a.column(c).orElseThrow()).values(), ((TensorColumn) b.column(c).orElseThrow()).values(), c);
        }
        assertEquals(a.numeric("defect_area"), b.numeric("defect_area"));
        assertNotEquals(((TensorColumn) a.column("image").orElseThrow()).key(0), ((TensorColumn) generate(SMALL, 12).column("image")
                .orElseThrow()).key(0));
    }

    @Test
    void theTableIsWhatConfigurePromisedWithCoilsAsGroupsAndEveryClassOnEveryCoil() throws Exception {
        Table t = generate(SMALL, 1);
        Specs s = new GenerateSurfaceDefectsNode().configure(Specs.of(Map.of()), SMALL, new StandaloneContext("gen", 1, Path.of(".")));
        assertEquals(((TableSpec) s.get("table")).columns(), t.spec(Lineage.UNSPLIT).columns());
        assertEquals(24, t.rowCount());
        CategoricalColumn coil = (CategoricalColumn) t.column("coil").orElseThrow();
        CategoricalColumn cls = (CategoricalColumn) t.column("class").orElseThrow();
        assertEquals(ColumnRole.GROUP, coil.role());
        assertEquals(ColumnRole.TARGET, cls.role());
        assertEquals(List.of("crazing", "inclusion", "patches", "pitted-surface", "rolled-in-scale", "scratches"), cls.levels());
        for (int c = 0; c < 4; c++) {
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (int r = 0; r < t.rowCount(); r++) {
                if (coil.codes()[r] == c) {
                    seen.add(cls.text(r));
                }
            }
            assertEquals(6, seen.size(), "coil " + c + " has every class once");
        }
        for (float v : ((TensorColumn) t.column("image").orElseThrow()).values()) {
            assertTrue(v >= 0 && v <= 1, "grey values in [0, 1]");
        }
    }

    @Test
    void eachClassesDefectAreaIsTheShareOfItsMaskAndTheMaskIsWhereTheImageChanged() {
        Table t = generate(new GenerateSurfaceDefectsNode.Params(2, 6, 64, 0.02, true), 5);
        TensorColumn mask = (TensorColumn) t.column("defect_mask").orElseThrow();
        CategoricalColumn cls = (CategoricalColumn) t.column("class").orElseThrow();
        for (int r = 0; r < t.rowCount(); r++) {
            float[] m = mask.get(r);
            long hit = 0;
            for (float v : m) {
                assertTrue(v == 0 || v == 1);
                hit += (long) v;
            }
            double area = t.numeric("defect_area").get(r);
            assertEquals((double) hit / m.length, area, 1e-12, cls.text(r));
            assertTrue(area > 0.002 && area < 0.6, cls.text(r) + " covers " + area);
        }
        // without noise, the image departs from the strip's texture inside the mask far more than outside it
        SurfaceDefects.Coil coil = new SurfaceDefects.Coil(0.5, 0.05, 10, 0.05, 0);
        for (SurfaceDefects.Defect d : SurfaceDefects.Defect.values()) {
            SurfaceDefects s = SurfaceDefects.draw(64, coil, d, new Random(3));
            double in = 0;
            double out = 0;
            for (int i = 0; i < s.image().length; i++) {
                double change = Math.abs(s.image()[i] - s.texture()[i]);
                if (s.mask()[i] == 1) {
                    in += change;
                } else {
                    out += change;
                }
            }
            double meanIn = in / (s.area() * s.image().length);
            double meanOut = out / ((1 - s.area()) * s.image().length);
            assertTrue(meanIn > 0.05 && meanIn > 3 * meanOut, d + ": change " + meanIn + " inside the mask, " + meanOut + " outside");
        }
    }

    @Test
    void tooManyPixelsIsALocatedErrorBeforeAnythingIsDrawn() {
        var huge = new GenerateSurfaceDefectsNode.Params(2000, 600, 512, 0.02, false);
        ConfigError e = assertThrows(ConfigError.class,
                () -> new GenerateSurfaceDefectsNode().configure(Specs.of(Map.of()), huge, new StandaloneContext("gen", 1, Path.of("."))));
        assertEquals("coils", e.param());
        assertTrue(e.getMessage().contains("1 GiB"), e.getMessage());
    }

    /** Texture and stereology features into a random forest, split by coil, through the real blocks: far above 1/6. */
    @Test
    void theClassesAreToldApartByTextureFeaturesAndARandomForestSplitByCoil() throws Exception {
        ExampleEdits w = ExampleEdits.empty(15)
                .add("strip", "data.generate-surface-defects", Map.of("coils", 40, "imagesPerCoil", 6, "size", 64))
                .add("texture", "image.texture", Map.of("levels", 16, "distance", 2))
                .add("features", "prepare.image-features", Map.of("column", "image"))
                .add("split", "split.group", Map.of("test", 0.3))
                .add("forest", "model.random-forest", Map.of("task", "classification", "trees", 100))
                .add("fit", "train.fit", Map.of())
                .add("score", "evaluate.classification", Map.of())
                .link("strip:table", "texture:table").link("texture:out", "features:table").link("features:out", "split:table")
                .link("forest:learner", "fit:learner").link("split:train", "fit:train").link("fit:model", "score:model")
                .link("split:test", "score:data");
        var run = w.run().run();
        assertTrue(run.succeeded(), run.problems().toString());
        Metrics m = (Metrics) run.node("score").outputs().get("metrics");
        // 0.79 on 72 test images (seed 15)
        assertTrue(m.get("accuracy") > 0.6, "accuracy " + m.get("accuracy") + " against 1/6 by chance");
    }
}
