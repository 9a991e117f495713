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
 * Powder patterns of mixtures of phases from {@link XrdPhases}, each computed from its structure by
 * {@link PowderPattern}. Weight fractions are scaled as in the reference-intensity-ratio method: phase j contributes
 * w_j / ρ_j times its pattern per unit volume, which holds for a thick sample when every phase has the same mass
 * absorption coefficient (no absorption contrast, no microabsorption — the approximation this generator makes; with Cu
 * radiation an iron phase really absorbs some ten times more than corundum). Each pattern adds a quadratic background,
 * a flat Fe fluorescence level in proportion to the sample's iron mass fraction when the tube is Cu (Cu Kα, 8.05 keV,
 * lies above the Fe K edge at 7.11 keV; Co Kα does not) and Poisson counting noise.
 */
final class XrdPhaseMixtures {
    /** Everything that shapes one set of patterns; {@code counts} is the noise-free top of the tallest pure-phase peak. */
    record Setup(List<String> phases, double from, double step, int channels, XrayTube tube, PowderPattern.Broadening broadening,
            double counts, double background, double fluorescence) {
        double to() {
            return from + (channels - 1) * step;
        }
    }

    private XrdPhaseMixtures() {
    }

    static Axis axis(Setup s) {
        return Axis.regular("2θ", s.channels(), "°", s.from(), s.step());
    }

    static String fractionColumn(String phase) {
        return "fraction_" + phase.replace('-', '_');
    }

    /**
     * The noise-free pattern of each pure phase on the grid, in counts, scaled together: each is its pattern per unit
     * volume over its density (so a mixture is Σ w_j · pure_j), and the tallest of them peaks at {@code counts}.
     */
    static double[][] purePatterns(Setup s) {
        double[] x = new double[s.channels()];
        for (int i = 0; i < x.length; i++) {
            x[i] = s.from() + i * s.step();
        }
        double[][] pure = new double[s.phases().size()][];
        double top = 0;
        for (int k = 0; k < pure.length; k++) {
            Crystal c = XrdPhases.PHASES.get(s.phases().get(k));
            // lines a little past the grid end, so tails of peaks just outside still reach it
            pure[k] = PowderPattern.profile(PowderPattern.lines(c, s.tube().kAlpha1, s.to() + 2), x, s.tube(), s.broadening());
            for (int i = 0; i < x.length; i++) {
                pure[k][i] /= c.density();
                top = Math.max(top, pure[k][i]);
            }
        }
        for (double[] p : pure) {
            for (int i = 0; i < p.length; i++) {
                p[i] *= top > 0 ? s.counts() / top : 0;
            }
        }
        return pure;
    }

    /** One row per phase: {@code phase} and its noise-free pure pattern (no rows computed when {@code withData} is false). */
    static Table pure(Setup s, boolean withData) {
        double[][] pure = withData ? purePatterns(s) : null;
        List<float[]> patterns = new ArrayList<>();
        for (int k = 0; k < s.phases().size(); k++) {
            float[] f = new float[s.channels()];
            for (int i = 0; withData && i < f.length; i++) {
                f[i] = (float) pure[k][i];
            }
            patterns.add(f);
        }
        int[] codes = java.util.stream.IntStream.range(0, s.phases().size()).toArray();
        return new Table(List.of(new CategoricalColumn("phase", ColumnRole.ID, codes, s.phases()),
                TensorColumn.of("pattern", ColumnRole.FEATURE, Shape.spectrum(axis(s)), patterns).withUnit("counts")));
    }

    static Table generate(Setup s, int samples, int replicates, String target, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        // no rows (the spec alone, at configure time): no pattern to compute
        double[][] pure = samples * replicates == 0 ? new double[s.phases().size()][] : purePatterns(s);
        int phases = pure.length;
        double[] iron = new double[phases];
        for (int k = 0; k < phases; k++) {
            iron[k] = XrdPhases.PHASES.get(s.phases().get(k)).ironFraction();
        }
        int n = samples * replicates;
        List<float[]> patterns = new ArrayList<>(n);
        double[][] fractions = new double[phases][n];
        int[] major = new int[n];
        int[] sampleCode = new int[n];
        double[] replicate = new double[n];
        List<String> sampleNames = new ArrayList<>();
        for (int sample = 0; sample < samples; sample++) {
            sampleNames.add(String.format("S%03d", sample + 1));
            double[] w = XrdMixtures.fractions(rnd, phases);
            double ironShare = 0;
            int big = 0;
            for (int k = 0; k < phases; k++) {
                ironShare += w[k] * iron[k];
                big = w[k] > w[big] ? k : big;
            }
            for (int r = 0; r < replicates; r++) {
                int row = sample * replicates + r;
                for (int k = 0; k < phases; k++) {
                    fractions[k][row] = w[k];
                }
                major[row] = big;
                sampleCode[row] = sample;
                replicate[row] = r + 1;
                patterns.add(pattern(s, pure, w, ironShare, rnd));
            }
        }
        List<Column> cols = new ArrayList<>();
        cols.add(TensorColumn.of("pattern", ColumnRole.FEATURE, Shape.spectrum(axis(s)), patterns).withUnit("counts"));
        for (int k = 0; k < phases; k++) {
            String name = fractionColumn(s.phases().get(k));
            cols.add(new NumericColumn(name, name.equals(target) ? ColumnRole.TARGET : ColumnRole.IGNORE, fractions[k]));
        }
        cols.add(new CategoricalColumn("major_phase", "major_phase".equals(target) ? ColumnRole.TARGET : ColumnRole.IGNORE, major,
                List.copyOf(s.phases())));
        cols.add(new CategoricalColumn("sample", ColumnRole.GROUP, sampleCode, sampleNames));
        cols.add(new NumericColumn("replicate", ColumnRole.ID, replicate));
        return new Table(cols);
    }

    /** One noisy pattern: Σ w_j pure_j + a quadratic background + Fe fluorescence, then Poisson counts. */
    static float[] pattern(Setup s, double[][] pure, double[] w, double ironShare, SplittableRandom rnd) {
        // background b·(c0 + c1 t + c2 t²), t from 0 to 1 over the grid: positive everywhere (c0 ≥ 0.6, |c1|, |c2| ≤ 0.25)
        double c0 = 0.6 + 0.8 * rnd.nextDouble();
        double c1 = 0.5 * rnd.nextDouble() - 0.25;
        double c2 = 0.5 * rnd.nextDouble() - 0.25;
        double flat = s.tube() == XrayTube.CU ? s.fluorescence() * ironShare : 0;
        float[] out = new float[s.channels()];
        for (int i = 0; i < out.length; i++) {
            double t = s.channels() > 1 ? i / (double) (s.channels() - 1) : 0;
            double mean = s.background() * (c0 + c1 * t + c2 * t * t) + flat;
            for (int k = 0; k < pure.length; k++) {
                mean += w[k] * pure[k][i];
            }
            out[i] = XrdMixtures.poisson(mean, rnd);
        }
        return out;
    }
}
