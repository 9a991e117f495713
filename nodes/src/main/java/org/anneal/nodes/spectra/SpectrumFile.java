package org.anneal.nodes.spectra;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.anneal.spec.Axis;

/**
 * One spectrum read from a file: its axis (with the physical grid and unit) and one intensity per channel. Two readers:
 * two-column text (x, intensity; comma, semicolon, tab or spaces between them; lines starting with {@code #} and a header
 * line of words are skipped) and EMSA/MSA (ISO 22029), whose header gives the grid. {@link #readAll} also takes text files
 * of several spectra side by side (an axis column, then one column per spectrum).
 */
record SpectrumFile(Path file, Axis axis, float[] intensity, String name) {

    /** The one spectrum of a file (name empty); a multi-column file names each of its spectra ({@link MultiColumnText}). */
    SpectrumFile(Path file, Axis axis, float[] intensity) {
        this(file, axis, intensity, "");
    }

    /** Largest departure from equal steps, as a share of the mean step, at which an x column is still a regular grid. */
    static final double REGULAR_TOLERANCE = 1e-6;

    /** Between two cells of a data line: a comma, semicolon or tab with blanks around it, or blanks alone. */
    static final String CELL_SEPARATOR = "\\s*[,;\\t]\\s*|\\s+";

    /** The spectra of a file: one, or one per intensity column of a multi-column text file. */
    static List<SpectrumFile> readAll(Path file, String axisName, String unit) throws SpectrumProblem {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean text = !(n.endsWith(".jdx") || n.endsWith(".dx") || n.endsWith(".jcamp") || n.endsWith(".msa") || n.endsWith(".ems")
                || n.endsWith(".emsa"));
        if (!text) {
            return List.of(read(file, axisName, unit));
        }
        // the two-column fast path first, so a folder of ordinary files is read once; only a file it passes on is looked at
        // for several spectra side by side before the line reader locates what is wrong
        double[][] fast = TwoColumnText.points(bytes(file));
        if (fast != null) {
            return List.of(fromPoints(file, axisName, unit, fast));
        }
        List<SpectrumFile> several = MultiColumnText.read(file, axisName, unit);
        return several != null ? several : List.of(readTwoColumnByLine(file, axisName, unit));
    }

    /** Reads a file by its extension: .msa/.ems/.emsa as EMSA, .jdx/.dx/.jcamp as JCAMP-DX, anything else as two-column text. */
    static SpectrumFile read(Path file, String axisName, String unit) throws SpectrumProblem {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (n.endsWith(".jdx") || n.endsWith(".dx") || n.endsWith(".jcamp")) {
            return JcampFile.read(file, axisName, unit);
        }
        return n.endsWith(".msa") || n.endsWith(".ems") || n.endsWith(".emsa") ? readEmsa(file, axisName) : readTwoColumn(file, axisName, unit);
    }

    static SpectrumFile readTwoColumn(Path file, String axisName, String unit) throws SpectrumProblem {
        double[][] fast = TwoColumnText.points(bytes(file));
        return fast != null ? fromPoints(file, axisName, unit, fast) : readTwoColumnByLine(file, axisName, unit);
    }

    private static byte[] bytes(Path file) throws SpectrumProblem {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new SpectrumProblem(file, 0, "cannot be read: " + e.getMessage(), "Check that the file exists and can be read.");
        }
    }

    /** The spectrum of the fast reader's {x, intensity} arrays. */
    private static SpectrumFile fromPoints(Path file, String axisName, String unit, double[][] points) {
        float[] y = new float[points[1].length];
        for (int i = 0; i < y.length; i++) {
            y[i] = (float) points[1][i];
        }
        return new SpectrumFile(file, grid(axisName, unit, points[0]), y);
    }

    /** The reader for every file the fast path passes on: it finds and locates what is wrong, line by line. */
    static SpectrumFile readTwoColumnByLine(Path file, String axisName, String unit) throws SpectrumProblem {
        List<String> lines = lines(file);
        List<double[]> points = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split(CELL_SEPARATOR);
            if (points.isEmpty() && !looksNumeric(cells[0])) {
                continue; // a header line such as "two_theta,intensity"
            }
            if (cells.length != 2) {
                throw new SpectrumProblem(file, i + 1, "expected two columns (x, intensity), found " + cells.length + ": \"" + clip(line) + "\"",
                        "Keep one point per line: the axis value, a separator, the intensity.");
            }
            points.add(new double[] {number(file, i + 1, cells[0], "axis value"), number(file, i + 1, cells[1], "intensity")});
            if (points.size() > 1 && !(points.get(points.size() - 1)[0] > points.get(points.size() - 2)[0])) {
                throw new SpectrumProblem(file, i + 1, "the axis value " + cells[0] + " does not increase (the line before has "
                        + points.get(points.size() - 2)[0] + ")", "Sort the points by their axis value and remove repeated ones.");
            }
        }
        if (points.isEmpty()) {
            throw new SpectrumProblem(file, 0, "no data lines", "A two-column spectrum has one 'x, intensity' pair per line.");
        }
        double[] x = new double[points.size()];
        float[] y = new float[points.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = points.get(i)[0];
            y[i] = (float) points.get(i)[1];
        }
        return new SpectrumFile(file, grid(axisName, unit, x), y);
    }

    /**
     * An EMSA/MSA file: {@code #KEYWORD : value} header lines (units may follow the keyword after a dash, "#BEAMKV -kV"),
     * then {@code #SPECTRUM} and the data up to {@code #ENDOFDATA}. The grid comes from OFFSET + i·XPERCHAN with NPOINTS
     * channels; DATATYPE Y lists intensities (several to a line, NPOINTS of them), XY lists x, y pairs whose x values are the grid.
     */
    static SpectrumFile readEmsa(Path file, String axisName) throws SpectrumProblem {
        List<String> lines = lines(file);
        Map<String, String> header = new LinkedHashMap<>();
        int i = 0;
        for (; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("##")) {
                continue; // user-defined keywords
            }
            if (!line.startsWith("#")) {
                throw new SpectrumProblem(file, i + 1, "a data line before #SPECTRUM: \"" + clip(line) + "\"",
                        "Data follow the '#SPECTRUM' line; every header line starts with '#'.");
            }
            int colon = line.indexOf(':');
            String key = (colon < 0 ? line.substring(1) : line.substring(1, colon)).strip();
            int dash = key.indexOf('-');
            key = (dash < 0 ? key : key.substring(0, dash)).strip().toUpperCase(Locale.ROOT);
            if (key.equals("SPECTRUM")) {
                break;
            }
            header.putIfAbsent(key, colon < 0 ? "" : line.substring(colon + 1).strip());
        }
        if (i == lines.size()) {
            throw new SpectrumProblem(file, 0, "no '#SPECTRUM' line, so no data", "An EMSA file lists its data after '#SPECTRUM : ...'.");
        }
        int spectrumLine = i + 1;
        int n = (int) Math.round(headerNumber(file, lines, header, "NPOINTS"));
        double step = headerNumber(file, lines, header, "XPERCHAN");
        double offset = headerNumber(file, lines, header, "OFFSET");
        String datatype = header.getOrDefault("DATATYPE", "Y").toUpperCase(Locale.ROOT);
        if (!datatype.equals("Y") && !datatype.equals("XY")) {
            throw new SpectrumProblem(file, lineOf(lines, "DATATYPE"), "DATATYPE is '" + datatype + "'; EMSA knows Y and XY",
                    "Set '#DATATYPE : Y' or '#DATATYPE : XY'.");
        }
        if (n < 1 || step == 0) {
            throw new SpectrumProblem(file, lineOf(lines, n < 1 ? "NPOINTS" : "XPERCHAN"), "NPOINTS must be at least 1 and XPERCHAN non-zero",
                    "Correct the header.");
        }
        double[] values = new double[Math.max(16, n)];
        int[] valueLines = new int[values.length];
        int count = 0;
        boolean ended = false;
        for (i = spectrumLine; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.startsWith("#")) {
                ended = line.substring(1).strip().toUpperCase(Locale.ROOT).startsWith("ENDOFDATA");
                if (ended) {
                    break;
                }
                continue;
            }
            // cells lie between blanks, commas and semicolons; each is parsed in place, and one the fast parser does not
            // take is parsed (or reported) as text
            byte[] bytes = line.getBytes(StandardCharsets.ISO_8859_1);
            TwoColumnText cells = new TwoColumnText(bytes);
            for (int at = 0; at < bytes.length;) {
                if (TwoColumnText.emsaSeparator(bytes[at])) {
                    at++;
                    continue;
                }
                int end = at;
                while (end < bytes.length && !TwoColumnText.emsaSeparator(bytes[end])) {
                    end++;
                }
                if (count == values.length) {
                    values = java.util.Arrays.copyOf(values, 2 * count);
                    valueLines = java.util.Arrays.copyOf(valueLines, 2 * count);
                }
                values[count] = cells.numberIn(at, end) ? cells.value() : number(file, i + 1, line.substring(at, end), "value");
                valueLines[count++] = i + 1;
                at = end;
            }
        }
        if (!ended) {
            throw new SpectrumProblem(file, lines.size(), "the data end without '#ENDOFDATA'", "The file may be cut short; EMSA data end with '#ENDOFDATA'.");
        }
        String unit = header.getOrDefault("XUNITS", "").strip();
        if (datatype.equals("Y")) {
            if (count != n) {
                throw new SpectrumProblem(file, spectrumLine, "NPOINTS says " + n + " points, the data hold " + count,
                        "Correct NPOINTS or the data; with DATATYPE Y every number after '#SPECTRUM' is one channel.");
            }
            float[] y = new float[n];
            for (int k = 0; k < n; k++) {
                y[k] = (float) values[k];
            }
            return new SpectrumFile(file, Axis.regular(axisName, n, unit, offset, step), y);
        }
        // XY data state every x, and they win over the header: the EMSA task force's own example1 lists 21 points under
        // NPOINTS 20, on steps of 2.3 to 3.1 eV under XPERCHAN 3.1 (HyperSpy drops the x column and keeps OFFSET/XPERCHAN)
        if (count % 2 != 0) {
            throw new SpectrumProblem(file, spectrumLine, "DATATYPE XY needs x, y pairs; the data hold an odd count of " + count
                    + " numbers", "Give every point as 'x, y' on its own line.");
        }
        double[] x = new double[count / 2];
        float[] y = new float[x.length];
        for (int k = 0; k < x.length; k++) {
            x[k] = values[2 * k];
            y[k] = (float) values[2 * k + 1];
            if (k > 0 && !(x[k] > x[k - 1])) {
                throw new SpectrumProblem(file, valueLines[2 * k], "the axis value "
                        + x[k] + " does not increase (the point before has " + x[k - 1] + ")", "Sort the points by x and remove repeated ones.");
            }
        }
        return new SpectrumFile(file, grid(axisName, unit, x), y);
    }

    /** A regular axis when the x values step evenly (to a millionth of a step), else the listed values. */
    static Axis grid(String name, String unit, double[] x) {
        if (x.length == 1) {
            return Axis.listed(name, unit, x);
        }
        double step = (x[x.length - 1] - x[0]) / (x.length - 1);
        for (int i = 0; i < x.length; i++) {
            if (Math.abs(x[i] - (x[0] + i * step)) > REGULAR_TOLERANCE * Math.abs(step)) {
                return Axis.listed(name, unit, x);
            }
        }
        return Axis.regular(name, x.length, unit, x[0], step);
    }

    private static double headerNumber(Path file, List<String> lines, Map<String, String> header, String key) throws SpectrumProblem {
        String v = header.get(key);
        if (v == null || v.isEmpty()) {
            throw new SpectrumProblem(file, 0, "the EMSA header has no " + key + (v == null ? "" : " value"),
                    "EMSA files need #NPOINTS, #XPERCHAN and #OFFSET to place the channels on the axis.");
        }
        return number(file, lineOf(lines, key), v.replaceAll("\\s+", ""), key);
    }

    private static int lineOf(List<String> lines, String key) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).strip().toUpperCase(Locale.ROOT).startsWith("#" + key)) {
                return i + 1;
            }
        }
        return 0;
    }

    static double number(Path file, int line, String text, String what) throws SpectrumProblem {
        try {
            double v = Double.parseDouble(text);
            if (Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new SpectrumProblem(file, line, "the " + what + " '" + clip(text) + "' is not a finite number",
                "Use plain numbers with '.' as the decimal mark.");
    }

    static boolean looksNumeric(String s) {
        try {
            Double.parseDouble(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    static List<String> lines(Path file) throws SpectrumProblem {
        try {
            return Files.readAllLines(file, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new SpectrumProblem(file, 0, "cannot be read: " + e.getMessage(), "Check that the file exists and can be read.");
        }
    }

    static String clip(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }
}
