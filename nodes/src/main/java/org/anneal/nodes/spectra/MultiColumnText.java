package org.anneal.nodes.spectra;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Several spectra side by side in one text file, as instruments and spreadsheets export a series: the axis in the first
 * column, then one column of intensities per spectrum, an optional header line naming them ("wavenumber, A1, A2, B1").
 * Each column becomes one spectrum named after its header (or "column 2", "column 3", … without one). Separators and
 * comment lines are those of two-column text.
 */
final class MultiColumnText {
    private MultiColumnText() {
    }

    /** The file's spectra, or null when its first data line has two cells or fewer (then it is an ordinary spectrum file). */
    static List<SpectrumFile> read(Path file, String axisName, String unit) throws SpectrumProblem {
        if (firstDataCells(file) <= 2) {
            return null;
        }
        List<String> lines = SpectrumFile.lines(file);
        String[] header = null;
        int width = 0;
        List<double[]> rows = new ArrayList<>();
        List<Integer> lineOf = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split(SpectrumFile.CELL_SEPARATOR);
            if (rows.isEmpty() && header == null && !SpectrumFile.looksNumeric(cells[0])) {
                header = cells;
                continue;
            }
            if (width == 0) {
                width = cells.length;
                if (header != null && header.length != width) {
                    throw new SpectrumProblem(file, i + 1, "the header names " + header.length + " columns, the first data line has " + width,
                            "Give one name per column: the axis first, then one per spectrum.");
                }
            } else if (cells.length != width) {
                throw new SpectrumProblem(file, i + 1, "expected " + width + " columns (the axis and " + (width - 1) + " spectra), found "
                        + cells.length + ": \"" + SpectrumFile.clip(line) + "\"", "Give every line the same columns; write a missing intensity as 0 "
                        + "or drop that spectrum's column.");
            }
            double[] row = new double[width];
            row[0] = SpectrumFile.number(file, i + 1, cells[0], "axis value");
            for (int k = 1; k < width; k++) {
                row[k] = SpectrumFile.number(file, i + 1, cells[k], "intensity");
            }
            if (!rows.isEmpty() && !(row[0] > rows.get(rows.size() - 1)[0])) {
                throw new SpectrumProblem(file, i + 1, "the axis value " + cells[0] + " does not increase (the line before has "
                        + rows.get(rows.size() - 1)[0] + ")", "Sort the lines by their axis value and remove repeated ones.");
            }
            rows.add(row);
            lineOf.add(i + 1);
        }
        double[] x = new double[rows.size()];
        for (int r = 0; r < x.length; r++) {
            x[r] = rows.get(r)[0];
        }
        var axis = SpectrumFile.grid(axisName, unit, x);
        List<SpectrumFile> out = new ArrayList<>();
        for (int k = 1; k < width; k++) {
            float[] y = new float[x.length];
            for (int r = 0; r < y.length; r++) {
                y[r] = (float) rows.get(r)[k];
            }
            out.add(new SpectrumFile(file, axis, y, header != null ? header[k] : "column " + (k + 1)));
        }
        return out;
    }

    /** Cells on the first line that is neither blank, a comment nor a header of words: reads only up to that line. */
    private static int firstDataCells(Path file) throws SpectrumProblem {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            boolean headerSeen = false;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.split(SpectrumFile.CELL_SEPARATOR);
                if (!headerSeen && !SpectrumFile.looksNumeric(cells[0])) {
                    headerSeen = true;
                    continue;
                }
                return cells.length;
            }
            return 0;
        } catch (IOException e) {
            throw new SpectrumProblem(file, 0, "cannot be read: " + e.getMessage(), "Check that the file exists and can be read.");
        }
    }
}
