package org.anneal.nodes.spectra;

import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import java.lang.reflect.Array;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.anneal.spec.Axis;

/**
 * A spectrum image (a map of spectra), a line scan or a single spectrum read from an HDF5 file with jHDF: HyperSpy's
 * HSPY format ({@code /Experiments/<title>/data} with one {@code axis-i} group per array dimension giving size, offset,
 * scale, units and whether it is a navigation axis) or the Berkeley EMD format (a group with {@code emd_group_type = 1}
 * holding the data and one {@code dimN} dataset of axis values per dimension, the spectral axis last). Velox (FEI)
 * EMD files keep spectrum images as a compressed event stream, which this reader does not decode.
 *
 * @param values row-major pixels ({@code y·width + x}), each {@code axis.size()} channels
 * @param x      the position of pixel column i is {@code x.offset + i·x.scale} in {@code x.unit} (HSPY: the navigation
 *               axis's offset, scale and units; EMD: its dimN values); null when the file gives no unit of length
 * @param y      the same for pixel rows (null for a line scan or single spectrum)
 */
record SpectrumImageFile(String signal, Axis axis, int width, int height, float[] values, Position x, Position y) {

    /** A navigation axis in micrometres: position of pixel i = offset + i·scale. */
    record Position(double offset, double scale) {
        double at(int i) {
            return offset + i * scale;
        }
    }

    /** Micrometres per unit of the lengths a file may state (HyperSpy writes "µm" or "um", EMD "[µ_m]" or "[n_m]"). */
    static double micrometresPer(String unit) {
        return switch (unit.replace("μ", "µ")) { // Greek mu and the micro sign look alike
            case "µm", "um", "micron" -> 1;
            case "nm" -> 1e-3;
            case "mm" -> 1e3;
            case "m" -> 1e6;
            case "Å", "A", "angstrom" -> 1e-4;
            case "pm" -> 1e-6;
            default -> Double.NaN;
        };
    }

    /** A navigation axis as a Position in µm, or null when its unit is not a length. */
    static Position position(double offset, double scale, String unit) {
        double f = micrometresPer(unit);
        return Double.isNaN(f) ? null : new Position(offset * f, scale * f);
    }

    /** jHDF logs every file it opens at INFO; held here so the quieter level is not lost when the logger is collected. */
    private static final java.util.logging.Logger JHDF_LOG = quiet();

    private static java.util.logging.Logger quiet() {
        java.util.logging.Logger l = java.util.logging.Logger.getLogger("io.jhdf");
        l.setLevel(java.util.logging.Level.WARNING);
        return l;
    }

    /** Reads the named signal (empty: the first) of an HSPY or EMD file; {@code withData = false} reads only its header. */
    static SpectrumImageFile read(Path file, String signal, String axisName, String fallbackUnit, boolean withData) throws SpectrumProblem {
        JHDF_LOG.finest("reading " + file);
        try (HdfFile h = new HdfFile(file)) {
            String format = text(h.getAttribute("file_format"));
            if (format.equalsIgnoreCase("HyperSpy")) {
                return hspy(file, h, signal, axisName, fallbackUnit, withData);
            }
            List<Group> emd = new ArrayList<>();
            emdGroups(h, emd);
            if (!emd.isEmpty()) {
                return emd(file, pick(file, emd, signal), axisName, fallbackUnit, withData);
            }
            throw new SpectrumProblem(file, 0, "an HDF5 file that is neither HyperSpy (no file_format attribute 'HyperSpy') nor EMD "
                    + "(no group with emd_group_type 1)", "Save the data from HyperSpy as .hspy, or give a Berkeley EMD file.");
        } catch (SpectrumProblem e) {
            throw e;
        } catch (RuntimeException e) {
            throw new SpectrumProblem(file, 0, "cannot be read as HDF5: " + e.getMessage(), "Check that the file is a complete .hspy or .emd file.");
        }
    }

    private static SpectrumImageFile hspy(Path file, HdfFile h, String signal, String axisName, String fallbackUnit, boolean withData)
            throws SpectrumProblem {
        if (!(h.getChild("Experiments") instanceof Group experiments) || experiments.getChildren().isEmpty()) {
            throw new SpectrumProblem(file, 0, "a HyperSpy file without signals under /Experiments", "Save a signal from HyperSpy.");
        }
        List<Group> signals = experiments.getChildren().values().stream().filter(Group.class::isInstance).map(Group.class::cast).toList();
        Group g = pick(file, signals, signal);
        if (!(g.getChild("data") instanceof Dataset data)) {
            throw new SpectrumProblem(file, 0, "signal '" + g.getName() + "' has no data", "Save the signal again from HyperSpy.");
        }
        int[] dims = data.getDimensions();
        if (dims.length == 0 || dims.length > 3) {
            throw new SpectrumProblem(file, 0, "signal '" + g.getName() + "' has " + dims.length + " dimensions; a spectrum, line scan or "
                    + "map of spectra has 1 to 3", "Reduce the signal to at most two navigation axes in HyperSpy.");
        }
        for (int d = 0; d < dims.length; d++) {
            if (!(g.getChild("axis-" + d) instanceof Group axis)) {
                throw new SpectrumProblem(file, 0, "signal '" + g.getName() + "' has no axis-" + d + " group", "Save the signal again from HyperSpy.");
            }
            boolean navigate = truth(axis.getAttribute("navigate"));
            if (navigate == (d == dims.length - 1)) {
                throw new SpectrumProblem(file, 0, "signal '" + g.getName() + "' has " + (navigate ? "no spectral axis last" : "more than one "
                        + "signal axis (an image, not a spectrum)"), "Give a signal with one spectral axis (HyperSpy's Signal1D).");
            }
        }
        Group spectral = (Group) g.getChild("axis-" + (dims.length - 1));
        String unit = text(spectral.getAttribute("units"));
        Axis axis = Axis.regular(axisName, dims[dims.length - 1], unit.isEmpty() ? fallbackUnit : unit,
                number(spectral.getAttribute("offset"), 0), number(spectral.getAttribute("scale"), 1));
        Position[] nav = new Position[dims.length - 1]; // HyperSpy's array order: y, x, energy (a line scan: x, energy)
        for (int d = 0; d < nav.length; d++) {
            Group a = (Group) g.getChild("axis-" + d);
            nav[d] = position(number(a.getAttribute("offset"), 0), number(a.getAttribute("scale"), 1), text(a.getAttribute("units")));
        }
        return build(g.getName(), axis, dims, withData ? data : null, nav);
    }

    private static SpectrumImageFile emd(Path file, Group g, String axisName, String fallbackUnit, boolean withData) throws SpectrumProblem {
        Dataset data = null;
        for (Node n : g.getChildren().values()) {
            if (n instanceof Dataset d && !n.getName().matches("dim\\d+")) {
                data = d;
            }
        }
        if (data == null) {
            throw new SpectrumProblem(file, 0, "EMD group '" + g.getPath() + "' has no data set", "Give an EMD file with its data.");
        }
        int[] dims = data.getDimensions();
        if (dims.length == 0 || dims.length > 3) {
            throw new SpectrumProblem(file, 0, "EMD data '" + g.getPath() + "' has " + dims.length + " dimensions; a spectrum, line scan or map "
                    + "of spectra has 1 to 3", "Give spectra with at most two position dimensions.");
        }
        if (!(g.getChild("dim" + dims.length) instanceof Dataset dim)) {
            throw new SpectrumProblem(file, 0, "EMD group '" + g.getPath() + "' has no dim" + dims.length + " (the spectral axis)",
                    "EMD lists one dimN data set per dimension.");
        }
        double[] x = doubles(dim.getDataFlat());
        // EMD writes units in brackets with underscores between characters: "[n_m]" is nm
        String unit = text(dim.getAttribute("units")).replace("[", "").replace("]", "").replace("_", "");
        Axis axis = x.length == dims[dims.length - 1] ? SpectrumFile.grid(axisName, unit.isEmpty() ? fallbackUnit : unit, x)
                : Axis.of(axisName, dims[dims.length - 1]);
        Position[] nav = new Position[dims.length - 1];
        for (int d = 0; d < nav.length; d++) {
            nav[d] = g.getChild("dim" + (d + 1)) instanceof Dataset pos ? emdPosition(pos) : null;
        }
        return build(g.getName(), axis, dims, withData ? data : null, nav);
    }

    /** An EMD position dimension: its first value and step, when it is evenly spaced and in a unit of length. */
    private static Position emdPosition(Dataset dim) {
        double[] v = doubles(dim.getDataFlat());
        String unit = text(dim.getAttribute("units")).replace("[", "").replace("]", "").replace("_", "");
        if (v.length < 2) {
            return v.length == 1 ? position(v[0], 0, unit) : null;
        }
        double step = v[1] - v[0];
        for (int i = 2; i < v.length; i++) {
            if (Math.abs(v[i] - v[0] - i * step) > 1e-6 * Math.abs(step) * i) {
                return null; // an uneven grid has no single scale
            }
        }
        return position(v[0], step, unit);
    }

    /** {@code nav}: the navigation axes in array order (y, x for a map; x for a line scan). */
    private static SpectrumImageFile build(String name, Axis axis, int[] dims, Dataset data, Position[] nav) {
        int height = dims.length == 3 ? dims[0] : 1;
        int width = dims.length >= 2 ? dims[dims.length - 2] : 1;
        float[] values = data == null ? null : floats(data.getDataFlat());
        Position x = nav.length >= 1 ? nav[nav.length - 1] : null;
        Position y = nav.length == 2 ? nav[0] : null;
        return new SpectrumImageFile(name, axis, width, height, values, x, y);
    }

    private static void emdGroups(Group g, List<Group> out) {
        for (Node n : g.getChildren().values()) {
            if (n instanceof Group c) {
                if (number(c.getAttribute("emd_group_type"), 0) == 1) {
                    out.add(c);
                } else {
                    emdGroups(c, out);
                }
            }
        }
    }

    private static Group pick(Path file, List<Group> groups, String signal) throws SpectrumProblem {
        if (signal.isEmpty()) {
            return groups.get(0);
        }
        for (Group g : groups) {
            if (g.getName().equals(signal)) {
                return g;
            }
        }
        throw new SpectrumProblem(file, 0, "no signal named '" + signal + "'; the file holds " + groups.stream().map(g -> "'" + g.getName() + "'").toList(),
                "Set 'signal' to one of these names, or leave it empty for the first.");
    }

    private static String text(Attribute a) {
        if (a == null) {
            return "";
        }
        Object v = a.getData();
        return v instanceof String s ? s.strip() : v.getClass().isArray() && Array.getLength(v) == 1 ? String.valueOf(Array.get(v, 0)).strip() : String.valueOf(v);
    }

    private static double number(Attribute a, double otherwise) {
        if (a == null) {
            return otherwise;
        }
        Object v = a.getData();
        if (v.getClass().isArray() && Array.getLength(v) == 1) {
            v = Array.get(v, 0);
        }
        return v instanceof Number n ? n.doubleValue() : otherwise;
    }

    /** HyperSpy writes booleans as the strings TRUE/FALSE (older files as numbers). */
    private static boolean truth(Attribute a) {
        String s = text(a).toUpperCase(Locale.ROOT);
        return s.equals("TRUE") || s.equals("1");
    }

    /** Counts come as integers of any width in real maps: converted without boxing a Number per channel. */
    private static float[] floats(Object flat) {
        if (flat instanceof float[] f) {
            return f;
        }
        int n = Array.getLength(flat);
        float[] out = new float[n];
        if (flat instanceof double[] d) {
            for (int i = 0; i < n; i++) {
                out[i] = (float) d[i];
            }
        } else if (flat instanceof long[] l) {
            for (int i = 0; i < n; i++) {
                out[i] = l[i];
            }
        } else if (flat instanceof int[] v) {
            for (int i = 0; i < n; i++) {
                out[i] = v[i];
            }
        } else if (flat instanceof short[] v) {
            for (int i = 0; i < n; i++) {
                out[i] = v[i];
            }
        } else {
            for (int i = 0; i < n; i++) {
                out[i] = ((Number) Array.get(flat, i)).floatValue();
            }
        }
        return out;
    }

    private static double[] doubles(Object flat) {
        double[] out = new double[Array.getLength(flat)];
        for (int i = 0; i < out.length; i++) {
            out[i] = ((Number) Array.get(flat, i)).doubleValue();
        }
        return out;
    }
}
