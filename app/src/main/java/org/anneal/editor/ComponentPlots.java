package org.anneal.editor;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.anneal.data.Column;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.data.TensorColumn;
import org.anneal.ml.Plot;
import org.anneal.spec.ColumnRole;

/**
 * PCA's loadings and NMF's parts of spectra drawn on the spectral axis: their tables have one row per input column, and
 * when those columns came from spectra.to-columns they are named after their channel's axis value ({@code 2θ_26.65},
 * {@code energy_1.74}). Read back as numbers, the rows become a curve per component, so a part reads as a pattern with
 * its peaks where a phase has them. No JavaFX here: the chart is drawn by {@link PlotChart}.
 */
public final class ComponentPlots {
    private static final Pattern AXIS_VALUE = Pattern.compile("(.+)_(-?[0-9]+(?:\\.[0-9]+)?(?:[eE][-+]?[0-9]+)?)");

    /** More rows than this are no spectrum's channels; the table is left to its table view. */
    static final int MAX_CHANNELS = 200_000;

    private ComponentPlots() {
    }

    /** The axis and the value a channel column's name gives ({@code 2θ_26.65} → 2θ, 26.65), or null for another name. */
    static Map.Entry<String, Double> channel(String name) {
        Matcher m = AXIS_VALUE.matcher(name);
        return m.matches() ? Map.entry(m.group(1), Double.parseDouble(m.group(2))) : null;
    }

    /** {@code charts} with an "On the axis" view when {@code t} names its rows by axis values and has numeric columns. */
    public static Map<String, Plot> addTo(Map<String, Plot> charts, Table t) {
        // the per-column tables of prepare.pca and prepare.nmf name their rows in an ID column called 'column'
        Column names = t.column("column").filter(c -> c.role() == ColumnRole.ID && !(c instanceof NumericColumn) && !(c instanceof TensorColumn))
                .orElse(null);
        List<NumericColumn> components = t.columns().stream().filter(c -> c instanceof NumericColumn && c.role() != ColumnRole.ID)
                .map(NumericColumn.class::cast).toList();
        if (names == null || components.isEmpty() || t.rowCount() < 2 || t.rowCount() > MAX_CHANNELS) {
            return charts;
        }
        String axis = null;
        double[] x = new double[t.rowCount()];
        for (int r = 0; r < x.length; r++) {
            Map.Entry<String, Double> ch = names.isMissing(r) ? null : channel(names.text(r));
            if (ch == null || (axis != null && !axis.equals(ch.getKey()))) {
                return charts; // not channels of one axis
            }
            axis = ch.getKey();
            x[r] = ch.getValue();
        }
        int[] order = IntStream.range(0, x.length).boxed().sorted(Comparator.comparingDouble(r -> x[r])).mapToInt(Integer::intValue).toArray();
        double[] xs = new double[order.length];
        for (int i = 0; i < order.length; i++) {
            xs[i] = x[order[i]];
        }
        List<Plot.Series> series = new ArrayList<>();
        for (NumericColumn c : components) {
            double[] y = new double[order.length];
            for (int i = 0; i < order.length; i++) {
                y[i] = c.get(order[i]);
            }
            series.add(Plot.Series.of(c.name(), xs, y));
        }
        Map<String, Plot> out = new LinkedHashMap<>(charts);
        out.put("On the axis", Plot.of(Plot.Kind.LINE, String.join(", ", components.stream().map(Column::name).toList()) + " on the " + axis + " axis",
                axis, "weight", series, List.of(Plot.Guide.zero())));
        return out;
    }
}
