package org.anneal.editor;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.anneal.data.CategoricalColumn;
import org.anneal.data.Column;
import org.anneal.data.Table;
import org.anneal.data.TensorColumn;
import org.anneal.ml.Plot;
import org.anneal.nodes.plot.SpectrumTraces;
import org.anneal.spec.ColumnRole;

/**
 * A line chart for each spectrum column of a table (one axis of channels per row): a few spectra spread over the table
 * overlaid on their physical axis, labelled with its name and unit (energy in keV, 2θ in °), so a student sees what the
 * numbers in the table are before any model does. Each line is named (and coloured) after the row's id or group (file,
 * sample) when the table has one. The chart is plot.spectra's ({@link SpectrumTraces}). No JavaFX here: the chart is
 * drawn by {@link PlotChart}.
 */
public final class SpectrumPlots {
    /** More lines than this turn an overlay into a smear. */
    static final int MAX_LINES = 6;

    private SpectrumPlots() {
    }

    /** {@code charts} with a "Spectra" view added for each spectrum column of {@code t}. */
    public static Map<String, Plot> addTo(Map<String, Plot> charts, Table t) {
        Map<String, Plot> out = new LinkedHashMap<>(charts);
        List<TensorColumn> spectra = t.columns().stream().filter(c -> c instanceof TensorColumn tc && tc.shape().rank() == 1)
                .map(TensorColumn.class::cast).toList();
        for (TensorColumn c : spectra) {
            out.put(spectra.size() == 1 ? "Spectra" : "Spectra " + c.name(), overlay(c, rowNames(t)));
        }
        return out;
    }

    static Plot overlay(TensorColumn c, Column names) {
        return SpectrumTraces.overlay(c, names, MAX_LINES, false, SpectrumTraces.describe(c, names, MAX_LINES, false));
    }

    /** The column that names rows best: an id, else a group, else a categorical column; null when there is none. */
    private static Column rowNames(Table t) {
        for (ColumnRole role : List.of(ColumnRole.ID, ColumnRole.GROUP)) {
            for (Column c : t.columns()) {
                if (c.role() == role && !(c instanceof TensorColumn)) {
                    return c;
                }
            }
        }
        return t.columns().stream().filter(CategoricalColumn.class::isInstance).findFirst().orElse(null);
    }
}
