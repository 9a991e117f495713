package org.anneal.nodes.spectra;

import org.anneal.spec.LeakageRole;
import org.anneal.spec.NodeType;
import org.anneal.spec.Param;
import org.anneal.spec.Phase;
import org.anneal.spec.Shape;

@NodeType(id = "spectra.baseline", title = "Baseline removal", phase = Phase.PREPARE, role = LeakageRole.STATELESS, usesSeed = false,
        doc = """
                Removes a slowly varying background (fluorescence, bremsstrahlung, an amorphous hump) from every spectrum on \
                its own. `als`: asymmetric least squares (Eilers and Boelens 2005): a smooth curve that points above it \
                (peaks) pull on with the small weight `asymmetry` and points below it with 1 − `asymmetry`, re-weighted \
                `iterations` times; `smoothness` (λ) sets how stiff the curve is (10²–10⁹; larger for wider peaks). `snip` \
                instead clips peaks away: each point becomes the mean of its neighbours p channels off when that is lower, for \
                p = 1 … `width`. `polynomial`: the modified polyfit of Lieber and Mahadevan-Jansen (2003): a polynomial of \
                `degree` is fitted by least squares, every point above it is lowered onto it, and the fit is repeated on the \
                lowered spectrum until it moves by less than 10⁻⁶ of the spectrum's range (at most `iterations` × 10 rounds), \
                so the peaks stop pulling it up; good for broad fluorescence under Raman bands, poor for a background with \
                kinks (use `als`). The output is the spectrum minus the curve, or the curve itself with `output` = baseline. \
                Subtracting leaves small negative values where noise dips below the curve; `clip` sets them to 0, which \
                non-negative methods (NMF) need. Row by row, so it learns nothing.""")
public final class BaselineNode extends SpectrumStepNode<BaselineNode.Params> {

    public record Params(
            @Param(doc = "Spectrum column", def = "\"spectrum\"", hint = Param.Hint.COLUMN) String column,
            @Param(doc = "Asymmetric least squares, SNIP peak clipping or modified polyfit", def = "\"als\"") Method method,
            @Param(doc = "SNIP: largest clipping half-width in channels (about the half-width of the widest peak)", def = "20", min = 1,
                    max = 100000) int width,
            @Param(doc = "ALS: stiffness λ of the baseline", def = "100000", min = 1e-3, max = 1e12) double smoothness,
            @Param(doc = "ALS: weight of points above the baseline (peaks)", def = "0.01", min = 1e-6, max = 0.5) double asymmetry,
            @Param(doc = "ALS: re-weighting rounds", def = "10", min = 1, max = 100) int iterations,
            @Param(doc = "Set values below 0 to 0 after subtracting", def = "true") boolean clip,
            @Param(doc = "What to output", def = "\"corrected\"") Output output,
            @Param(doc = "Polynomial: degree of the baseline", def = "3", min = 1, max = 12) int degree) {
        /** ALS and SNIP, which take no degree. */
        public Params(String column, Method method, int width, double smoothness, double asymmetry, int iterations, boolean clip, Output output) {
            this(column, method, width, smoothness, asymmetry, iterations, clip, output, 3);
        }
    }

    /** How the baseline is found. */
    public enum Method { ALS, SNIP, POLYNOMIAL }

    /** The corrected spectrum or the fitted baseline (to see what was removed). */
    public enum Output { CORRECTED, BASELINE }

    @Override
    protected String column(Params p) {
        return p.column();
    }

    @Override
    protected double[] process(double[] y, Shape in, Params p) {
        double[] out = new double[y.length];
        kernel(in, p).apply(y, out);
        return out;
    }

    /** Per thread: one ALS solver (or polyfit basis) with its work arrays, and the baselines' arrays, for all its spectra. */
    @Override
    protected RowKernel kernel(Shape in, Params p) {
        int n = in.size();
        AsymmetricLeastSquares als = p.method() == Method.ALS ? new AsymmetricLeastSquares(n) : null;
        ModifiedPolyfit poly = p.method() == Method.POLYNOMIAL ? new ModifiedPolyfit(n, p.degree()) : null;
        double[] baseline = new double[n];
        double[] spare = new double[n];
        return new RowKernel() {
            @Override
            public void apply(double[] y, double[] out) {
                double[] z = baseline;
                if (als != null) {
                    als.baseline(y, p.smoothness(), p.asymmetry(), p.iterations(), z);
                } else if (poly != null) {
                    poly.baseline(y, 10 * p.iterations(), z);
                } else {
                    z = Snip.baseline(y, p.width(), baseline, spare);
                }
                output(y, z, out, p);
            }

            /** ALS interleaves the two spectra's solves; SNIP and polyfit have nothing to gain. */
            @Override
            public void applyPair(double[] y1, double[] out1, double[] y2, double[] out2) {
                if (als == null) {
                    RowKernel.super.applyPair(y1, out1, y2, out2);
                    return;
                }
                als.baselines(y1, baseline, y2, spare, p.smoothness(), p.asymmetry(), p.iterations());
                output(y1, baseline, out1, p);
                output(y2, spare, out2, p);
            }
        };
    }

    /** The corrected spectrum y − z (clipped at 0 if asked), or the baseline z itself. */
    private static void output(double[] y, double[] z, double[] out, Params p) {
        if (p.output() == Output.BASELINE) {
            System.arraycopy(z, 0, out, 0, out.length);
            return;
        }
        for (int i = 0; i < y.length; i++) {
            out[i] = p.clip() ? Math.max(0, y[i] - z[i]) : y[i] - z[i];
        }
    }
}
