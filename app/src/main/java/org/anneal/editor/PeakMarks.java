package org.anneal.editor;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.anneal.data.Column;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.data.TensorColumn;
import org.anneal.ml.Plot;
import org.anneal.spec.Axis;
import org.anneal.spec.ColumnSpec;
import org.anneal.spec.TableSpec;

/**
 * The preview of a block that turns each spectrum into a peak table (spectra.peaks): a row's spectrum with the peaks
 * found on it marked as scipy's documentation draws them, a stick from the peak's top down by its prominence. Found from
 * specs: a spectrum column going in, and coming out a table without it that has numbers {@code position} (in the axis'
 * unit), {@code height} (in the spectrum's) and {@code prominence}. The peak table keeps each spectrum's other columns
 * and lists spectra in order; a peak belongs to the next row whose columns agree with its own and whose spectrum has the
 * peak's height at its position, so the marks are the run's own peaks, never found again. No JavaFX here.
 */
record PeakMarks(String column) implements BeforeAfter.Drawing {

    static Optional<PeakMarks> of(String column, TableSpec in, TableSpec out) {
        ColumnSpec s = in.column(column).orElse(null);
        if (s == null || !s.isTensor() || s.shape().rank() != 1 || out.column(column).isPresent()) {
            return Optional.empty();
        }
        boolean marks = number(out, "position", s.shape().axis(0).unit()) && number(out, "height", s.unit()) && number(out, "prominence", s.unit());
        return marks ? Optional.of(new PeakMarks(column)) : Optional.empty();
    }

    private static boolean number(TableSpec t, String name, String unit) {
        return t.column(name).filter(c -> c.isNumeric() && !c.isTensor() && c.unit().equals(unit)).isPresent();
    }

    @Override
    public Optional<BeforeAfter.Rows> rows(Table before, Table after) {
        TensorColumn c = BeforeAfter.tensor(before, column);
        return c == null || before.rowCount() == 0 || after.column("position").isEmpty() ? Optional.empty()
                : Optional.of(new BeforeAfter.Rows(before.rowCount(), 1, BeforeAfter.rowNames(before)));
    }

    @Override
    public List<Plot> plots(Table before, Table after, BeforeAfter.Rows rows, int row, int channel) {
        TensorColumn c = BeforeAfter.tensor(before, column);
        List<Integer> peaks = peaksOf(before, after, column, row).get(row);
        NumericColumn position = after.numeric("position");
        NumericColumn height = after.numeric("height");
        NumericColumn prominence = after.numeric("prominence");
        double[] x = new double[3 * peaks.size()];
        double[] y = new double[x.length];
        for (int k = 0; k < peaks.size(); k++) {
            int p = peaks.get(k);
            x[3 * k] = position.get(p);
            x[3 * k + 1] = position.get(p);
            x[3 * k + 2] = Double.NaN; // lift the pen between sticks
            y[3 * k] = height.get(p) - prominence.get(p);
            y[3 * k + 1] = height.get(p);
            y[3 * k + 2] = Double.NaN;
        }
        String title = column + ", " + rows.name(row) + ": " + peaks.size() + (peaks.size() == 1 ? " peak" : " peaks") + " found";
        return List.of(Plot.of(Plot.Kind.LINE, title, BeforeAfter.xLabel(c.shape().axis(0)), BeforeAfter.yLabel(c.unit()),
                List.of(BeforeAfter.trace("spectrum", c, row, 0), Plot.Series.of("peaks (prominence)", x, y)), List.of()));
    }

    /** For each row of {@code before} up to {@code last}, the rows of the peak table {@code after} found on its spectrum. */
    static List<List<Integer>> peaksOf(Table before, Table after, String column, int last) {
        TensorColumn c = BeforeAfter.tensor(before, column);
        List<Column> keys = before.columns().stream().filter(k -> !(k instanceof TensorColumn) && after.column(k.name()).isPresent()).toList();
        NumericColumn position = after.numeric("position");
        NumericColumn height = after.numeric("height");
        List<List<Integer>> out = new ArrayList<>();
        for (int r = 0; r < before.rowCount(); r++) {
            out.add(new ArrayList<>());
        }
        int r = 0;
        for (int p = 0; p < after.rowCount() && r <= last; p++) {
            while (r < before.rowCount() && !(sameKeys(keys, before, r, after, p) && hasPeak(c, r, position.get(p), height.get(p)))) {
                r++;
            }
            if (r < before.rowCount()) {
                out.get(r).add(p);
            }
        }
        return out;
    }

    private static boolean sameKeys(List<Column> keys, Table before, int r, Table after, int p) {
        for (Column k : keys) {
            Column o = after.column(k.name()).orElseThrow();
            if (k.isMissing(r) != o.isMissing(p) || (!k.isMissing(r) && !k.text(r).equals(o.text(p)))) {
                return false;
            }
        }
        return true;
    }

    /** Whether row r's spectrum reaches {@code height} at the channel nearest {@code position}. */
    private static boolean hasPeak(TensorColumn c, int r, double position, double height) {
        if (c.isMissing(r)) {
            return false;
        }
        Axis axis = c.shape().axis(0);
        int best = 0;
        if (axis.hasGrid() && axis.values() == null) { // a regular grid: the channel by arithmetic
            best = (int) Math.max(0, Math.min(axis.size() - 1, Math.round((position - axis.start()) / axis.step())));
        }
        for (int i = 1; i < axis.size() && !(axis.hasGrid() && axis.values() == null); i++) {
            if (Math.abs(at(axis, i) - position) < Math.abs(at(axis, best) - position)) {
                best = i;
            }
        }
        return c.values()[c.offset(r) + best] == (float) height;
    }

    private static double at(Axis axis, int i) {
        return axis.hasGrid() ? axis.value(i) : i;
    }
}
