package org.anneal.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `anneal run --plots DIR` writes every PLOT output of the run as a PNG named after its node and port. */
class PlotExportTest {
    @TempDir
    Path tmp;

    @Test
    void theGaussianProcessExampleWritesItsParityAndCalibrationPlots() throws Exception {
        Path dir = tmp.resolve("plots");
        Cli r = Cli.run("run", "workflows/08-gaussian-process-uncertainty.json", "--out", tmp.resolve("r.json").toString(), "--plots", dir.toString(),
                "--plot-size", "640x480");
        assertEquals(0, r.exit(), r.all());
        for (String name : new String[] {"parity-plot.png", "calibration-plot.png"}) {
            Path png = dir.resolve(name);
            assertTrue(Files.exists(png), name + " written\n" + r.out());
            BufferedImage img = ImageIO.read(png.toFile());
            assertEquals(640, img.getWidth());
            assertEquals(480, img.getHeight());
            int dark = 0;
            for (int x = 0; x < img.getWidth(); x += 2) {
                for (int y = 0; y < img.getHeight(); y += 2) {
                    dark += (img.getRGB(x, y) & 0xff) < 200 ? 1 : 0;
                }
            }
            assertTrue(dark > 500, name + " has a drawing on it: " + dark + " dark samples");
        }
        assertTrue(r.out().contains("Plot written to"), r.out());
    }

    @Test
    void thePlotCommandRunsOnlyWhatTheNamedPlotNeedsAndWritesIt() throws Exception {
        Path dir = tmp.resolve("only-roc");
        Cli r = Cli.run("plot", "workflows/04-classification-two-moons.json", "roc", "--out", dir.toString());
        assertEquals(0, r.exit(), r.all());
        try (var files = Files.list(dir)) {
            assertEquals(java.util.List.of("roc-plot.png"), files.map(p -> p.getFileName().toString()).toList(),
                    "the score node's confusion plot ran upstream but was not asked for");
        }
        assertEquals(2, Cli.run("plot", "workflows/04-classification-two-moons.json", "split").exit(), "a node without a plot is a usage error");
    }
}
