package org.anneal.nodes.spectra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.anneal.data.Column;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.data.TensorColumn;
import org.anneal.spec.ColumnRole;
import org.anneal.spec.ColumnSpec;
import org.anneal.spec.ColumnType;
import org.anneal.spec.ConfigContext;
import org.anneal.spec.ConfigError;
import org.anneal.spec.DataKind;
import org.anneal.spec.ExecContext;
import org.anneal.spec.Fingerprint;
import org.anneal.spec.Inputs;
import org.anneal.spec.LeakageRole;
import org.anneal.spec.Lineage;
import org.anneal.spec.Node;
import org.anneal.spec.NodeFailure;
import org.anneal.spec.NodeType;
import org.anneal.spec.OutPort;
import org.anneal.spec.Outputs;
import org.anneal.spec.Param;
import org.anneal.spec.Phase;
import org.anneal.spec.Shape;
import org.anneal.spec.Specs;
import org.anneal.spec.TableSpec;
import org.anneal.util.FileDigests;

@NodeType(id = "data.spectrum-image", title = "Spectrum image (HDF5)", phase = Phase.DATA, role = LeakageRole.SOURCE, usesSeed = false,
        doc = """
                Reads a map of spectra (an EDS or EELS spectrum image), a line scan or a single spectrum from an HDF5 file: \
                HyperSpy's .hspy or a Berkeley .emd file, read with jHDF. One row per pixel with its position `x` and `y` \
                (pixel indices, 0 at the first; a line scan has y = 0) and the spectrum as a tensor column whose axis grid and \
                unit come from the file (HSPY: the spectral axis's offset, scale and units; EMD: the values of its last \
                dimN). When the file gives the navigation axes in a unit of length (HSPY: each navigation axis's offset, \
                scale and units, e.g. 1.667 µm per pixel; EMD: evenly spaced dim values with a unit such as [n_m]), the \
                positions in micrometres follow as `x_um` and `y_um` (pixel centre = offset + index · scale, converted from \
                nm, mm, m or Å); without one there are only the indices. plot.map labels its axes in µm from them. The \
                position columns are ids, not features: neighbouring pixels are near-replicates, so split by blocks \
                of the map, not at random. Velox (FEI) .emd spectrum images store compressed event streams and are not read. \
                A file that is not one of these, or a signal that holds images, is an error naming the file.""")
public final class SpectrumImageNode implements Node<SpectrumImageNode.Params> {

    public record Params(
            @Param(doc = "The .hspy or .emd file, relative to the workflow file", hint = Param.Hint.PATH, required = true) String path,
            @Param(doc = "Which signal of the file (HSPY: its title under /Experiments; EMD: its group name); empty = the first", def = "\"\"") String signal,
            @Param(doc = "The physical axis (its unit is used when the file does not state one)", def = "\"energy-kev\"") AxisKind axis,
            @Param(doc = "Name of the spectrum column", def = "\"spectrum\"") String column) {
    }

    static final OutPort<Table> TABLE = OutPort.of("table", DataKind.TABLE, Table.class, "One row per pixel: x, y, its spectrum (and x_um, y_um)");

    /** Names of the positions in micrometres, after the spectrum column. */
    static final String X_UM = "x_um";
    static final String Y_UM = "y_um";
    static final String MICROMETRE = "µm";

    @Override
    public Specs configure(Specs in, Params p, ConfigContext ctx) throws ConfigError {
        SpectrumImageFile f = read(p, ctx, false);
        List<ColumnSpec> cols = new ArrayList<>(List.of(new ColumnSpec("x", ColumnType.NUMERIC, ColumnRole.ID),
                new ColumnSpec("y", ColumnType.NUMERIC, ColumnRole.ID), ColumnSpec.tensor(p.column(), ColumnRole.FEATURE, Shape.spectrum(f.axis()), "")));
        if (f.x() != null) {
            cols.add(new ColumnSpec(X_UM, ColumnType.NUMERIC, ColumnRole.ID, MICROMETRE));
        }
        if (f.y() != null) {
            cols.add(new ColumnSpec(Y_UM, ColumnType.NUMERIC, ColumnRole.ID, MICROMETRE));
        }
        return Specs.of(TABLE, new TableSpec(cols, Lineage.UNSPLIT));
    }

    @Override
    public Outputs execute(Inputs in, Params p, ExecContext ctx) throws Exception {
        SpectrumImageFile f;
        try {
            f = read(p, ctx, true);
        } catch (ConfigError e) {
            throw new NodeFailure(e.getMessage(), e.fix());
        }
        int rows = f.width() * f.height();
        double[] x = new double[rows];
        double[] y = new double[rows];
        for (int r = 0; r < rows; r++) {
            x[r] = r % f.width();
            y[r] = r / f.width();
        }
        List<Column> cols = new ArrayList<>(List.of(new NumericColumn("x", ColumnRole.ID, x), new NumericColumn("y", ColumnRole.ID, y),
                new TensorColumn(p.column(), ColumnRole.FEATURE, Shape.spectrum(f.axis()), f.values(), new boolean[rows], "")));
        if (f.x() != null) {
            cols.add(new NumericColumn(X_UM, ColumnRole.ID, Arrays.stream(x).map(i -> f.x().at((int) i)).toArray(), MICROMETRE));
        }
        if (f.y() != null) {
            cols.add(new NumericColumn(Y_UM, ColumnRole.ID, Arrays.stream(y).map(i -> f.y().at((int) i)).toArray(), MICROMETRE));
        }
        return Outputs.of(TABLE, new Table(cols));
    }

    @Override
    public List<Fingerprint> externalFingerprints(Params p, ConfigContext ctx) throws IOException, ConfigError {
        Path f = ctx.resolve(p.path(), "path");
        return List.of(new Fingerprint(f.getFileName().toString(), FileDigests.sha256(f)));
    }

    private static SpectrumImageFile read(Params p, ConfigContext ctx, boolean withData) throws ConfigError {
        if (List.of("x", "y", X_UM, Y_UM).contains(p.column())) {
            throw ConfigError.atParam("column", "The spectrum column cannot be called '" + p.column() + "': that is a position column.",
                    "Name it 'spectrum'.");
        }
        Path f = ctx.resolve(p.path(), "path");
        if (!Files.isRegularFile(f)) {
            throw ConfigError.atParam("path", "'" + p.path() + "' is not a file (looked for " + f + ").",
                    "Check the name; paths are relative to the folder of the workflow file.");
        }
        try {
            return SpectrumImageFile.read(f, p.signal(), p.axis().axisName, p.axis().unit, withData);
        } catch (SpectrumProblem e) {
            throw ConfigError.atParam("path", e.getMessage(), e.fix());
        }
    }
}
