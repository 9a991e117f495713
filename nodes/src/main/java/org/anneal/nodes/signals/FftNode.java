package org.anneal.nodes.signals;

import org.anneal.ml.Dft;
import org.anneal.spec.Axis;
import org.anneal.spec.LeakageRole;
import org.anneal.spec.NodeType;
import org.anneal.spec.Param;
import org.anneal.spec.Phase;

@NodeType(id = "signals.fft", title = "Amplitude spectrum (FFT)", phase = Phase.PREPARE, role = LeakageRole.STATELESS, usesSeed = false,
        doc = """
                Replaces every channel of every signal window of n samples by its one-sided amplitude spectrum: n/2 + 1 \
                frequencies from 0 to the Nyquist frequency 1/(2Δt) in steps of 1/(nΔt), each the amplitude of the cosine at \
                that frequency (|X_k|·2/n, and |X_k|/n at 0 and at Nyquist), so a sine of amplitude A that fits the window a \
                whole number of times shows as A in one bin. `remove-mean` subtracts the window's mean first, so the 0 Hz bin \
                does not dwarf the rest. An oscillating controller or a vibrating machine shows as a peak. Radix-2 FFT when n \
                is a power of two, a direct transform otherwise. Window by window, so nothing is learnt from other rows.""")
public final class FftNode extends SignalStepNode<FftNode.Params> {

    public record Params(
            @Param(doc = "Signal column", def = "\"signal\"", hint = Param.Hint.COLUMN) String column,
            @Param(doc = "Subtract each window's mean before the transform", def = "true") boolean removeMean) {
    }

    @Override
    protected String column(Params p) {
        return p.column();
    }

    @Override
    protected Axis outAxis(Axis time, Params p) {
        int n = time.size();
        String unit = time.unit().equals("s") ? "Hz" : time.unit().isEmpty() ? "1/step" : "1/" + time.unit();
        return Axis.regular("frequency", n / 2 + 1, unit, 0, 1 / (n * time.step()));
    }

    @Override
    protected double[] process(double[] y, double dt, Params p) {
        int n = y.length;
        double[] re = y.clone();
        double[] im = new double[n];
        if (p.removeMean()) {
            double mean = 0;
            for (double v : y) {
                mean += v / n;
            }
            for (int i = 0; i < n; i++) {
                re[i] -= mean;
            }
        }
        Dft.transform(re, im, n);
        double[] a = new double[n / 2 + 1];
        for (int k = 0; k < a.length; k++) {
            double scale = k == 0 || 2 * k == n ? 1.0 / n : 2.0 / n;
            a[k] = Math.hypot(re[k], im[k]) * scale;
        }
        return a;
    }
}
