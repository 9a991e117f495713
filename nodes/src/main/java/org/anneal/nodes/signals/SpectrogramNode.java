package org.anneal.nodes.signals;

import java.util.ArrayList;
import java.util.List;
import org.anneal.data.Table;
import org.anneal.data.TensorColumn;
import org.anneal.ml.Dft;
import org.anneal.spec.Axis;
import org.anneal.spec.ColumnRole;
import org.anneal.spec.ColumnSpec;
import org.anneal.spec.ConfigContext;
import org.anneal.spec.ConfigError;
import org.anneal.spec.DataKind;
import org.anneal.spec.ExecContext;
import org.anneal.spec.InPort;
import org.anneal.spec.Inputs;
import org.anneal.spec.LeakageRole;
import org.anneal.spec.Node;
import org.anneal.spec.NodeFailure;
import org.anneal.spec.NodeType;
import org.anneal.spec.OutPort;
import org.anneal.spec.Outputs;
import org.anneal.spec.Param;
import org.anneal.spec.Phase;
import org.anneal.spec.Shape;
import org.anneal.spec.Specs;
import org.anneal.spec.TableSpec;

@NodeType(id = "signals.spectrogram", title = "Spectrogram", phase = Phase.PREPARE, role = LeakageRole.STATELESS, usesSeed = false,
        doc = """
                How the frequency content of a signal changes over time (a short-time Fourier transform): every signal \
                window is cut into frames of `frame` samples that start `hop` samples apart, each frame is tapered (Hann, \
                or left `rectangular`), its mean removed, and replaced by its one-sided amplitude spectrum. The result is a \
                new column `output` of [time, frequency] per row: frame centres on the time axis, 0 to the Nyquist \
                frequency 1/(2Δt) in steps of 1/(frame·Δt) on the other. Amplitudes are divided by the taper's sum, so a \
                sine of amplitude A whose frequency falls on a bin shows as A there (the Hann taper spreads it over that bin \
                and its two neighbours at A/2). Long frames resolve frequency finely and time coarsely; short frames the \
                reverse. The signal column is kept. Row by row, so nothing is learnt from other rows.""")
public final class SpectrogramNode implements Node<SpectrogramNode.Params> {

    public record Params(
            @Param(doc = "Signal column", def = "\"signal\"", hint = Param.Hint.COLUMN) String column,
            @Param(doc = "Channel of the signal (1 = first)", def = "1", min = 1, max = 10000) int channel,
            @Param(doc = "Samples per frame", def = "64", min = 4, max = 1000000) int frame,
            @Param(doc = "Samples from one frame's start to the next", def = "32", min = 1, max = 1000000) int hop,
            @Param(doc = "Taper of each frame", def = "\"hann\"") Taper taper,
            @Param(doc = "Name of the new [time, frequency] column", def = "\"spectrogram\"") String output) {
    }

    /** The window each frame is multiplied by before its transform. */
    public enum Taper { HANN, RECTANGULAR }

    static final InPort<Table> TABLE = InPort.of("table", DataKind.TABLE, Table.class, "Rows with a signal column");
    static final OutPort<Table> OUT = OutPort.of("out", DataKind.TABLE, Table.class, "The same rows with a [time, frequency] column added");

    @Override
    public Specs configure(Specs in, Params p, ConfigContext ctx) throws ConfigError {
        TableSpec t = in.table(TABLE);
        ColumnSpec c = t.requireColumn(p.column(), "column");
        Axis time = SignalStepNode.timeAxis(c);
        int channels = c.shape().rank() > 1 ? c.shape().axis(1).size() : 1;
        if (p.channel() > channels) {
            throw ConfigError.atParam("channel", "The signal '" + c.name() + "' has " + channels + " channel(s), so there is no channel "
                    + p.channel() + ".", "Choose a channel from 1 to " + channels + ".");
        }
        if (p.frame() > time.size()) {
            throw ConfigError.atParam("frame", "A frame of " + p.frame() + " samples is longer than the signal windows of '" + c.name() + "' ("
                    + time.size() + " samples).", "Use a frame of at most " + time.size() + " samples, or longer windows (signals.window).");
        }
        if (p.output().isBlank() || (t.column(p.output()).isPresent())) {
            throw ConfigError.atParam("output", p.output().isBlank() ? "The new column needs a name."
                    : "The table already has a column '" + p.output() + "'.", "Choose another name for the spectrogram column.");
        }
        List<ColumnSpec> cols = new ArrayList<>(t.columns());
        cols.add(ColumnSpec.tensor(p.output(), ColumnRole.FEATURE, shape(time, p), c.unit()));
        return Specs.of(OUT, t.withColumns(cols));
    }

    static Shape shape(Axis time, Params p) {
        int frames = 1 + (time.size() - p.frame()) / p.hop();
        double dt = time.step();
        double first = time.start() + (p.frame() - 1) / 2.0 * dt; // the centre of the first frame
        String freqUnit = time.unit().equals("s") ? "Hz" : time.unit().isEmpty() ? "1/step" : "1/" + time.unit();
        return Shape.of(Axis.regular(time.name(), frames, time.unit(), first, p.hop() * dt),
                Axis.regular("frequency", p.frame() / 2 + 1, freqUnit, 0, 1 / (p.frame() * dt)));
    }

    @Override
    public Outputs execute(Inputs in, Params p, ExecContext ctx) {
        Table t = in.get(TABLE);
        TensorColumn c = (TensorColumn) t.column(p.column()).orElseThrow();
        Axis time = c.shape().axis(0);
        Shape out = shape(time, p);
        int n = time.size();
        int channels = c.rowSize() / n;
        int frames = out.axis(0).size();
        int bins = out.axis(1).size();
        double[] taper = taper(p);
        double sum = 0;
        for (double w : taper) {
            sum += w;
        }
        float[] values = new float[c.size() * frames * bins];
        boolean[] missing = new boolean[c.size()];
        double[] re = new double[p.frame()];
        double[] im = new double[p.frame()];
        for (int r = 0; r < c.size(); r++) {
            if ((r & 63) == 0) {
                ctx.checkCancelled();
                ctx.progress(r / (double) c.size());
            }
            missing[r] = c.isMissing(r);
            if (missing[r]) {
                java.util.Arrays.fill(values, r * frames * bins, (r + 1) * frames * bins, Float.NaN);
                continue;
            }
            for (int f = 0; f < frames; f++) {
                double mean = 0;
                for (int i = 0; i < p.frame(); i++) {
                    float v = c.values()[r * c.rowSize() + (f * p.hop() + i) * channels + p.channel() - 1];
                    if (Float.isNaN(v)) {
                        throw new NodeFailure("Row " + (r + 1) + " of '" + c.name() + "' has no value at time step " + (f * p.hop() + i + 1) + ".",
                                "Fill or drop windows with gaps first.");
                    }
                    re[i] = v;
                    mean += v / p.frame();
                }
                for (int i = 0; i < p.frame(); i++) {
                    re[i] = (re[i] - mean) * taper[i];
                    im[i] = 0;
                }
                Dft.transform(re, im, p.frame());
                for (int k = 0; k < bins; k++) {
                    double scale = k == 0 || 2 * k == p.frame() ? 1 / sum : 2 / sum;
                    values[(r * frames + f) * bins + k] = (float) (Math.hypot(re[k], im[k]) * scale);
                }
            }
        }
        return Outputs.of(OUT, t.with(new TensorColumn(p.output(), ColumnRole.FEATURE, out, values, missing, c.unit())));
    }

    /** The periodic Hann taper (sin² over the frame), or ones. */
    static double[] taper(Params p) {
        double[] w = new double[p.frame()];
        for (int i = 0; i < w.length; i++) {
            w[i] = p.taper() == Taper.HANN ? 0.5 - 0.5 * Math.cos(2 * Math.PI * i / w.length) : 1;
        }
        return w;
    }
}
