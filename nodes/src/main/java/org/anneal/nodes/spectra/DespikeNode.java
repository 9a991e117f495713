package org.anneal.nodes.spectra;

import java.util.Arrays;
import java.util.List;
import org.anneal.spec.Axis;
import org.anneal.spec.LeakageRole;
import org.anneal.spec.NodeType;
import org.anneal.spec.Param;
import org.anneal.spec.Phase;

@NodeType(id = "spectra.despike", title = "Remove cosmic-ray spikes", phase = Phase.PREPARE, role = LeakageRole.STATELESS, usesSeed = false,
        doc = """
                Removes cosmic-ray spikes from every spectrum on its own, after Whitaker and Hayes (2018): the first \
                differences Δyᵢ = yᵢ₊₁ − yᵢ (of 2√(y + 3/8) when no value is negative, Anscombe's transform that gives \
                counting noise one spread at every level) are scored with the modified z-score z = 0.6745 (Δ − median Δ) / MAD(Δ) \
                (Iglewicz and Hoaglin), which a few huge jumps cannot inflate as they would a standard deviation. A spike is \
                a jump up with z above `threshold` followed within `width` channels by a jump down with z below −`threshold`, \
                after which the spectrum returns to the level it left (the two sides differ by less than half the spike's \
                height, or by no more than noise): a real band rises and falls more gently, over more channels, and its top \
                does not sit on a flat base, so it stays. Each spike's channels are \
                replaced by the straight line between the channels either side of it. Appends `spikes_removed`, the count \
                per spectrum. Limits: a band narrower than about `width` + 1 channels looks like a spike; a band's steepest \
                flank scores about 0.2·h/√(2(h + background)) for a band of height h, which grows with the counts, so raise \
                `threshold` for very strong spectra; a small spike on the steep flank of a strong band may be kept; only upward \
                spikes are sought (cosmic rays add charge).""")
public final class DespikeNode extends SpectrumMeasureNode<DespikeNode.Params> {

    public record Params(
            @Param(doc = "Spectrum column", def = "\"spectrum\"", hint = Param.Hint.COLUMN) String column,
            @Param(doc = "Modified z-score a jump must pass", def = "6", min = 1, max = 1000) double threshold,
            @Param(doc = "Widest spike, channels", def = "3", min = 1, max = 50) int width) {
    }

    @Override
    protected String column(Params p) {
        return p.column();
    }

    @Override
    protected List<String> measures(Params p) {
        return List.of("spikes_removed");
    }

    @Override
    protected void check(Axis axis, Params p) {
        // any axis: spikes are found in channels
    }

    @Override
    protected boolean rewrites() {
        return true;
    }

    @Override
    protected double[] measure(double[] y, Axis axis, Params p) {
        boolean[] spike = find(y, p.threshold(), p.width());
        int count = 0;
        for (int i = 0; i < y.length; i++) {
            if (!spike[i]) {
                continue;
            }
            int end = i;
            while (end + 1 < y.length && spike[end + 1]) {
                end++;
            }
            double left = i > 0 ? y[i - 1] : y[Math.min(end + 1, y.length - 1)];
            double right = end + 1 < y.length ? y[end + 1] : left;
            for (int k = i; k <= end; k++) {
                y[k] = left + (right - left) * (k - i + 1) / (end - i + 2);
            }
            count++;
            i = end;
        }
        return new double[] {count};
    }

    /** The channels that belong to a spike. */
    static boolean[] find(double[] counts, double threshold, int width) {
        int n = counts.length;
        // counts: Anscombe's 2√(y + 3/8) gives Poisson noise the same spread at every level, so a band's noisy top does
        // not score as high as its background's quiet jumps would make it
        boolean nonNegative = Arrays.stream(counts).allMatch(v -> v >= 0);
        double[] y = nonNegative ? Arrays.stream(counts).map(v -> 2 * Math.sqrt(v + 0.375)).toArray() : counts;
        boolean[] spike = new boolean[n];
        if (n < 3) {
            return spike;
        }
        double[] d = new double[n - 1];
        for (int i = 0; i < d.length; i++) {
            d[i] = y[i + 1] - y[i];
        }
        double median = median(d.clone());
        double[] dev = new double[d.length];
        for (int i = 0; i < d.length; i++) {
            dev[i] = Math.abs(d[i] - median);
        }
        double mad = median(dev);
        if (mad == 0) {
            return spike; // a flat or integer-stepped spectrum with no spread: nothing to score against
        }
        // z of the jump into channel i is that of d[i − 1]
        for (int i = 1; i < n; i++) {
            if (0.6745 * (d[i - 1] - median) / mad <= threshold) {
                continue;
            }
            for (int j = i + 1; j <= Math.min(n - 1, i + width); j++) {
                if (0.6745 * (d[j - 1] - median) / mad < -threshold) {
                    // a spike two channels wide may come down in two steep steps: both are its own
                    while (j + 1 <= Math.min(n - 1, i + width) && 0.6745 * (d[j] - median) / mad < -threshold) {
                        j++;
                    }
                    if (onItsBase(y, i, j, median, mad, threshold)) {
                        Arrays.fill(spike, i, j, true);
                        i = j - 1;
                    }
                    break;
                }
            }
        }
        return spike;
    }

    /**
     * Whether channels [i, j) stand on a base the spectrum returns to: the channels either side differ by less than half
     * the spike's height over them, or by no more than noise. The top of a sharp band fails this: its two sides differ
     * by as much as the band's top rises over them.
     */
    private static boolean onItsBase(double[] y, int i, int j, double median, double mad, double threshold) {
        double lowest = Double.MAX_VALUE;
        for (int k = i; k < j; k++) {
            lowest = Math.min(lowest, y[k]);
        }
        double base = y[j] - y[i - 1];
        double height = lowest - Math.max(y[i - 1], y[j]);
        // half the threshold: the base is two or three channels apart, not one, and a band top sits only a little above it
        return Math.abs(base) < 0.5 * height || Math.abs(0.6745 * (base - median) / mad) <= threshold / 2;
    }

    private static double median(double[] v) {
        Arrays.sort(v);
        int m = v.length / 2;
        return v.length % 2 == 1 ? v[m] : (v[m - 1] + v[m]) / 2;
    }
}
