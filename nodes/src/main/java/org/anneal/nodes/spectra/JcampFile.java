package org.anneal.nodes.spectra;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.anneal.spec.Axis;

/**
 * A JCAMP-DX 4.24 / 5 spectrum (IUPAC; McDonald and Wilks 1988): {@code ##LABEL=value} records, then either
 * {@code ##XYDATA=(X++(Y..Y))} lines of an abscissa and ordinates in any ASDF form (AFFN, PAC, SQZ, DIF, DUP, with
 * DIF's Y check value at the start of the next line dropped after it is checked) on the grid FIRSTX…LASTX with NPOINTS
 * points, or {@code ##XYPOINTS=(XY..XY)} / {@code ##PEAKTABLE=(XY..XY)} pairs. X and Y are multiplied by XFACTOR and
 * YFACTOR. A spectrum stored with decreasing x (infrared spectra usually run from 4000 cm⁻¹ down) is turned round so the
 * axis increases. Compound files (BLOCKS, NTUPLES) are refused.
 */
final class JcampFile {
    private JcampFile() {
    }

    static SpectrumFile read(Path file, String axisName, String fallbackUnit) throws SpectrumProblem {
        List<String> lines = SpectrumFile.lines(file);
        Map<String, String> header = new HashMap<>();
        Map<String, Integer> at = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = stripComment(lines.get(i));
            if (!line.startsWith("##")) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq < 0) {
                throw new SpectrumProblem(file, i + 1, "a record '" + SpectrumFile.clip(line) + "' without '='", "Write records as ##LABEL=value.");
            }
            String label = line.substring(2, eq).toUpperCase(Locale.ROOT).replaceAll("[\\s\\-/_]", "");
            String value = line.substring(eq + 1).strip();
            if (label.equals("BLOCKS") || label.equals("NTUPLES")) {
                throw new SpectrumProblem(file, i + 1, "a compound JCAMP-DX file (" + label + ")", "Export one spectrum per file.");
            }
            if (label.equals("XYDATA") || label.equals("XYPOINTS") || label.equals("PEAKTABLE")) {
                String unit = units(header.getOrDefault("XUNITS", ""), fallbackUnit);
                double xf = factor(file, lines, header, at, "XFACTOR");
                double yf = factor(file, lines, header, at, "YFACTOR");
                if (label.equals("XYDATA")) {
                    if (!value.replace(" ", "").equalsIgnoreCase("(X++(Y..Y))")) {
                        throw new SpectrumProblem(file, i + 1, "XYDATA in the form " + value + "; this reader knows (X++(Y..Y))", "Export as (X++(Y..Y)).");
                    }
                    return xyData(file, lines, i + 1, header, at, axisName, unit, yf);
                }
                return xyPoints(file, lines, i + 1, axisName, unit, xf, yf);
            }
            header.putIfAbsent(label, value);
            at.putIfAbsent(label, i + 1);
        }
        throw new SpectrumProblem(file, 0, "no ##XYDATA, ##XYPOINTS or ##PEAKTABLE record, so no data", "A JCAMP-DX spectrum lists its data after one of these.");
    }

    private static SpectrumFile xyData(Path file, List<String> lines, int from, Map<String, String> header, Map<String, Integer> at, String axisName,
            String unit, double yf) throws SpectrumProblem {
        double firstX = required(file, lines, header, at, "FIRSTX");
        double lastX = required(file, lines, header, at, "LASTX");
        int n = (int) Math.round(required(file, lines, header, at, "NPOINTS"));
        if (n < 2) {
            throw new SpectrumProblem(file, at.get("NPOINTS"), "NPOINTS is " + n + "; XYDATA needs at least 2", "Correct NPOINTS.");
        }
        List<Double> y = new ArrayList<>();
        boolean checkNext = false;
        int i = from;
        for (; i < lines.size(); i++) {
            String line = stripComment(lines.get(i));
            if (line.startsWith("##")) {
                break;
            }
            if (line.isEmpty()) {
                continue;
            }
            Asdf.Line parsed = Asdf.parse(file, i + 1, line);
            List<Double> ys = parsed.values().subList(1, parsed.values().size());
            if (checkNext && !ys.isEmpty()) {
                // DIF's Y check value: the line repeats the last ordinate of the line before
                if (Math.abs(ys.get(0) - y.get(y.size() - 1)) > 1e-9 * Math.max(1, Math.abs(ys.get(0)))) {
                    throw new SpectrumProblem(file, i + 1, "the Y check value " + ys.get(0) + " differs from the last value " + y.get(y.size() - 1)
                            + " of the line before", "The file is damaged (a DIF line was lost or changed).");
                }
                ys = ys.subList(1, ys.size());
            }
            y.addAll(ys);
            checkNext = parsed.endsInDif();
        }
        if (y.size() != n) {
            throw new SpectrumProblem(file, i, "NPOINTS says " + n + " points, XYDATA holds " + y.size(), "Correct NPOINTS or the data lines.");
        }
        // FIRSTX and LASTX are actual values (XFACTOR scales only the X written on the data lines)
        boolean down = lastX < firstX;
        float[] v = new float[n];
        for (int k = 0; k < n; k++) {
            v[k] = (float) (y.get(down ? n - 1 - k : k) * yf);
        }
        return new SpectrumFile(file, Axis.regular(axisName, n, unit, Math.min(firstX, lastX), Math.abs(lastX - firstX) / (n - 1)), v);
    }

    private static SpectrumFile xyPoints(Path file, List<String> lines, int from, String axisName, String unit, double xf, double yf)
            throws SpectrumProblem {
        List<double[]> points = new ArrayList<>();
        List<Integer> where = new ArrayList<>();
        for (int i = from; i < lines.size(); i++) {
            String line = stripComment(lines.get(i));
            if (line.startsWith("##")) {
                break;
            }
            for (String pair : line.split(";|\\s{2,}|\\t")) {
                String[] xy = pair.strip().split("\\s*,\\s*|\\s+");
                if (pair.isBlank()) {
                    continue;
                }
                if (xy.length != 2) {
                    throw new SpectrumProblem(file, i + 1, "expected an 'x, y' pair, found \"" + SpectrumFile.clip(pair.strip()) + "\"",
                            "List (XY..XY) data as 'x, y' pairs separated by ';' or new lines.");
                }
                points.add(new double[] {SpectrumFile.number(file, i + 1, xy[0], "x value") * xf, SpectrumFile.number(file, i + 1, xy[1], "y value") * yf});
                where.add(i + 1);
            }
        }
        if (points.isEmpty()) {
            throw new SpectrumProblem(file, from, "no x, y pairs after the record", "List the points after ##XYPOINTS=(XY..XY).");
        }
        if (points.size() > 1 && points.get(1)[0] < points.get(0)[0]) {
            java.util.Collections.reverse(points);
            java.util.Collections.reverse(where);
        }
        double[] x = new double[points.size()];
        float[] y = new float[points.size()];
        for (int k = 0; k < x.length; k++) {
            x[k] = points.get(k)[0];
            y[k] = (float) points.get(k)[1];
            if (k > 0 && !(x[k] > x[k - 1])) {
                throw new SpectrumProblem(file, where.get(k), "the x value " + x[k] + " does not continue the order of the points before",
                        "Sort the points by x and remove repeated ones.");
            }
        }
        return new SpectrumFile(file, SpectrumFile.grid(axisName, unit, x), y);
    }

    /** JCAMP's unit names to the ones Anneal shows; unknown ones are kept as written. */
    static String units(String xunits, String fallback) {
        String u = xunits.strip().toUpperCase(Locale.ROOT);
        return switch (u) {
            case "" -> fallback;
            case "1/CM", "CM-1", "CM^-1" -> "cm⁻¹";
            case "NANOMETERS", "NM" -> "nm";
            case "MICROMETERS", "UM" -> "µm";
            case "SECONDS", "S" -> "s";
            case "EV" -> "eV";
            case "KEV" -> "keV";
            case "DEGREES", "2THETA", "2-THETA", "DEG" -> "°";
            default -> xunits.strip();
        };
    }

    private static String stripComment(String line) {
        int c = line.indexOf("$$");
        return (c < 0 ? line : line.substring(0, c)).strip();
    }

    private static double factor(Path file, List<String> lines, Map<String, String> header, Map<String, Integer> at, String key) throws SpectrumProblem {
        return header.containsKey(key) ? required(file, lines, header, at, key) : 1;
    }

    private static double required(Path file, List<String> lines, Map<String, String> header, Map<String, Integer> at, String key)
            throws SpectrumProblem {
        String v = header.get(key);
        if (v == null || v.isEmpty()) {
            throw new SpectrumProblem(file, 0, "the JCAMP-DX header has no ##" + key, "XYDATA needs ##FIRSTX, ##LASTX and ##NPOINTS to place the points.");
        }
        return SpectrumFile.number(file, at.get(key), v, key);
    }
}
