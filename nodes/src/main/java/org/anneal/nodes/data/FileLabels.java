package org.anneal.nodes.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.anneal.data.CategoricalColumn;
import org.anneal.data.Column;
import org.anneal.data.CsvFormat;
import org.anneal.data.CsvProblem;
import org.anneal.data.CsvReader;
import org.anneal.data.Table;
import org.anneal.spec.ColumnRole;
import org.anneal.spec.ConfigError;
import org.anneal.spec.Names;

/**
 * The label columns of a folder of sample files (spectra, images), read from a CSV with a {@code file} column and put in
 * the order of the files: the {@code target} column becomes the target, {@code group} the group, every other column a
 * feature. A file without a row is a located error; with {@code everyRowAFile}, so is a row whose file is not there.
 */
public final class FileLabels {
    /**
     * Where the labels come from and how errors are located: the CSV, its name as the user wrote it, the param that
     * names it, and the word for one sample file ("spectrum", "image").
     */
    public record Source(Path csv, String shown, String param, String kind) {
    }

    private FileLabels() {
    }

    public static List<Column> columns(Source src, List<String> files, String target, String group, boolean everyRowAFile)
            throws ConfigError {
        Table t = read(src);
        List<String> names = t.columns().stream().map(Column::name).toList();
        if (!(t.column("file").orElse(null) instanceof CategoricalColumn fileCol)) {
            throw ConfigError.atParam(src.param(), src.shown() + " has no column 'file'.",
                    "Add a 'file' column with each " + src.kind() + "'s file name; columns: " + names);
        }
        Map<String, Integer> rowOf = new HashMap<>();
        for (int r = 0; r < t.rowCount(); r++) {
            if (rowOf.put(fileCol.get(r), r) != null) {
                throw ConfigError.atParam(src.param(), src.shown() + ", line " + (r + 2) + ": the file '" + fileCol.get(r) + "' is listed twice.",
                        "Give each file one row of labels.");
            }
        }
        int[] index = new int[files.size()];
        for (int i = 0; i < files.size(); i++) {
            Integer r = rowOf.get(files.get(i));
            if (r == null) {
                throw ConfigError.atParam(src.param(), src.shown() + " has no row for the " + src.kind() + " file '" + files.get(i) + "'.",
                        "Add a row for it (the 'file' column holds the file's path under the folder, as shown here).");
            }
            index[i] = r;
        }
        if (everyRowAFile) {
            Set<String> present = new HashSet<>(files);
            for (int r = 0; r < t.rowCount(); r++) {
                if (!present.contains(fileCol.get(r))) {
                    throw ConfigError.atParam(src.param(), src.shown() + ", line " + (r + 2) + ": the file '" + fileCol.get(r)
                            + "' is not in the folder.", "Remove the row, or put the file in the folder (names are case-sensitive).");
                }
            }
        }
        for (String[] named : new String[][] {{"target", target}, {"group", group}}) {
            if (!named[1].isEmpty() && (!names.contains(named[1]) || named[1].equals("file"))) {
                String closest = Names.closest(named[1], names);
                throw ConfigError.atParam(named[0], src.shown() + " has no label column '" + named[1] + "'.",
                        (closest != null ? "Did you mean '" + closest + "'? " : "") + "Columns: " + names);
            }
        }
        if (!target.isEmpty() && target.equals(group)) {
            throw ConfigError.atParam("group", "Column '" + target + "' is both target and group.", "A column has one role.");
        }
        Set<String> seen = new HashSet<>();
        List<Column> out = new ArrayList<>();
        for (Column c : t.rows(index).columns()) {
            if (c.name().equals("file") || !seen.add(c.name())) {
                continue;
            }
            ColumnRole role = c.name().equals(target) ? ColumnRole.TARGET : c.name().equals(group) ? ColumnRole.GROUP : ColumnRole.FEATURE;
            out.add(c.withRole(role));
        }
        return out;
    }

    private static Table read(Source src) throws ConfigError {
        try {
            CsvReader.Options opt = new CsvReader.Options((char) 0, Set.of("", "NA"), Set.of("file"));
            CsvFormat f = CsvReader.sniff(src.csv(), opt);
            return CsvReader.read(src.csv(), opt, f, Map.of(), () -> { }, x -> { });
        } catch (CsvProblem e) {
            throw ConfigError.atParam(src.param(), src.shown() + ": " + e.getMessage(), e.fix());
        } catch (IOException e) {
            throw ConfigError.atParam(src.param(), "Cannot read '" + src.shown() + "': " + e.getMessage(), "Check the file name and permissions.");
        }
    }
}
