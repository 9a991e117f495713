package org.anneal.editor;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.ml.Plot;
import org.anneal.spec.ColumnSpec;
import org.anneal.spec.LeakageRole;
import org.anneal.spec.NodeDescriptor;
import org.anneal.spec.ParamDescriptor;
import org.anneal.spec.ParamType;
import org.anneal.spec.TableSpec;

/**
 * The preview of a row-by-row block on a spectrum spread over channel columns (spectra.non-negative after
 * spectra.to-columns, whose columns are named after their axis value: {@code 2θ_26.65}, {@code energy_1740}): one row's
 * channels before and after, as a curve on the axis the names give. Found from declarations and specs: a STATELESS block
 * (each row on its own, so a row's before and after belong together) with a COLUMNS parameter whose columns — those
 * listed, or every numeric feature when none is — hold at least {@link #MIN_CHANNELS} channels of one axis, and whose
 * output has the same columns as its input. No JavaFX here.
 *
 * @param axis     the axis the names give ("2θ")
 * @param channels  the channel columns in axis order
 * @param positions their values on the axis
 */
record ChannelRow(String axis, List<String> channels, List<Double> positions) implements BeforeAfter.Drawing {
    /** Fewer columns named by one axis are a table's ordinary columns, not a spectrum. */
    static final int MIN_CHANNELS = 8;

    static Optional<ChannelRow> of(NodeDescriptor d, ObjectNode params, TableSpec in, TableSpec out) {
        if (d.role() != LeakageRole.STATELESS || !in.columns().stream().map(ColumnSpec::name).toList().equals(out.columns().stream().map(ColumnSpec::name).toList())) {
            return Optional.empty();
        }
        for (ParamDescriptor p : d.params()) {
            if (p.type() != ParamType.COLUMNS) {
                continue;
            }
            JsonNode listed = params != null && params.has(p.name()) ? params.get(p.name()) : p.defaultJson();
            List<String> names = new ArrayList<>();
            if (listed != null && listed.isArray()) {
                listed.forEach(n -> names.add(n.asText()));
            }
            if (names.isEmpty()) {
                in.columns().stream().filter(c -> c.role().isUsedAsFeature() && c.isNumeric() && !c.isTensor()).map(ColumnSpec::name).forEach(names::add);
            }
            Optional<ChannelRow> row = of(names, in, out);
            if (row.isPresent()) {
                return row;
            }
        }
        return Optional.empty();
    }

    /** The largest set of columns among {@code names} named by one axis, in axis order, if it is a spectrum. */
    private static Optional<ChannelRow> of(List<String> names, TableSpec in, TableSpec out) {
        Map<String, List<Map.Entry<String, Double>>> byAxis = new LinkedHashMap<>();
        for (String n : names) {
            Map.Entry<String, Double> ch = ComponentPlots.channel(n);
            boolean numeric = in.column(n).filter(c -> c.isNumeric() && !c.isTensor()).isPresent() && out.column(n).filter(c -> c.isNumeric() && !c.isTensor()).isPresent();
            if (ch != null && numeric) {
                byAxis.computeIfAbsent(ch.getKey(), k -> new ArrayList<>()).add(Map.entry(n, ch.getValue()));
            }
        }
        return byAxis.entrySet().stream().max(Comparator.comparingInt(e -> e.getValue().size())).filter(e -> e.getValue().size() >= MIN_CHANNELS).map(e -> {
            List<Map.Entry<String, Double>> sorted = new ArrayList<>(e.getValue());
            sorted.sort(Map.Entry.comparingByValue());
            return new ChannelRow(e.getKey(), sorted.stream().map(Map.Entry::getKey).toList(), sorted.stream().map(Map.Entry::getValue).toList());
        });
    }

    @Override
    public Optional<BeforeAfter.Rows> rows(Table before, Table after) {
        boolean all = channels.stream().allMatch(c -> before.column(c).orElse(null) instanceof NumericColumn && after.column(c).orElse(null) instanceof NumericColumn);
        return !all || before.rowCount() != after.rowCount() || before.rowCount() == 0 ? Optional.empty()
                : Optional.of(new BeforeAfter.Rows(before.rowCount(), 1, BeforeAfter.rowNames(before)));
    }

    @Override
    public List<Plot> plots(Table before, Table after, BeforeAfter.Rows rows, int row, int channel) {
        double[] x = positions.stream().mapToDouble(Double::doubleValue).toArray();
        return List.of(Plot.of(Plot.Kind.LINE, axis + " channels, " + rows.name(row) + ": before and after", axis,
                BeforeAfter.yLabel(before.numeric(channels.get(0)).unit()), List.of(Plot.Series.of("before", x, values(before, row)),
                        Plot.Series.of("after", x, values(after, row))), List.of()));
    }

    /** Every channel column came through as the same column (data.select keeping them all): nothing changed. */
    @Override
    public boolean untouched(Table before, Table after) {
        return channels.stream().allMatch(c -> before.column(c).isPresent() && before.column(c).get() == after.column(c).orElse(null));
    }

    private double[] values(Table t, int row) {
        double[] y = new double[channels.size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = t.numeric(channels.get(i)).get(row);
        }
        return y;
    }
}
