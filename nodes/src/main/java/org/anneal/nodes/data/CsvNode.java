package org.anneal.nodes.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.anneal.data.Column;
import org.anneal.data.CsvFormat;
import org.anneal.data.CsvProblem;
import org.anneal.data.CsvReader;
import org.anneal.data.Table;
import org.anneal.util.FileDigests;
import org.anneal.spec.Choice;
import org.anneal.spec.ColumnRole;
import org.anneal.spec.ColumnSpec;
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
import org.anneal.spec.Specs;
import org.anneal.spec.TableSpec;
import org.anneal.util.FileDigests;

@NodeType(id = "data.csv", title = "CSV file", phase = Phase.DATA, role = LeakageRole.SOURCE, usesSeed = false,
        doc = """
                Reads a table from a CSV file with a header row. Columns measured after the outcome can be declared under \
                `postOutcome`. Unless set, the text encoding (UTF-8 with or without byte-order mark, UTF-16, else \
                Windows-1252/ISO-8859-1), the delimiter (comma, semicolon, tab or bar: the one that splits every head line \
                alike) and the decimal mark (\"7,85\" in European files) are detected. A line of units under the header \
                (\"°C\", \"[MPa]\") is recognised with `unitsRow`; units stay with their columns, so viewers show \
                \"temperature [°C]\". Columns whose values are all numbers become numeric, others categorical. Cells listed \
                under `missing` become missing values, as empty cells do; a number that is not finite (`1e400`, `Infinity`, or \
                `NaN` once removed from `missing`) is an error naming its line, never a value. Files are read up to 1 GiB and \
                16,384 columns (raise with `-Danneal.csv.maxMegabytes` / `-Danneal.csv.maxColumns` in `ANNEAL_OPTS`). Declare \
                the column to predict as `target`, and a `group` (specimen, heat) or `time` column so that splits and the \
                leakage analysis can respect them. Every error names the line and column.""")
public final class CsvNode implements Node<CsvNode.Params> {

    public record Params(
            @Param(doc = "CSV file, relative to the workflow file", hint = Param.Hint.PATH, required = true) String path,
            @Param(doc = "Column to predict; empty for none", hint = Param.Hint.COLUMN) String target,
            @Param(doc = "Column of group ids (specimen, heat, micrograph) whose rows belong together", hint = Param.Hint.COLUMN) String group,
            @Param(doc = "Column of time stamps or sequence numbers", hint = Param.Hint.COLUMN) String time,
            @Param(doc = "Columns to leave out entirely", hint = Param.Hint.COLUMNS) List<String> ignore,
            @Param(doc = "Columns measured after the outcome; still used as features unless ignored, and reported as leakage (L9)",
                    hint = Param.Hint.COLUMNS) List<String> postOutcome,
            @Param(doc = "Columns to read as categories even though they hold numbers (codes, ids)", hint = Param.Hint.COLUMNS) List<String> categorical,
            @Param(doc = "Field separator", def = "\"auto\"") Delimiter delimiter,
            @Param(doc = "Decimal mark: auto detects \"7,85\" in files not separated by commas", def = "\"auto\"")
            Decimal decimal,
            @Param(doc = "Line 2 holds units, not data: auto = when it has short texts above at least half of the columns of numbers", def = "\"auto\"") CsvReader.UnitsRow unitsRow,
            @Param(doc = "Text encoding; auto = UTF-8 when the bytes are valid UTF-8, else Windows-1252", def = "\"auto\"") Encoding encoding,
            @Param(doc = "Cell texts that mean 'no value'", def = "[\"\", \"NA\", \"N/A\", \"NaN\", \"nan\", \"null\", \"?\"]") List<String> missing,
            @Param(doc = "What a score on these rows claims (issue 16): the leakage analysis judges group, time and near-copy findings by it",
                    def = "\"unstated\"") org.anneal.spec.Claim claim) implements org.anneal.spec.Claim.Declared {
        /** Without a claim (callers from before issue 16). */
        public Params(String path, String target, String group, String time, List<String> ignore, List<String> postOutcome,
                      List<String> categorical, Delimiter delimiter, Decimal decimal, CsvReader.UnitsRow unitsRow, Encoding encoding,
                      List<String> missing) {
            this(path, target, group, time, ignore, postOutcome, categorical, delimiter, decimal, unitsRow, encoding, missing,
                    org.anneal.spec.Claim.UNSTATED);
        }
    }

    /** The field separator; auto sniffs it from the first lines. */
    public enum Delimiter { AUTO, @Choice(",") COMMA, @Choice(";") SEMICOLON, TAB, @Choice("|") PIPE }

    public enum Decimal { AUTO, @Choice(".") POINT, @Choice(",") COMMA }

    /** Stored under the charset's name, which is what the reader is given. */
    public enum Encoding { AUTO, @Choice("UTF-8") UTF_8, @Choice("windows-1252") WINDOWS_1252, @Choice("ISO-8859-1") ISO_8859_1 }

    static final OutPort<Table> TABLE = OutPort.of("table", DataKind.TABLE, Table.class, "The rows of the file");

    private static final Map<String, CsvFormat> SNIFFED = new java.util.concurrent.ConcurrentHashMap<>();

    @Override
    public Specs configure(Specs in, Params p, ConfigContext ctx) throws ConfigError {
        Path file = existingFile(p, ctx);
        CsvFormat format = format(file, p);
        List<ColumnSpec> cols = new ArrayList<>();
        Map<String, ColumnRole> roles = roles(p, format.header());
        for (int i = 0; i < format.header().size(); i++) {
            String name = format.header().get(i);
            ColumnRole role = roles.getOrDefault(name, ColumnRole.FEATURE);
            if (role != ColumnRole.IGNORE) {
                cols.add(new ColumnSpec(name, format.types().get(i), role, format.units().get(i)));
            }
        }
        return Specs.of(TABLE, new TableSpec(cols, Lineage.UNSPLIT));
    }

    @Override
    public Outputs execute(Inputs in, Params p, ExecContext ctx) throws Exception {
        Path file = existingFile(p, ctx);
        CsvFormat format = format(file, p);
        Table t;
        try {
            t = CsvReader.read(file, options(p), format, roles(p, format.header()), ctx::checkCancelled, ctx::progress);
        } catch (CsvProblem e) {
            throw new NodeFailure(p.path() + ": " + e.getMessage(), e.fix());
        }
        List<Column> kept = t.columns().stream().filter(c -> c.role() != ColumnRole.IGNORE).toList();
        return Outputs.of(TABLE, new Table(kept));
    }

    @Override
    public List<Fingerprint> externalFingerprints(Params p, ConfigContext ctx) throws IOException, ConfigError {
        return List.of(new Fingerprint(p.path(), FileDigests.sha256(existingFile(p, ctx))));
    }

    private static Path existingFile(Params p, ConfigContext ctx) throws ConfigError {
        Path file = ctx.resolve(p.path(), "path");
        if (!Files.isRegularFile(file)) {
            throw ConfigError.atParam("path", "The data file '" + p.path() + "' does not exist (looked for " + file + ").",
                    "Check the file name; paths are relative to the folder of the workflow file.");
        }
        return file;
    }

    private static CsvFormat format(Path file, Params p) throws ConfigError {
        String key;
        try {
            key = file + "|" + Files.size(file) + "|" + Files.getLastModifiedTime(file).toMillis() + "|" + p.delimiter() + "|" + p.missing() + "|" + p.categorical()
                    + "|" + p.decimal() + "|" + p.unitsRow() + "|" + p.encoding();
        } catch (IOException e) {
            throw ConfigError.atParam("path", "Cannot read '" + p.path() + "': " + e.getMessage(), "Check the file's permissions.");
        }
        CsvFormat f = SNIFFED.get(key);
        if (f == null) {
            try {
                f = CsvReader.sniff(file, options(p));
            } catch (CsvProblem e) {
                throw ConfigError.atParam("path", p.path() + ": " + e.getMessage(), e.fix());
            } catch (IOException e) {
                throw ConfigError.atParam("path", "Cannot read '" + p.path() + "': " + e.getMessage(), "Check the file's permissions.");
            }
            SNIFFED.put(key, f);
        }
        List<String> header = f.header();
        Set<String> named = new HashSet<>();
        checkColumn(header, p.target(), "target", named);
        checkColumn(header, p.group(), "group", named);
        checkColumn(header, p.time(), "time", named);
        for (String c : p.ignore()) {
            checkColumn(header, c, "ignore", new HashSet<>());
        }
        for (String c : p.categorical()) {
            checkColumn(header, c, "categorical", new HashSet<>());
        }
        for (String c : p.postOutcome()) {
            checkColumn(header, c, "postOutcome", new HashSet<>());
        }
        if (!p.target().isEmpty() && p.ignore().contains(p.target())) {
            throw ConfigError.atParam("ignore", "The target column '" + p.target() + "' is also listed under 'ignore'.",
                    "Remove it from 'ignore'.");
        }
        return f;
    }

    private static void checkColumn(List<String> header, String name, String param, Set<String> named) throws ConfigError {
        if (name.isEmpty()) {
            return;
        }
        if (!header.contains(name)) {
            String closest = org.anneal.spec.Names.closest(name, header);
            throw ConfigError.atParam(param, "The file has no column '" + name + "' (named by '" + param + "').",
                    (closest != null ? "Did you mean '" + closest + "'? " : "") + "Columns in the file: " + String.join(", ", header));
        }
        if (!named.add(name)) {
            throw ConfigError.atParam(param, "Column '" + name + "' is given two roles.", "A column can be the target, the group or the time, not several.");
        }
    }

    private static Map<String, ColumnRole> roles(Params p, List<String> header) {
        Map<String, ColumnRole> roles = new LinkedHashMap<>();
        for (String c : p.postOutcome()) {
            roles.put(c, ColumnRole.POST_OUTCOME);
        }
        for (String c : p.ignore()) {
            roles.put(c, ColumnRole.IGNORE);
        }
        if (!p.group().isEmpty()) {
            roles.put(p.group(), ColumnRole.GROUP);
        }
        if (!p.time().isEmpty()) {
            roles.put(p.time(), ColumnRole.TIME);
        }
        if (!p.target().isEmpty()) {
            roles.put(p.target(), ColumnRole.TARGET);
        }
        return roles;
    }

    private static CsvReader.Options options(Params p) {
        char d = switch (p.delimiter()) {
            case AUTO -> 0;
            case TAB -> '\t';
            default -> org.anneal.spec.Choices.name(p.delimiter()).charAt(0);
        };
        char decimal = p.decimal() == Decimal.AUTO ? 0 : org.anneal.spec.Choices.name(p.decimal()).charAt(0);
        java.nio.charset.Charset cs = p.encoding() == Encoding.AUTO ? null : java.nio.charset.Charset.forName(org.anneal.spec.Choices.name(p.encoding()));
        return new CsvReader.Options(d, Set.copyOf(p.missing()), Set.copyOf(p.categorical()), decimal, p.unitsRow(), cs);
    }
}
