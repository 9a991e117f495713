package org.anneal.nodes.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.data.TensorColumn;
import org.anneal.exec.StandaloneContext;
import org.anneal.spec.ColumnRole;
import org.anneal.spec.ConfigError;
import org.anneal.spec.Inputs;
import org.anneal.spec.Lineage;
import org.anneal.spec.Shape;
import org.anneal.spec.Specs;
import org.anneal.spec.TableSpec;
import org.junit.jupiter.api.Test;

/** Classical features measured on generated micrographs, checked against the truth the generator counted. */
class ImageFeaturesNodeTest {
    static final ImageFeaturesNode.Params DEFAULTS = new ImageFeaturesNode.Params("", 0.08, 0);

    static Table features(Table t, ImageFeaturesNode.Params p) throws Exception {
        return (Table) new ImageFeaturesNode().execute(new Inputs(Map.of("table", t)), p, new StandaloneContext("f", 1, Path.of(".")))
                .get("out");
    }

    static double worst(Table t, String measured, String truth, boolean relative) {
        NumericColumn m = t.numeric(measured);
        NumericColumn x = t.numeric(truth);
        double worst = 0;
        for (int r = 0; r < t.rowCount(); r++) {
            double d = Math.abs(m.get(r) - x.get(r));
            worst = Math.max(worst, relative ? d / x.get(r) : d);
        }
        return worst;
    }

    @Test
    void onCleanImagesOtsuGivesThePhaseFractionAndTheInterceptTheGrainSize() throws Exception {
        Table t = features(GenerateMicrographsNodeTest.generate(new GenerateMicrographsNode.Params(9, 2, 128, 0.5, 0, 0, 0, 0, 4, false), 3), DEFAULTS);
        assertTrue(worst(t, "dark_fraction", "phase_fraction", false) < 0.005, "exact up to a few pixels on clean images");
        double g = worst(t, "intercept_length", "grain_size_um", true);
        assertTrue(g < 0.15, "linear intercept within 15 % of the exact map's: " + g);
        assertEquals("µm", t.column("intercept_length").orElseThrow().unit());
    }

    @Test
    void onBlurredNoisyImagesThePhaseFractionStaysCloseAndTheInterceptStillRanksTheRoutes() throws Exception {
        Table t = features(GenerateMicrographsNodeTest.generate(new GenerateMicrographsNode.Params(9, 2, 128, 0.5, 0, 0.7, 0.03, 0, 4, false), 4), DEFAULTS);
        assertTrue(worst(t, "dark_fraction", "phase_fraction", false) < 0.03, "within 3 points of the truth");
        // noise breaks the etched lines, so the intercept is biased; it must still order hot-rolled < normalised < annealed
        org.anneal.data.CategoricalColumn route = (org.anneal.data.CategoricalColumn) t.column("route").orElseThrow();
        double[] mean = new double[3];
        for (int r = 0; r < t.rowCount(); r++) {
            mean[route.codes()[r]] += t.numeric("intercept_length").get(r) / 6;
        }
        assertTrue(mean[0] < mean[1] && mean[1] < mean[2], java.util.Arrays.toString(mean));
    }

    @Test
    void aHandDrawnImageGivesExactNumbers() throws Exception {
        // 4×4 grey image, left half 0.2, right half 0.8: mean 0.5, std 0.3, half dark; no line, so the intercept is the side
        float[] v = {0.2f, 0.2f, 0.8f, 0.8f, 0.2f, 0.2f, 0.8f, 0.8f, 0.2f, 0.2f, 0.8f, 0.8f, 0.2f, 0.2f, 0.8f, 0.8f};
        Table t = new Table(List.of(new TensorColumn("img", ColumnRole.FEATURE, Shape.image(4, 4, 1), v, new boolean[1], "")));
        Table out = features(t, DEFAULTS);
        assertEquals(0.5, out.numeric("grey_mean").get(0), 1e-6);
        assertEquals(0.3, out.numeric("grey_std").get(0), 1e-6);
        assertEquals(0.5, out.numeric("dark_fraction").get(0), 1e-12);
        assertEquals(0.0, out.numeric("boundary_density").get(0), 1e-12);
        assertEquals(4.0, out.numeric("intercept_length").get(0), 1e-12);
        assertEquals("px", out.column("intercept_length").orElseThrow().unit());
        assertEquals(ColumnRole.IGNORE, out.column("img").orElseThrow().role(), "the image stays, but no longer as a feature");
        // a dark 1-pixel line down the middle of a bright 5×5 image: every row crosses it once and the
        // column lying in it counts as one run: 2·25 / 6
        float[] line = new float[25];
        java.util.Arrays.fill(line, 0.8f);
        for (int y = 0; y < 5; y++) {
            line[y * 5 + 2] = 0.5f;
        }
        Table l = features(new Table(List.of(new TensorColumn("img", ColumnRole.FEATURE, Shape.image(5, 5, 1), line, new boolean[1], ""))), DEFAULTS);
        assertEquals(50.0 / 6, l.numeric("intercept_length").get(0), 1e-12);
        assertEquals(0.2, l.numeric("boundary_density").get(0), 1e-12);
    }

    @Test
    void configurePromisesTheColumnsAndRefusesATableWithoutAnImage() throws Exception {
        Table gen = GenerateMicrographsNodeTest.generate(new GenerateMicrographsNode.Params(3, 1, 64, 0.5, 0, 0, 0, 0, 4, false), 1);
        Specs s = new ImageFeaturesNode().configure(Specs.of(Map.of("table", gen.spec(Lineage.UNSPLIT))), DEFAULTS,
                new StandaloneContext("f", 1, Path.of(".")));
        assertEquals(((TableSpec) s.get("out")).columns(), features(gen, DEFAULTS).spec(Lineage.UNSPLIT).columns());
        Table plain = new Table(List.of(new NumericColumn("x", ColumnRole.FEATURE, new double[] {1})));
        ConfigError e = assertThrows(ConfigError.class, () -> new ImageFeaturesNode().configure(Specs.of(Map.of("table", plain.spec(Lineage.UNSPLIT))),
                DEFAULTS, new StandaloneContext("f", 1, Path.of("."))));
        assertEquals("column", e.param());
        ConfigError notImage = assertThrows(ConfigError.class, () -> new ImageFeaturesNode().configure(Specs.of(Map.of("table", plain.spec(Lineage.UNSPLIT))),
                new ImageFeaturesNode.Params("x", 0.08, 0), new StandaloneContext("f", 1, Path.of("."))));
        assertTrue(notImage.getMessage().contains("'x' is not an image"), notImage.getMessage());
    }
}
