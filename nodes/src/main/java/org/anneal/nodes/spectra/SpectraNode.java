package org.anneal.nodes.spectra;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.anneal.data.CategoricalColumn;
import org.anneal.data.Column;
import org.anneal.data.Table;
import org.anneal.data.TensorColumn;
import org.anneal.spec.ColumnRole;
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

@NodeType(id = "data.spectra", title = "Spectra files", phase = Phase.DATA, role = LeakageRole.SOURCE, usesSeed = false,
        doc = """
                Reads one spectrum per file from a folder (or a single file) into a table with one row per spectrum: a `file` \
                column and the spectrum as a tensor column whose shape carries the axis grid and unit. A text file of several \
                spectra side by side (the axis in the first column, then one column per spectrum, named by an optional header \
                line) gives one row per column, its `file` reading `name.csv:column` (a wide table of one spectrum per row goes \
                through data.csv and spectra.from-columns instead). Files ending in \
                .msa/.ems/.emsa are read as EMSA/MSA (ISO 22029: the header's OFFSET, XPERCHAN and NPOINTS give the grid, \
                XUNITS its unit); .jdx/.dx/.jcamp as JCAMP-DX (XYDATA=(X++(Y..Y)) in any ASDF compression, \
                AFFN/PAC/SQZ/DIF/DUP, on FIRSTX…LASTX; or XYPOINTS pairs; decreasing x is turned round); others as two-column \
                text (axis value, intensity; comma, semicolon, tab or spaces; `#` comment lines and one header line are \
                skipped). An optional `labels` CSV with a `file` column adds a column per label (sample, phase, fraction); \
                declare the `target` and the `group` (specimen, sample) among them. All files must lie on one grid: two grids \
                are an error that proposes resampling. Every bad line (wrong column count, a non-number, an axis that does not \
                increase, a missing EMSA header key) is reported with its file and line.""")
public final class SpectraNode implements Node<SpectraNode.Params> {

    public record Params(
            @Param(doc = "Folder of spectrum files (or one file), relative to the workflow file", hint = Param.Hint.PATH, required = true) String path,
            @Param(doc = "Which files of the folder to read (a glob)", def = "\"*.{csv,txt,xy,dat,msa,ems,emsa,jdx,dx}\"") String pattern,
            @Param(doc = "The physical axis (its unit is used when the file does not state one)", def = "\"energy-ev\"") AxisKind axis,
            @Param(doc = "Name of the spectrum column", def = "\"spectrum\"") String column,
            @Param(doc = "CSV of labels with a 'file' column (file name as in the folder); empty for none", hint = Param.Hint.PATH) String labels,
            @Param(doc = "Label column to predict; empty for none", hint = Param.Hint.COLUMN) String target,
            @Param(doc = "Label column of groups (sample, specimen) whose spectra belong together", hint = Param.Hint.COLUMN) String group) {
    }

    static final OutPort<Table> TABLE = OutPort.of("table", DataKind.TABLE, Table.class, "One row per spectrum");

    @Override
    public Specs configure(Specs in, Params p, ConfigContext ctx) throws ConfigError {
        Loaded l = load(p, ctx);
        return Specs.of(TABLE, l.table().spec(Lineage.UNSPLIT));
    }

    @Override
    public Outputs execute(Inputs in, Params p, ExecContext ctx) throws Exception {
        try {
            return Outputs.of(TABLE, load(p, ctx).table());
        } catch (ConfigError e) {
            throw new NodeFailure(e.getMessage(), e.fix());
        }
    }

    @Override
    public List<Fingerprint> externalFingerprints(Params p, ConfigContext ctx) throws IOException, ConfigError {
        List<Fingerprint> prints = new ArrayList<>();
        for (Path f : files(p, ctx)) {
            prints.add(new Fingerprint(f.getFileName().toString(), FileDigests.sha256(f)));
        }
        if (!p.labels().isEmpty()) {
            prints.add(new Fingerprint(p.labels(), FileDigests.sha256(ctx.resolve(p.labels(), "labels"))));
        }
        return prints;
    }

    private record Loaded(Table table) {
    }

    private static Loaded load(Params p, ConfigContext ctx) throws ConfigError {
        List<Path> files = files(p, ctx);
        List<float[]> rows = new ArrayList<>();
        List<String> names = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        SpectrumFile first = null;
        SpectrumFileSet set = SpectrumFileSet.read(files, p.axis().axisName, p.axis().unit, ctx instanceof ExecContext e ? e : null);
        for (int i = 0; i < set.size(); i++) {
            for (SpectrumFile s : set.get(i)) {
                if (first == null) {
                    first = s;
                } else if (!first.axis().sameGrid(s.axis())) {
                    throw ConfigError.atParam("path", "'" + s.file().getFileName() + "' is on the grid " + s.axis() + ", '" + first.file().getFileName()
                            + "' on " + first.axis() + "; spectra on different grids cannot share a column.",
                            "Load the two sets with separate data.spectra nodes and put spectra.resample after each, onto one grid.");
                }
                rows.add(s.intensity());
                String name = s.name().isEmpty() ? s.file().getFileName().toString() : s.file().getFileName() + ":" + s.name();
                if (!seen.add(name)) {
                    throw ConfigError.atParam("path", "'" + s.file().getFileName() + "' names two spectra '" + s.name() + "'.",
                            "Give every intensity column of the file its own header.");
                }
                names.add(name);
            }
        }
        var axis = first.axis();
        if (axis.unit().isEmpty() && axis.hasGrid()) {
            axis = axis.values() != null ? org.anneal.spec.Axis.listed(axis.name(), p.axis().unit, axis.values())
                    : org.anneal.spec.Axis.regular(axis.name(), axis.size(), p.axis().unit, axis.start(), axis.step());
        }
        List<Column> cols = new ArrayList<>();
        int[] codes = new int[names.size()];
        for (int i = 0; i < codes.length; i++) {
            codes[i] = i;
        }
        cols.add(new CategoricalColumn("file", ColumnRole.ID, codes, names));
        cols.add(TensorColumn.of(p.column(), ColumnRole.FEATURE, Shape.spectrum(axis), rows));
        if (!p.labels().isEmpty()) {
            cols.addAll(SpectrumLabels.columns(ctx.resolve(p.labels(), "labels"), p.labels(), names, p.target(), p.group()));
        } else if (!p.target().isEmpty() || !p.group().isEmpty()) {
            throw ConfigError.atParam(p.target().isEmpty() ? "group" : "target", "Target and group name label columns, and no 'labels' file is given.",
                    "Give a labels CSV with a 'file' column and the label columns.");
        }
        for (Column c : cols.subList(2, cols.size())) {
            if (c.name().equals(p.column())) {
                throw ConfigError.atParam("column", "The labels file has a column '" + p.column() + "' too.", "Name the spectrum column differently.");
            }
        }
        return new Loaded(new Table(cols));
    }

    private static List<Path> files(Params p, ConfigContext ctx) throws ConfigError {
        Path root = ctx.resolve(p.path(), "path");
        if (Files.isRegularFile(root)) {
            return List.of(root);
        }
        if (!Files.isDirectory(root)) {
            throw ConfigError.atParam("path", "'" + p.path() + "' is neither a folder nor a file (looked for " + root + ").",
                    "Check the name; paths are relative to the folder of the workflow file.");
        }
        Path labels = p.labels().isEmpty() ? null : ctx.resolve(p.labels(), "labels").toAbsolutePath().normalize();
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(root, p.pattern())) {
            for (Path f : ds) {
                if (Files.isRegularFile(f) && !f.toAbsolutePath().normalize().equals(labels)) {
                    out.add(f);
                }
            }
        } catch (IOException | RuntimeException e) {
            throw ConfigError.atParam("pattern", "Cannot list '" + p.path() + "' with '" + p.pattern() + "': " + e.getMessage(),
                    "Check the folder and the glob (e.g. *.msa).");
        }
        if (out.isEmpty()) {
            throw ConfigError.atParam("pattern", "No file in '" + p.path() + "' matches '" + p.pattern() + "'.", "Check the folder and the glob.");
        }
        out.sort(null);
        return out;
    }
}
