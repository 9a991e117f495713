package org.anneal.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `anneal run --plots` writes plot.signal's chart with the stretches between trigger events shaded where they happened:
 * run r1 of the fixture is high from minute 20 to 30 and from 40 to 45.
 */
class SignalPlotPngTest {
    @TempDir
    Path tmp;

    /** The event colour (orange) at low opacity over white: red stays high, blue drops. */
    static boolean shaded(int rgb) {
        int r = (rgb >> 16) & 0xff;
        int b = rgb & 0xff;
        return r > 220 && b < 225 && r - b > 25;
    }

    @Test
    void theShadedStretchesSitAtTheEventMinutes() throws Exception {
        Path dir = tmp.resolve("plots");
        Cli r = Cli.run("run", "tests/src/test/resources/ui/signal-events.json", "--out", tmp.resolve("r.json").toString(), "--plots", dir.toString());
        assertEquals(0, r.exit(), r.all());
        BufferedImage img = ImageIO.read(dir.resolve("view-plot.png").toFile());
        assertEquals(800, img.getWidth());
        // a row across the plot area below the legend: shaded columns come in runs (the signal's falling edge, two pixels
        // of line inside each stretch, is bridged)
        int y = 2 * img.getHeight() / 3;
        List<int[]> runs = new ArrayList<>();
        for (int x = 0; x < img.getWidth(); x++) {
            if (shaded(img.getRGB(x, y))) {
                if (runs.isEmpty() || runs.get(runs.size() - 1)[1] < x - 4) {
                    runs.add(new int[] {x, x});
                } else {
                    runs.get(runs.size() - 1)[1] = x;
                }
            }
        }
        assertEquals(2, runs.size(), "two shaded stretches");
        // the four edges lie on one linear scale: minutes 20, 30, 40, 45
        double perMinute = (runs.get(0)[1] + 1 - runs.get(0)[0]) / 10.0;
        assertTrue(perMinute > 5, "a ten-minute stretch is " + perMinute * 10 + " px wide");
        assertEquals(20, (runs.get(1)[0] - runs.get(0)[0]) / perMinute, 0.5, "the second rise 20 minutes after the first");
        assertEquals(5, (runs.get(1)[1] + 1 - runs.get(1)[0]) / perMinute, 0.5, "the second stretch lasts 5 minutes");
        double zero = runs.get(0)[0] - 20 * perMinute;
        assertEquals(72, zero, 2, "minute 0 at the plot area's left edge, so the first stretch starts at minute 20");
    }
}
