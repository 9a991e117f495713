package org.anneal.editor;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.anneal.data.Table;
import org.anneal.data.TensorColumn;
import org.anneal.ml.Plot;
import org.anneal.nodes.plot.SignalTraces;

/**
 * A line chart for each signal column of a table (windows [time, channel] with a regular time axis): the windows of the
 * first run stitched together on the rows' time, one line per channel, with the intervals of windows flagged as anomalous
 * shaded (a numeric column {@code anomaly} or one ending in {@code _flag} that is 1: the score of signals.anomaly-score, or
 * the truth of data.generate-process). The chart is plot.signal's ({@link SignalTraces}), so the Data tab and
 * {@code anneal run --plots} draw a signal alike. No JavaFX here: the chart is drawn by {@link PlotChart}.
 */
public final class SignalPlots {
    private SignalPlots() {
    }

    /** {@code charts} with a "Signal" view added for each signal column of {@code t}. */
    public static Map<String, Plot> addTo(Map<String, Plot> charts, Table t) {
        Map<String, Plot> out = new LinkedHashMap<>(charts);
        List<TensorColumn> signals = t.columns().stream().filter(SignalTraces::isSignal).map(TensorColumn.class::cast).toList();
        for (TensorColumn c : signals) {
            out.put(signals.size() == 1 ? "Signal" : "Signal " + c.name(), SignalTraces.stitched(t, c, null, -1, SignalTraces.flagColumn(t), null));
        }
        return out;
    }
}
