package org.anneal.nodes.evaluate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.anneal.data.CategoricalColumn;
import org.anneal.data.Column;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.data.TensorColumn;
import org.anneal.spec.Axis;
import org.anneal.spec.NodeFailure;

/**
 * Reference spectra read on the channels a decomposition's parts were learnt on. The parts table names each channel as
 * spectra.to-columns did ({@code 2θ_26.64}, {@code energy_1.74}, or {@code spectrum_12} without a grid); a reference
 * held as a spectrum column is read at the channel of its own axis nearest that value (within half a step, else the two
 * are on different grids), one held as columns is read from the column of that name.
 *
 * @param names one name per reference
 * @param values {@code values[r][k]}: reference r on channel k of the parts
 */
record ReferenceSpectra(List<String> names, double[][] values) {

    static ReferenceSpectra read(Table refs, String nameColumn, String spectrumColumn, List<String> channels) {
        CategoricalColumn name = (CategoricalColumn) refs.column(nameColumn).orElseThrow();
        List<String> names = new ArrayList<>();
        for (int r = 0; r < refs.rowCount(); r++) {
            if (name.isMissing(r)) {
                throw new NodeFailure("Reference row " + (r + 1) + " has no name in '" + nameColumn + "'.", "Give every reference a name.");
            }
            names.add(name.get(r));
        }
        double[][] v = new double[refs.rowCount()][channels.size()];
        if (spectrumColumn.isEmpty()) {
            for (int k = 0; k < channels.size(); k++) {
                Column c = refs.column(channels.get(k)).orElseThrow(() -> new NodeFailure("The references have no column '"
                        + channels.get(0) + "' (or another channel of the parts).", "Spread the references with spectra.to-columns and the same 'every' as the parts, or keep them as a spectrum column."));
                for (int r = 0; r < v.length; r++) {
                    v[r][k] = ((NumericColumn) c).get(r);
                }
            }
        } else {
            TensorColumn s = (TensorColumn) refs.column(spectrumColumn).orElseThrow();
            int[] at = channelsOn(s.shape().axis(0), spectrumColumn, channels);
            for (int r = 0; r < v.length; r++) {
                if (s.isMissing(r)) {
                    throw new NodeFailure("Reference '" + names.get(r) + "' has no spectrum.", "Drop that row before matching.");
                }
                for (int k = 0; k < at.length; k++) {
                    v[r][k] = s.values()[s.offset(r) + at[k]];
                }
            }
        }
        for (int r = 0; r < v.length; r++) {
            for (double x : v[r]) {
                if (Double.isNaN(x)) {
                    throw new NodeFailure("Reference '" + names.get(r) + "' has a missing value on the parts' channels.", "Impute or drop it first.");
                }
            }
        }
        return new ReferenceSpectra(names, v);
    }

    /** The index on {@code axis} of every channel name, or a failure naming the first that does not fit. */
    static int[] channelsOn(Axis axis, String column, List<String> channels) {
        int[] out = new int[channels.size()];
        for (int k = 0; k < out.length; k++) {
            String ch = channels.get(k);
            int cut = ch.lastIndexOf('_');
            String prefix = cut < 0 ? "" : ch.substring(0, cut);
            double value;
            try {
                value = Double.parseDouble(ch.substring(cut + 1));
            } catch (NumberFormatException e) {
                value = Double.NaN;
            }
            int index = -1;
            if (axis.hasGrid() && prefix.equals(axis.name()) && !Double.isNaN(value)) {
                index = nearest(axis, value);
            } else if (prefix.equals(column) && value == Math.rint(value) && value >= 1 && value <= axis.size()) {
                index = (int) value - 1;
            }
            if (index < 0) {
                throw new NodeFailure("The parts' channel '" + ch + "' is not a channel of the references' axis " + describe(axis) + ".",
                        "Decompose spectra on the same axis as the references (spectra.resample both onto one grid).");
            }
            out[k] = index;
        }
        return out;
    }

    /** The channel whose value is within half a spacing of {@code value}, or −1. */
    private static int nearest(Axis axis, double value) {
        int best = 0;
        for (int i = 1; i < axis.size(); i++) {
            if (Math.abs(axis.value(i) - value) < Math.abs(axis.value(best) - value)) {
                best = i;
            }
        }
        double spacing = axis.size() < 2 ? 0 : Math.abs(axis.value(Math.min(best + 1, axis.size() - 1)) - axis.value(Math.max(best - 1, 0)))
                / (best == 0 || best == axis.size() - 1 ? 1 : 2);
        return Math.abs(axis.value(best) - value) <= spacing / 2 + 1e-9 * Math.max(1, Math.abs(value)) ? best : -1;
    }

    private static String describe(Axis a) {
        return String.format(Locale.ROOT, "'%s' (%s)", a.name(), a.range());
    }
}
