package org.anneal.nodes.spectra;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.anneal.data.CategoricalColumn;
import org.anneal.data.Column;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.ml.Metrics;
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
import org.anneal.spec.Task;
import org.anneal.spec.ValueSpec;

@NodeType(id = "spectra.identify-lines", title = "Identify X-ray lines", phase = Phase.PREPARE, role = LeakageRole.STATELESS, usesSeed = false,
        doc = """
                Names the X-ray emission lines that could have made each peak of an EDS peak table (from spectra.peaks): every \
                line within `tolerance` eV of the peak's energy, closest first — but a line whose shell's strongest line (Kα, \
                Lα, Mα) has no peak of its own comes after those whose has: no Kβ without Kα —, from the table of line energies the EDS \
                generators use (X-ray Data Booklet: Kα — Kα₁ and Kα₂ together at their 2 : 1 mean, since no EDS detector \
                parts them —, Kβ, Lα, Lβ of C, O, Na, Mg, Al, Si, P, S, Cl, K, Ca, Ti, Cr, Mn, Fe, Ni, Cu, Zn, Zr, Nb, Mo, Ag; \
                Lℓ, Lα, Lβ₁, Lβ₂, Lγ₁ and the M lines Mζ, Mα, Mβ, Mγ of Hf, Ta, W, Pt, Au, Pb, Bi, U, Chantler 2005 via \
                HyperSpy). `lines`: one row per peak and candidate, the peak's columns followed by `element`, `line`, \
                `tabulated` (keV), `error` (found − tabulated, eV) and `candidate` (1 = the closest); a peak no line explains \
                keeps one row with the element missing — an escape peak (1.74 keV below a strong line), a sum peak, or an \
                element not in the table. `elements`: one row per element that is the closest candidate of at least one \
                peak, with the lines seen and `overlaps`, the other candidates of those peaks (the lines it may be \
                mistaken for; missing when none). Metrics: `elements_found`, `peaks_identified`, `peaks_unidentified` and \
                `mean_abs_error_ev` (of the closest candidates). Name the `elements` you expect to restrict the search. With \
                several spectra in the peak table, their peaks are pooled. A closest line is a hypothesis, not a proof: check \
                that an element's other lines are there too (Kα with its Kβ; Zr Lα at 2.04 keV lies 29 eV from P Kα). The \
                heavy elements' M lines sit on light elements' K lines — Pb Mα 2.346 keV and S Kα 2.308, W Mα 1.776 and Si Kα \
                1.740, Ta Mα 1.710, Au Mα 2.123 by P Kα 2.014, Pt Mα 2.051 by Zr Lα 2.042, Mo Lα 2.293 by S Kα —, closer than \
                an EDS detector resolves: a heavy element shows itself by its L lines (Pb Lα 10.55 keV) when the beam \
                excites them.""")
public final class IdentifyLinesNode implements Node<IdentifyLinesNode.Params> {

    public record Params(
            @Param(doc = "Column of peak energies (keV or eV): position, or fit_center after a fit", def = "\"position\"", hint = Param.Hint.COLUMN)
            String column,
            @Param(doc = "Largest distance between a peak and a line, eV", def = "50", min = 0, max = 2000) double tolerance,
            @Param(doc = "Elements to look for (symbols); empty = every element of the table") List<String> elements) {
    }

    static final InPort<Table> PEAKS = InPort.of("peaks", DataKind.TABLE, Table.class, "A peak table on an energy axis (spectra.peaks)");
    static final OutPort<Table> LINES = OutPort.of("lines", DataKind.TABLE, Table.class, "One row per peak and candidate line");
    static final OutPort<Table> ELEMENTS = OutPort.of("elements", DataKind.TABLE, Table.class, "One row per element found");
    static final OutPort<Metrics> METRICS = OutPort.of("metrics", DataKind.METRICS, Metrics.class,
            "elements_found, peaks_identified, peaks_unidentified, mean_abs_error_ev");

    static final List<String> ADDED = List.of("element", "line", "tabulated", "error", "candidate");

    @Override
    public Specs configure(Specs in, Params p, ConfigContext ctx) throws ConfigError {
        TableSpec t = in.table(PEAKS);
        ColumnSpec c = t.requireColumn(p.column(), "column");
        if (!c.isNumeric()) {
            throw ConfigError.atParam("column", "'" + c.name() + "' holds " + c.typeLabel() + ", not peak energies.", "Name the position column of a peak table.");
        }
        keVPerUnit(c.name(), c.unit());
        for (String el : p.elements()) {
            if (!EdsLines.ELEMENTS.containsKey(el)) {
                throw ConfigError.atParam("elements", "The line table has no element '" + el + "'.",
                        "Choose from: " + String.join(", ", EdsLines.ELEMENTS.keySet()) + ".");
            }
        }
        List<ColumnSpec> cols = new ArrayList<>(t.columns());
        for (String n : ADDED) {
            if (t.column(n).isPresent()) {
                throw ConfigError.atPort("peaks", "The peak table already has a column '" + n + "'.", "Rename it before identifying lines.");
            }
        }
        cols.add(new ColumnSpec("element", ColumnType.CATEGORICAL, ColumnRole.FEATURE));
        cols.add(new ColumnSpec("line", ColumnType.CATEGORICAL, ColumnRole.FEATURE));
        cols.add(new ColumnSpec("tabulated", ColumnType.NUMERIC, ColumnRole.FEATURE, "keV"));
        cols.add(new ColumnSpec("error", ColumnType.NUMERIC, ColumnRole.FEATURE, "eV"));
        cols.add(new ColumnSpec("candidate", ColumnType.NUMERIC, ColumnRole.FEATURE));
        TableSpec elements = new TableSpec(List.of(new ColumnSpec("element", ColumnType.CATEGORICAL, ColumnRole.ID),
                new ColumnSpec("z", ColumnType.NUMERIC, ColumnRole.FEATURE), new ColumnSpec("lines", ColumnType.CATEGORICAL, ColumnRole.FEATURE),
                new ColumnSpec("peaks", ColumnType.NUMERIC, ColumnRole.FEATURE), new ColumnSpec("error", ColumnType.NUMERIC, ColumnRole.FEATURE, "eV"),
                new ColumnSpec("overlaps", ColumnType.CATEGORICAL, ColumnRole.FEATURE)), t.lineage());
        return Specs.builder().put(LINES, t.withColumns(cols)).put(ELEMENTS, elements)
                .put(METRICS, ValueSpec.of(DataKind.METRICS, t.lineage())).build();
    }

    /** keV per unit of the peak energies: the column must be in keV or eV, the units spectra.peaks copies from the axis. */
    static double keVPerUnit(String column, String unit) throws ConfigError {
        return switch (unit) {
            case "keV" -> 1;
            case "eV" -> 0.001;
            default -> throw ConfigError.atParam("column", "'" + column + "' is in '" + unit + "', not an energy (keV or eV).",
                    "Find peaks on an EDS spectrum whose axis is energy in keV or eV (data.spectrum-image, data.spectra with axis energy).");
        };
    }

    @Override
    public Outputs execute(Inputs in, Params p, ExecContext ctx) throws ConfigError {
        Table t = in.get(PEAKS);
        NumericColumn pos = t.numeric(p.column());
        double scale = keVPerUnit(pos.name(), pos.unit());
        List<LineIdentification.Line> catalogue = LineIdentification.catalogue(p.elements());
        List<Integer> source = new ArrayList<>();
        List<LineIdentification.Candidate> found = new ArrayList<>();
        List<Integer> rank = new ArrayList<>();
        Map<String, Set<String>> linesOf = new LinkedHashMap<>();
        Map<String, double[]> stats = new LinkedHashMap<>(); // element → {peaks, Σ|error| eV}
        Map<String, Set<String>> overlaps = new LinkedHashMap<>(); // element → the other candidates of its peaks
        int identified = 0;
        int unidentified = 0;
        double sumError = 0;
        double[] peaks = java.util.stream.IntStream.range(0, t.rowCount()).filter(r -> !pos.isMissing(r)).mapToDouble(r -> pos.get(r) * scale).toArray();
        for (int r = 0; r < t.rowCount(); r++) {
            if (pos.isMissing(r)) {
                continue;
            }
            List<LineIdentification.Candidate> cs = LineIdentification.candidates(pos.get(r) * scale, p.tolerance() / 1000, catalogue, peaks);
            if (cs.isEmpty()) {
                unidentified++;
                source.add(r);
                found.add(null);
                rank.add(0);
                continue;
            }
            identified++;
            LineIdentification.Candidate best = cs.get(0);
            sumError += Math.abs(best.error()) * 1000;
            linesOf.computeIfAbsent(best.line().element(), e -> new LinkedHashSet<>()).add(best.line().name());
            double[] s = stats.computeIfAbsent(best.line().element(), e -> new double[2]);
            s[0]++;
            s[1] += Math.abs(best.error()) * 1000;
            Set<String> others = overlaps.computeIfAbsent(best.line().element(), e -> new LinkedHashSet<>());
            cs.stream().map(LineIdentification.Candidate::line).filter(l -> !l.element().equals(best.line().element()))
                    .forEach(l -> others.add(l.element() + " " + l.name()));
            for (int k = 0; k < cs.size(); k++) {
                source.add(r);
                found.add(cs.get(k));
                rank.add(k + 1);
            }
        }
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("elements_found", (double) linesOf.size());
        m.put("peaks_identified", (double) identified);
        m.put("peaks_unidentified", (double) unidentified);
        m.put("mean_abs_error_ev", identified == 0 ? Double.NaN : sumError / identified);
        return Outputs.builder().put(LINES, lines(t, source, found, rank)).put(ELEMENTS, elements(linesOf, stats, overlaps))
                .put(METRICS, new Metrics(Task.CLASSIFICATION, m, identified + unidentified)).build();
    }

    private static Table lines(Table t, List<Integer> source, List<LineIdentification.Candidate> found, List<Integer> rank) {
        int n = source.size();
        List<Column> cols = new ArrayList<>();
        for (Column c : t.columns()) {
            cols.add(c.rows(source.stream().mapToInt(Integer::intValue).toArray()));
        }
        // levels: the elements named, in the table's order (a legend of every element in the table would drown them)
        List<String> elementLevels = EdsLines.ELEMENTS.keySet().stream()
                .filter(e -> found.stream().anyMatch(c -> c != null && c.line().element().equals(e))).toList();
        List<String> lineLevels = new ArrayList<>();
        int[] element = new int[n];
        int[] line = new int[n];
        double[] tabulated = new double[n];
        double[] error = new double[n];
        double[] candidate = new double[n];
        for (int i = 0; i < n; i++) {
            LineIdentification.Candidate c = found.get(i);
            if (c == null) {
                element[i] = -1;
                line[i] = -1;
                tabulated[i] = Double.NaN;
                error[i] = Double.NaN;
                candidate[i] = Double.NaN;
                continue;
            }
            element[i] = elementLevels.indexOf(c.line().element());
            if (!lineLevels.contains(c.line().name())) {
                lineLevels.add(c.line().name());
            }
            line[i] = lineLevels.indexOf(c.line().name());
            tabulated[i] = c.line().energy();
            error[i] = c.error() * 1000;
            candidate[i] = rank.get(i);
        }
        cols.add(new CategoricalColumn("element", ColumnRole.FEATURE, element, elementLevels));
        cols.add(new CategoricalColumn("line", ColumnRole.FEATURE, line, lineLevels));
        cols.add(new NumericColumn("tabulated", ColumnRole.FEATURE, tabulated, "keV"));
        cols.add(new NumericColumn("error", ColumnRole.FEATURE, error, "eV"));
        cols.add(new NumericColumn("candidate", ColumnRole.FEATURE, candidate));
        return new Table(cols);
    }

    /** One row per element found, in the order of the table (atomic number). */
    private static Table elements(Map<String, Set<String>> linesOf, Map<String, double[]> stats, Map<String, Set<String>> overlaps) {
        List<String> order = EdsLines.ELEMENTS.keySet().stream().filter(linesOf::containsKey).toList();
        int n = order.size();
        double[] z = new double[n];
        double[] peaks = new double[n];
        double[] error = new double[n];
        List<String> lineLevels = new ArrayList<>();
        int[] lines = new int[n];
        List<String> overlapLevels = new ArrayList<>();
        int[] overlap = new int[n];
        for (int i = 0; i < n; i++) {
            String el = order.get(i);
            z[i] = EdsLines.ELEMENTS.get(el).z();
            peaks[i] = stats.get(el)[0];
            error[i] = stats.get(el)[1] / stats.get(el)[0];
            String seen = String.join(", ", linesOf.get(el));
            if (!lineLevels.contains(seen)) {
                lineLevels.add(seen);
            }
            lines[i] = lineLevels.indexOf(seen);
            String others = String.join(", ", overlaps.get(el));
            if (!others.isEmpty() && !overlapLevels.contains(others)) {
                overlapLevels.add(others);
            }
            overlap[i] = overlapLevels.indexOf(others); // -1 (missing) when no other line was within the tolerance
        }
        int[] codes = java.util.stream.IntStream.range(0, n).toArray();
        return new Table(List.of(new CategoricalColumn("element", ColumnRole.ID, codes, order), new NumericColumn("z", ColumnRole.FEATURE, z),
                new CategoricalColumn("lines", ColumnRole.FEATURE, lines, lineLevels), new NumericColumn("peaks", ColumnRole.FEATURE, peaks),
                new NumericColumn("error", ColumnRole.FEATURE, error, "eV"), new CategoricalColumn("overlaps", ColumnRole.FEATURE, overlap, overlapLevels)));
    }
}
