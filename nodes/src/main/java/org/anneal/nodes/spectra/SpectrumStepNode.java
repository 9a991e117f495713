package org.anneal.nodes.spectra;

import java.util.ArrayList;
import java.util.List;
import org.anneal.data.Table;
import org.anneal.data.TensorColumn;
import org.anneal.spec.ColumnSpec;
import org.anneal.spec.ConfigContext;
import org.anneal.spec.ConfigError;
import org.anneal.spec.DataKind;
import org.anneal.spec.ExecContext;
import org.anneal.spec.InPort;
import org.anneal.spec.Inputs;
import org.anneal.spec.Node;
import org.anneal.spec.NodeFailure;
import org.anneal.spec.OutPort;
import org.anneal.spec.Outputs;
import org.anneal.spec.Shape;
import org.anneal.spec.Specs;
import org.anneal.spec.TableSpec;

/**
 * A processing step that maps every spectrum of one tensor column to a new spectrum on its own, row by row: nothing is
 * learnt from other rows, so the step is stateless and may run before a split. The column is replaced in place; a
 * missing row stays missing. Rows are spread over the cores ({@link SpectrumRows}); each row's result is the same for
 * any number of threads.
 */
abstract class SpectrumStepNode<P extends Record> implements Node<P> {
    static final InPort<Table> TABLE = InPort.of("table", DataKind.TABLE, Table.class, "Rows with a spectrum column");
    static final OutPort<Table> OUT = OutPort.of("out", DataKind.TABLE, Table.class, "The same rows, the spectrum column processed");

    /** The spectrum column named by the params. */
    protected abstract String column(P p);

    /** The shape of the processed column; the input's unless the step changes the grid. */
    protected Shape outShape(Shape in, P p) throws ConfigError {
        return in;
    }

    /** Unit of the processed values (counts stay counts; normalised values have none). */
    protected String outUnit(String in, P p) {
        return in;
    }

    /**
     * One spectrum, in its axis order, to its processed values ({@code out.length} = the out shape's size). Rows run on
     * several threads at once, so this keeps no state between calls.
     */
    protected abstract double[] process(double[] y, Shape in, P p);

    @Override
    public Specs configure(Specs in, P p, ConfigContext ctx) throws ConfigError {
        TableSpec t = in.table(TABLE);
        ColumnSpec c = spectrumColumn(t, column(p));
        ColumnSpec out = ColumnSpec.tensor(c.name(), c.role(), outShape(c.shape(), p), outUnit(c.unit(), p));
        List<ColumnSpec> cols = new ArrayList<>(t.columns());
        cols.set(cols.indexOf(c), out);
        return Specs.of(OUT, t.withColumns(cols));
    }

    @Override
    public Outputs execute(Inputs in, P p, ExecContext ctx) throws ConfigError {
        Table t = in.get(TABLE);
        TensorColumn c = (TensorColumn) t.column(column(p)).orElseThrow();
        Shape shape = outShape(c.shape(), p);
        int n = c.rowSize();
        int m = shape.size();
        float[] values = new float[c.size() * m];
        SpectrumRows.forEach(c.size(), () -> {
            RowKernel kernel = kernel(c.shape(), p);
            double[] y = new double[n];
            double[] y2 = new double[n];
            double[] z = new double[m];
            double[] z2 = new double[m];
            return r -> {
                // rows go in pairs (r even, r + 1) that a kernel may interleave; chunks start at even rows, so a pair is
                // never split between threads, and the odd row was done with its even neighbour
                if ((r & 1) == 1) {
                    return;
                }
                boolean first = load(c, r, y, values, m);
                boolean second = r + 1 < c.size() && load(c, r + 1, y2, values, m);
                if (first && second) {
                    kernel.applyPair(y, z, y2, z2);
                } else if (first) {
                    kernel.apply(y, z);
                } else if (second) {
                    kernel.apply(y2, z2);
                }
                for (int i = 0; i < m; i++) {
                    if (first) {
                        values[r * m + i] = (float) z[i];
                    }
                    if (second) {
                        values[(r + 1) * m + i] = (float) z2[i];
                    }
                }
            };
        }, ctx);
        boolean[] missing = new boolean[c.size()];
        for (int r = 0; r < missing.length; r++) {
            missing[r] = c.isMissing(r);
        }
        return Outputs.of(OUT, t.with(new TensorColumn(c.name(), c.role(), shape, values, missing, outUnit(c.unit(), p))));
    }

    /**
     * Row {@code r}'s channels into {@code y}, true; or false for a missing row, whose output channels become NaN. A gap
     * inside a spectrum is an error naming row and channel.
     */
    private static boolean load(TensorColumn c, int r, double[] y, float[] values, int m) {
        if (c.isMissing(r)) {
            java.util.Arrays.fill(values, r * m, (r + 1) * m, Float.NaN);
            return false;
        }
        int n = y.length;
        float[] source = c.values();
        for (int i = 0; i < n; i++) {
            y[i] = source[r * n + i];
            if (Double.isNaN(y[i])) {
                throw new NodeFailure("Row " + (r + 1) + " of '" + c.name() + "' has no value at channel " + (i + 1) + ".",
                        "Fill or drop rows with gaps before processing spectra.");
            }
        }
        return true;
    }

    /** One spectrum in, its processed values out; one per thread, so it may keep work arrays between rows. */
    protected interface RowKernel {
        /** Reads {@code y} (the input's channels) and fills all of {@code out} (the out shape's size). */
        void apply(double[] y, double[] out);

        /** Two spectra, each exactly as {@link #apply} would do it; a kernel whose loops wait on their own steps interleaves them. */
        default void applyPair(double[] y1, double[] out1, double[] y2, double[] out2) {
            apply(y1, out1);
            apply(y2, out2);
        }
    }

    /**
     * The kernel one thread uses for its rows; by default {@link #process}. Steps override it to set up their work (a
     * filter's weights, a solver's arrays) once per thread rather than once per spectrum.
     */
    protected RowKernel kernel(Shape in, P p) {
        return (y, out) -> System.arraycopy(process(y, in, p), 0, out, 0, out.length);
    }

    /** The named column, which must hold one spectrum (a rank-1 tensor) per row. */
    static ColumnSpec spectrumColumn(TableSpec t, String name) throws ConfigError {
        ColumnSpec c = t.requireColumn(name, "column");
        if (!c.isTensor() || c.shape().rank() != 1) {
            throw ConfigError.atParam("column", "Column '" + name + "' holds " + (c.isTensor() ? c.shape().describe() + " tensors" : "one value per row")
                    + ", not a spectrum (one axis of channels).", "Name the column that holds the spectra.");
        }
        return c;
    }
}
