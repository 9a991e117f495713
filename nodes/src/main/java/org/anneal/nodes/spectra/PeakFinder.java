package org.anneal.nodes.spectra;

import java.util.ArrayList;
import java.util.List;

/**
 * Peak finding as scipy.signal.find_peaks does it (SciPy 1.x, {@code _peak_finding.py} and {@code _peak_finding_utils.pyx}):
 * local maxima, a flat top counting once at its middle (rounded down); each peak's prominence is its height above the
 * higher of the two lowest points between it and the nearest higher sample on either side (or the ends); its width is
 * measured at half the prominence below the top, between the linearly interpolated crossings, the
 * {@code peak_widths(rel_height=0.5)} of SciPy. Positions are in samples.
 */
final class PeakFinder {
    private PeakFinder() {
    }

    /** One peak: index, prominence, bases, and the interpolated half-prominence crossings (samples). */
    record Peak(int index, double prominence, int leftBase, int rightBase, double leftIp, double rightIp) {
        double width() {
            return rightIp - leftIp;
        }
    }

    /**
     * The peaks of {@code x} in increasing position. Only a local maximum whose prominence passes is measured further
     * (half-prominence crossings), and maxima are walked as found, without a list of them.
     */
    static List<Peak> find(double[] x, double minProminence, double minWidth) {
        List<Peak> out = new ArrayList<>();
        int i = 1;
        int last = x.length - 1;
        while (i < last) {
            if (x[i - 1] < x[i]) {
                int ahead = i + 1;
                while (ahead < last && x[ahead] == x[i]) {
                    ahead++;
                }
                if (x[ahead] < x[i]) {
                    int peak = (i + ahead - 1) / 2;
                    if (x[peak] - Math.max(x[leftBase(x, peak)], x[rightBase(x, peak)]) >= minProminence) {
                        Peak p = measure(x, peak);
                        if (p.width() >= minWidth) {
                            out.add(p);
                        }
                    }
                    i = ahead;
                }
            }
            i++;
        }
        return out;
    }

    /** The lowest point between the peak and the nearest higher sample on the left (or the start); the first of equals. */
    private static int leftBase(double[] x, int peak) {
        int base = peak;
        double min = x[peak];
        for (int i = peak; i >= 0 && x[i] <= x[peak]; i--) {
            if (x[i] < min) {
                min = x[i];
                base = i;
            }
        }
        return base;
    }

    /** The same on the right. */
    private static int rightBase(double[] x, int peak) {
        int base = peak;
        double min = x[peak];
        for (int i = peak; i < x.length && x[i] <= x[peak]; i++) {
            if (x[i] < min) {
                min = x[i];
                base = i;
            }
        }
        return base;
    }

    static Peak measure(double[] x, int peak) {
        int leftBase = leftBase(x, peak);
        int rightBase = rightBase(x, peak);
        double prominence = x[peak] - Math.max(x[leftBase], x[rightBase]);
        double height = x[peak] - 0.5 * prominence;
        int i = peak;
        while (leftBase < i && height < x[i]) {
            i--;
        }
        double leftIp = i;
        if (x[i] < height) {
            leftIp += (height - x[i]) / (x[i + 1] - x[i]);
        }
        i = peak;
        while (i < rightBase && height < x[i]) {
            i++;
        }
        double rightIp = i;
        if (x[i] < height) {
            rightIp -= (height - x[i]) / (x[i - 1] - x[i]);
        }
        return new Peak(peak, prominence, leftBase, rightBase, leftIp, rightIp);
    }
}
