package org.anneal.nodes.spectra;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.anneal.data.CategoricalColumn;
import org.anneal.data.Column;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.data.TensorColumn;
import org.anneal.spec.Axis;
import org.anneal.spec.ColumnRole;
import org.anneal.spec.Shape;

/**
 * XRD-like powder patterns of mixtures of quartz, calcite and halite with known weight fractions. Each phase is a fixed
 * stick pattern (2θ positions for Cu Kα and relative heights close to the published ones for these minerals, rounded; a
 * teaching approximation, not a reference pattern and not computed from structure factors) drawn with pseudo-Voigt
 * peaks (η = 0.5) that widen slowly with angle. A sample mixes two or three phases; its replicates share the fractions
 * but each has its own small zero shift, its own background (a decaying fluorescence-like slope plus a broad amorphous
 * hump) and Poisson counting noise, so every intensity is a non-negative count. Left out: Kα₂, absorption and
 * microabsorption (intensity is taken as proportional to weight fraction), preferred orientation, size/strain broadening.
 */
final class XrdMixtures {
    static final String[] PHASES = {"quartz", "calcite", "halite"};
    /** 2θ (°, Cu Kα) and relative height of the strongest lines of each phase. */
    static final double[][][] STICKS = {
        {{20.86, 22}, {26.64, 100}, {36.54, 8}, {39.47, 8}, {40.29, 4}, {42.45, 6}, {45.79, 4}, {50.14, 14}, {54.87, 4}, {59.96, 9},
            {67.74, 6}, {68.14, 7}},
        {{23.06, 8}, {29.41, 100}, {35.97, 14}, {39.40, 18}, {43.16, 18}, {47.12, 5}, {47.49, 17}, {48.51, 17}, {57.40, 8}, {60.68, 5}},
        {{27.37, 13}, {31.70, 100}, {45.45, 55}, {53.87, 2}, {56.48, 15}, {66.23, 6}, {75.30, 11}}};
    static final double START = 10;
    static final double STEP = 0.05;

    private XrdMixtures() {
    }

    static Axis axis(int channels) {
        return Axis.regular("2θ", channels, "°", START, STEP);
    }

    /**
     * @param samples    mixtures, each its own group
     * @param replicates patterns per sample
     * @param counts     counts at the top of a pure phase's strongest peak: higher means relatively less noise
     * @param maxShift   largest zero shift of a replicate, in degrees
     */
    static Table generate(int samples, int replicates, int channels, double counts, double maxShift, String target, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int n = samples * replicates;
        List<float[]> patterns = new ArrayList<>(n);
        double[][] fractions = new double[PHASES.length][n];
        int[] major = new int[n];
        int[] sampleCode = new int[n];
        double[] replicate = new double[n];
        List<String> sampleNames = new ArrayList<>();
        double[] x = new double[channels];
        for (int i = 0; i < channels; i++) {
            x[i] = START + i * STEP;
        }
        for (int s = 0; s < samples; s++) {
            sampleNames.add(String.format("S%03d", s + 1));
            double[] f = fractions(rnd);
            int big = 0;
            for (int k = 1; k < f.length; k++) {
                big = f[k] > f[big] ? k : big;
            }
            for (int r = 0; r < replicates; r++) {
                int row = s * replicates + r;
                for (int k = 0; k < f.length; k++) {
                    fractions[k][row] = f[k];
                }
                major[row] = big;
                sampleCode[row] = s;
                replicate[row] = r + 1;
                patterns.add(pattern(x, f, counts, maxShift, rnd));
            }
        }
        List<Column> cols = new ArrayList<>();
        cols.add(TensorColumn.of("pattern", ColumnRole.FEATURE, Shape.spectrum(axis(channels)), patterns).withUnit("counts"));
        for (int k = 0; k < PHASES.length; k++) {
            String name = "fraction_" + PHASES[k];
            cols.add(new NumericColumn(name, name.equals(target) ? ColumnRole.TARGET : ColumnRole.IGNORE, fractions[k]));
        }
        cols.add(new CategoricalColumn("major_phase", "major_phase".equals(target) ? ColumnRole.TARGET : ColumnRole.IGNORE, major, List.of(PHASES)));
        cols.add(new CategoricalColumn("sample", ColumnRole.GROUP, sampleCode, sampleNames));
        cols.add(new NumericColumn("replicate", ColumnRole.ID, replicate));
        return new Table(cols);
    }

    /** Two or three phases with weight fractions summing to 1 (a flat Dirichlet over the phases present). */
    static double[] fractions(SplittableRandom rnd) {
        return fractions(rnd, PHASES.length);
    }

    /** Weight fractions of {@code phases} phases summing to 1; from three phases on, half the mixtures lack one. */
    static double[] fractions(SplittableRandom rnd, int phases) {
        double[] f = new double[phases];
        int absent = phases < 3 || rnd.nextInt(2) == 0 ? -1 : rnd.nextInt(phases);
        double sum = 0;
        for (int k = 0; k < f.length; k++) {
            f[k] = k == absent ? 0 : -Math.log(1 - rnd.nextDouble());
            sum += f[k];
        }
        for (int k = 0; k < f.length; k++) {
            f[k] /= sum;
        }
        return f;
    }

    static float[] pattern(double[] x, double[] f, double counts, double maxShift, SplittableRandom rnd) {
        double shift = (2 * rnd.nextDouble() - 1) * maxShift;
        double fluorescence = counts * (0.05 + 0.10 * rnd.nextDouble());
        double decay = 15 + 15 * rnd.nextDouble();
        double floor = counts * (0.01 + 0.02 * rnd.nextDouble());
        double hump = counts * 0.04 * rnd.nextDouble();
        float[] out = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            double mean = floor + fluorescence * Math.exp(-(x[i] - START) / decay) + hump * Math.exp(-0.5 * Math.pow((x[i] - 25) / 6, 2));
            for (int k = 0; k < f.length; k++) {
                if (f[k] == 0) {
                    continue;
                }
                for (double[] stick : STICKS[k]) {
                    double centre = stick[0] + shift;
                    if (Math.abs(x[i] - centre) < 3) {
                        mean += counts * f[k] * stick[1] / 100 * pseudoVoigt(x[i] - centre, 0.10 + 0.0015 * (centre - START));
                    }
                }
            }
            out[i] = poisson(mean, rnd);
        }
        return out;
    }

    /** A peak of height 1 and full width at half maximum {@code fwhm}: half Gaussian, half Lorentzian. */
    static double pseudoVoigt(double dx, double fwhm) {
        double u = 2 * dx / fwhm;
        return 0.5 * Math.exp(-Math.log(2) * u * u) + 0.5 / (1 + u * u);
    }

    /** A Poisson count: exact (Knuth) below a mean of 30, the rounded normal approximation above, never negative. */
    static float poisson(double mean, SplittableRandom rnd) {
        if (mean < 30) {
            double limit = Math.exp(-mean);
            double prod = rnd.nextDouble();
            int k = 0;
            while (prod > limit) {
                prod *= rnd.nextDouble();
                k++;
            }
            return k;
        }
        double g = Math.sqrt(-2 * Math.log(1 - rnd.nextDouble())) * Math.cos(2 * Math.PI * rnd.nextDouble());
        return (float) Math.max(0, Math.rint(mean + Math.sqrt(mean) * g));
    }
}
