package org.anneal.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Writes a regression table with known ground truth: y = 3 + Σ w_j x_j + noise, w_j = (j + 1) / 10,
 * x_j ~ N(j, 1 + j/10), noise ~ N(0, 0.5²). Numbers are written with six decimals, like real exports.
 */
public final class SyntheticTable {
    private SyntheticTable() {
    }

    public static void write(Path file, int rows, int features, long seed) throws IOException {
        SplittableRandom r = new SplittableRandom(seed);
        StringBuilder line = new StringBuilder(features * 12);
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
            for (int j = 0; j < features; j++) {
                w.write("x" + (j + 1) + ",");
            }
            w.write("y\n");
            double[] x = new double[features];
            for (int i = 0; i < rows; i++) {
                line.setLength(0);
                double y = 3;
                for (int j = 0; j < features; j++) {
                    x[j] = j + (1 + j / 10.0) * gaussian(r);
                    y += (j + 1) / 10.0 * x[j];
                    fixed6(line, x[j]).append(',');
                }
                fixed6(line, y + 0.5 * gaussian(r)).append('\n');
                w.append(line);
            }
        }
    }

    /** Six-decimal text without String.format, which would dominate generating 20 million cells. */
    static StringBuilder fixed6(StringBuilder sb, double v) {
        long scaled = Math.round(v * 1e6);
        if (scaled < 0) {
            sb.append('-');
            scaled = -scaled;
        }
        sb.append(scaled / 1_000_000).append('.');
        String frac = Long.toString(scaled % 1_000_000);
        for (int k = frac.length(); k < 6; k++) {
            sb.append('0');
        }
        return sb.append(frac);
    }

    private static double gaussian(SplittableRandom r) {
        double u = r.nextDouble();
        double v = r.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
    }
}
