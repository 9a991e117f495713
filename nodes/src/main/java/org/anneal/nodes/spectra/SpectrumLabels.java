package org.anneal.nodes.spectra;

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

/** The label columns of a spectrum folder, read from a CSV with a {@code file} column and put in the order of the spectra. */
final class SpectrumLabels {
    private SpectrumLabels() {
    }

    static List<Column> columns(Path csv, String shown, List<String> files, String target, String group) throws ConfigError {
        Table t;
        try {
            CsvReader.Options opt = new CsvReader.Options((char) 0, Set.of("", "NA"), Set.of("file"));
            CsvFormat f = CsvReader.sniff(csv, opt);
            t = CsvReader.read(csv, opt, f, Map.of(), () -> { }, x -> { });
        } catch (CsvProblem e) {
            throw ConfigError.atParam("labels", shown + ": " + e.getMessage(), e.fix());
        } catch (IOException e) {
            throw ConfigError.atParam("labels", "Cannot read '" + shown + "': " + e.getMessage(), "Check the file name and permissions.");
        }
        List<String> names = t.columns().stream().map(Column::name).toList();
        if (!(t.column("file").orElse(null) instanceof CategoricalColumn fileCol)) {
            throw ConfigError.atParam("labels", shown + " has no column 'file'.", "Add a 'file' column with each spectrum's file name; columns: " + names);
        }
        Map<String, Integer> rowOf = new HashMap<>();
        for (int r = 0; r < t.rowCount(); r++) {
            if (rowOf.put(fileCol.get(r), r) != null) {
                throw ConfigError.atParam("labels", shown + ", line " + (r + 2) + ": the file '" + fileCol.get(r) + "' is listed twice.",
                        "Give each file one row of labels.");
            }
        }
        int[] index = new int[files.size()];
        for (int i = 0; i < files.size(); i++) {
            Integer r = rowOf.get(files.get(i));
            if (r == null) {
                throw ConfigError.atParam("labels", shown + " has no row for the spectrum file '" + files.get(i) + "'.",
                        "Add a row for it (the 'file' column holds the file name without folder).");
            }
            index[i] = r;
        }
        for (String[] named : new String[][] {{"target", target}, {"group", group}}) {
            if (!named[1].isEmpty() && (!names.contains(named[1]) || named[1].equals("file"))) {
                String closest = Names.closest(named[1], names);
                throw ConfigError.atParam(named[0], shown + " has no label column '" + named[1] + "'.",
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
}
