package org.anneal.nodes.spectra;

import java.util.ArrayList;
import java.util.List;
import org.anneal.data.CategoricalColumn;
import org.anneal.data.Column;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.data.TensorColumn;
import org.anneal.spec.Axis;
import org.anneal.spec.ColumnRole;
import org.anneal.spec.ColumnSpec;
import org.anneal.spec.ColumnType;
import org.anneal.spec.ConfigContext;
import org.anneal.spec.ConfigError;
import org.anneal.spec.DataKind;
import org.anneal.spec.ExecContext;
import org.anneal.spec.InPort;
import org.anneal.spec.Inputs;
import org.anneal.spec.LeakageRole;
import org.anneal.spec.Node;
import org.anneal.spec.NodeType;
import org.anneal.spec.OutPort;
import org.anneal.spec.Outputs;
import org.anneal.spec.Param;
import org.anneal.spec.Phase;
import org.anneal.spec.Specs;
import org.anneal.spec.TableSpec;

@NodeType(id = "spectra.peaks", title = "Find and fit peaks", phase = Phase.PREPARE, role = LeakageRole.STATELESS, usesSeed = false,
        doc = """
                Finds the peaks of every spectrum as scipy.signal.find_peaks does with a `prominence` threshold: local maxima \
                (a flat top counts once, at its middle) whose prominence (height above the higher of the lowest points between \
                the peak and the nearest higher sample on each side) is at least `prominence`, and whose width at half \
                prominence is at least `min-width` channels. The result is a peak table, one row per peak: the spectrum's \
                other scalar columns (file, sample, labels), `peak` (its rank by prominence within the spectrum), `position`, \
                `height`, `prominence` and `width` (at half prominence, interpolated) in axis units. With a `profile` each \
                peak is fitted by least squares (Levenberg–Marquardt) with a Gaussian, Lorentzian or pseudo-Voigt line on a \
                constant background over its bases (at most three widths either side): `fit_center`, `fit_fwhm`, \
                `fit_amplitude`, `fit_background`, `fit_eta` (pseudo-Voigt's Lorentzian share) and `fit_rmse`. On a 2θ axis in \
                degrees, `d_spacing` (Å) follows from Bragg's law d = λ / (2 sin θ) with the `wavelength` (Cu Kα₁ 1.5406 Å by \
                default), from the fitted centre when there is one. Row by row: nothing is learnt.""")
public final class PeaksNode implements Node<PeaksNode.Params> {

    public record Params(
            @Param(doc = "Spectrum column", def = "\"spectrum\"", hint = Param.Hint.COLUMN) String column,
            @Param(doc = "Smallest prominence of a peak, in the spectrum's units", def = "100", min = 0) double prominence,
            @Param(doc = "Smallest width at half prominence, in channels", def = "0", min = 0) double minWidth,
            @Param(doc = "Line shape fitted to each peak; none = no fit", def = "\"pseudo-voigt\"") PeakProfile profile,
            @Param(doc = "X-ray wavelength in Å for d-spacings on a 2θ axis (Cu Kα₁ 1.5406, Mo Kα₁ 0.7093, Co Kα₁ 1.7890)", def = "1.5406", min = 0) double wavelength) {
    }

    static final InPort<Table> TABLE = InPort.of("table", DataKind.TABLE, Table.class, "Rows with a spectrum column");
    static final OutPort<Table> PEAKS = OutPort.of("peaks", DataKind.TABLE, Table.class, "One row per peak found");

    @Override
    public Specs configure(Specs in, Params p, ConfigContext ctx) throws ConfigError {
        TableSpec t = in.table(TABLE);
        ColumnSpec c = SpectrumStepNode.spectrumColumn(t, p.column());
        List<ColumnSpec> cols = new ArrayList<>();
        for (ColumnSpec s : t.columns()) {
            if (!s.isTensor()) {
                cols.add(s);
            }
        }
        String unit = c.shape().axis(0).unit();
        for (String name : outNames(p, c.shape().axis(0))) {
            if (t.column(name).isPresent()) {
                throw ConfigError.atParam("column", "The table already has a column '" + name + "'.", "Rename it before finding peaks.");
            }
            cols.add(new ColumnSpec(name, ColumnType.NUMERIC, ColumnRole.FEATURE, unitOf(name, unit, c.unit())));
        }
        return Specs.of(PEAKS, new TableSpec(cols, t.lineage()));
    }

    static boolean braggAxis(Axis a, Params p) {
        return a.unit().equals("°") && a.name().equals("2θ") && p.wavelength() > 0;
    }

    static List<String> outNames(Params p, Axis a) {
        List<String> names = new ArrayList<>(List.of("peak", "position", "height", "prominence", "width"));
        if (p.profile() != PeakProfile.NONE) {
            names.addAll(List.of("fit_center", "fit_fwhm", "fit_amplitude", "fit_background"));
            if (p.profile() == PeakProfile.PSEUDO_VOIGT) {
                names.add("fit_eta");
            }
            names.add("fit_rmse");
        }
        if (braggAxis(a, p)) {
            names.add("d_spacing");
        }
        return names;
    }

    @Override
    public Outputs execute(Inputs in, Params p, ExecContext ctx) {
        Table t = in.get(TABLE);
        TensorColumn c = (TensorColumn) t.column(p.column()).orElseThrow();
        Axis axis = c.shape().axis(0);
        double[] x = new double[axis.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = axis.hasGrid() ? (axis.values() != null ? axis.values()[i] : axis.start() + i * axis.step()) : i;
        }
        List<String> names = outNames(p, axis);
        int width = names.size();
        boolean bragg = braggAxis(axis, p);
        float[] source = c.values();
        // each row's peaks, rank order, `width` values a peak; rows run on several threads and fill only their own slot
        double[][] found = new double[t.rowCount()][];
        SpectrumRows.forEach(t.rowCount(), () -> {
            double[] y = new double[x.length];
            return r -> {
                if (c.isMissing(r)) {
                    found[r] = new double[0];
                    return;
                }
                for (int i = 0; i < y.length; i++) {
                    y[i] = source[r * y.length + i];
                }
                List<PeakFinder.Peak> peaks = new ArrayList<>(PeakFinder.find(y, p.prominence(), p.minWidth()));
                peaks.sort((a, b) -> Double.compare(b.prominence(), a.prominence()));
                double[] rows = new double[peaks.size() * width];
                for (int k = 0; k < peaks.size(); k++) {
                    describe(peaks.get(k), k + 1, x, y, p, bragg, rows, k * width);
                }
                found[r] = rows;
            };
        }, ctx);
        int total = 0;
        for (double[] rows : found) {
            total += rows.length / width;
        }
        int[] index = new int[total];
        double[][] values = new double[width][total];
        int at = 0;
        for (int r = 0; r < found.length; r++) {
            for (int k = 0; k < found[r].length / width; k++, at++) {
                index[at] = r;
                for (int j = 0; j < width; j++) {
                    values[j][at] = found[r][k * width + j];
                }
            }
        }
        List<Column> out = new ArrayList<>();
        for (Column col : t.columns()) {
            if (!(col instanceof TensorColumn)) {
                out.add(col.rows(index));
            }
        }
        for (int k = 0; k < width; k++) {
            String n = names.get(k);
            out.add(new NumericColumn(n, ColumnRole.FEATURE, values[k], unitOf(n, axis.unit(), c.unit())));
        }
        return Outputs.of(PEAKS, new Table(out));
    }

    /** Positions and widths are in axis units, heights in the spectrum's, d-spacings in Å; ranks and shares have none. */
    private static String unitOf(String name, String axisUnit, String valueUnit) {
        if (name.equals("peak") || name.equals("fit_eta") || name.equals("fit_rmse")) {
            return "";
        }
        if (name.equals("height") || name.equals("prominence") || name.equals("fit_amplitude") || name.equals("fit_background")) {
            return valueUnit;
        }
        return name.equals("d_spacing") ? "Å" : axisUnit;
    }

    /** One peak's values, in the order of {@link #outNames}, into {@code row} from {@code at}. */
    private static void describe(PeakFinder.Peak pk, int rank, double[] x, double[] y, Params p, boolean bragg, double[] row, int at) {
        double position = x[pk.index()];
        double width = at(x, pk.rightIp()) - at(x, pk.leftIp());
        row[at++] = rank;
        row[at++] = position;
        row[at++] = y[pk.index()];
        row[at++] = pk.prominence();
        row[at++] = width;
        double center = position;
        if (p.profile() != PeakProfile.NONE) {
            double halfSpan = 3 * Math.max(pk.width(), 1);
            int lo = Math.max(pk.leftBase(), (int) Math.floor(pk.index() - halfSpan));
            int hi = Math.min(pk.rightBase(), (int) Math.ceil(pk.index() + halfSpan));
            if (hi - lo + 1 < p.profile().parameters() + 1) {
                lo = Math.max(0, pk.index() - 3);
                hi = Math.min(x.length - 1, pk.index() + 3);
            }
            double[] xs = java.util.Arrays.copyOfRange(x, lo, hi + 1);
            double[] ys = java.util.Arrays.copyOfRange(y, lo, hi + 1);
            double base = y[pk.index()] - pk.prominence();
            double[] start = p.profile() == PeakProfile.PSEUDO_VOIGT ? new double[] {pk.prominence(), position, Math.abs(width), base, 0.5}
                    : new double[] {pk.prominence(), position, Math.abs(width), base};
            double[] f = p.profile().fit(xs, ys, start);
            center = f[1];
            row[at++] = f[1];
            row[at++] = f[2];
            row[at++] = f[0];
            row[at++] = f[3];
            if (p.profile() == PeakProfile.PSEUDO_VOIGT) {
                row[at++] = f[4];
            }
            row[at++] = f[f.length - 1];
        }
        if (bragg) {
            row[at] = p.wavelength() / (2 * Math.sin(Math.toRadians(center / 2)));
        }
    }

    /** The axis value at a fractional channel position, interpolated linearly. */
    private static double at(double[] x, double i) {
        int k = Math.min(x.length - 2, Math.max(0, (int) Math.floor(i)));
        return x[k] + (i - k) * (x[k + 1] - x[k]);
    }
}
