package org.anneal.nodes.spectra;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.anneal.data.Column;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.data.TensorColumn;
import org.anneal.spec.Axis;
import org.anneal.spec.ColumnRole;
import org.anneal.spec.ConfigContext;
import org.anneal.spec.ConfigError;
import org.anneal.spec.DataKind;
import org.anneal.spec.ExecContext;
import org.anneal.spec.Inputs;
import org.anneal.spec.LeakageRole;
import org.anneal.spec.Lineage;
import org.anneal.spec.Node;
import org.anneal.spec.NodeType;
import org.anneal.spec.OutPort;
import org.anneal.spec.Outputs;
import org.anneal.spec.Param;
import org.anneal.spec.Phase;
import org.anneal.spec.Shape;
import org.anneal.spec.Specs;

@NodeType(id = "data.generate-eels", title = "EELS L₂,₃ edges", phase = Phase.DATA, role = LeakageRole.SOURCE,
        doc = """
                Generates core-loss EELS spectra of a transition metal's L₂,₃ edge (Ti, Cr, Mn, Fe, Ni or Cu at its tabulated \
                L₃ and L₂ energies), reproducibly from the workflow seed, from 60 eV below L₃ in channels of `dispersion` eV. \
                Each spectrum: a power-law background A·E^−r (r drawn between `rMin` and `rMax`, A so that the background \
                at L₃ is about `background` counts per channel); the edge as two white lines (Gaussian, FWHM 2.5 eV) whose \
                areas stand in a ratio L₃/L₂ drawn between `ratioMin` and `ratioMax`, on continuum steps of heights 2 : 1 \
                (`edge` × the background at L₃), level above the edge; plural scattering by convolving the edge with the \
                low-loss spectrum at a thickness t/λ drawn between `thicknessMin` and `thicknessMax` (Poisson: zero loss \
                e^(−t/λ), n plasmons e^(−t/λ)(t/λ)ⁿ/n!, the element's bulk plasmon as a Lorentzian 6 eV wide); Poisson noise. \
                Columns: `spectrum` (energy loss, eV), `true_l3_l2` (the white-line ratio; the target), `t_lambda`, \
                `true_background_a` and `true_background_r` (the truth, ignored). Left out: fine structure, the continuum's fall far \
                above the edge, plural scattering of the background, and the spectrometer's point-spread function.""")
public final class GenerateEelsNode implements Node<GenerateEelsNode.Params> {

    public record Params(
            @Param(doc = "Element whose L₂,₃ edge is recorded", def = "\"cr\"") EelsEdge.Element element,
            @Param(doc = "Number of spectra", def = "40", min = 1, max = 100000) int samples,
            @Param(doc = "Channels", def = "800", min = 300, max = 20000) int channels,
            @Param(doc = "Channel width, eV", def = "0.25", min = 0.01, max = 2) double dispersion,
            @Param(doc = "Background at the L₃ edge, counts per channel", def = "5000", min = 1) double background,
            @Param(doc = "Smallest power-law exponent r", def = "2.5", min = 0.5, max = 8) double rMin,
            @Param(doc = "Largest power-law exponent r", def = "4", min = 0.5, max = 8) double rMax,
            @Param(doc = "Edge continuum height over the background at L₃", def = "0.3", min = 0, max = 10) double edge,
            @Param(doc = "L₃ white-line area in units of the continuum height × 1 eV", def = "8", min = 0, max = 1000) double whiteLines,
            @Param(doc = "Smallest L₃/L₂ ratio", def = "1.5", min = 0.2, max = 10) double ratioMin,
            @Param(doc = "Largest L₃/L₂ ratio", def = "4", min = 0.2, max = 10) double ratioMax,
            @Param(doc = "Smallest thickness t/λ", def = "0.1", min = 0, max = 5) double thicknessMin,
            @Param(doc = "Largest thickness t/λ", def = "0.5", min = 0, max = 5) double thicknessMax) {
    }

    static final OutPort<Table> TABLE = OutPort.of("table", DataKind.TABLE, Table.class, "One row per spectrum");

    /** Energy loss where the grid starts: 60 eV below L₃ leaves a pre-edge window for the background fit. */
    static double start(Params p) {
        return p.element().l3 - 60;
    }

    @Override
    public Specs configure(Specs in, Params p, ConfigContext ctx) throws ConfigError {
        check(p);
        return Specs.of(TABLE, generate(p, 0, 0).spec(Lineage.UNSPLIT));
    }

    @Override
    public Outputs execute(Inputs in, Params p, ExecContext ctx) throws ConfigError {
        check(p);
        return Outputs.of(TABLE, generate(p, p.samples(), ctx.seed()));
    }

    static void check(Params p) throws ConfigError {
        if (p.rMin() > p.rMax()) {
            throw ConfigError.atParam("rMin", "rMin " + p.rMin() + " is above rMax " + p.rMax() + ".", "Swap them.");
        }
        if (p.ratioMin() > p.ratioMax()) {
            throw ConfigError.atParam("ratioMin", "ratioMin " + p.ratioMin() + " is above ratioMax " + p.ratioMax() + ".", "Swap them.");
        }
        if (p.thicknessMin() > p.thicknessMax()) {
            throw ConfigError.atParam("thicknessMin", "thicknessMin " + p.thicknessMin() + " is above thicknessMax " + p.thicknessMax() + ".",
                    "Swap them.");
        }
        if (start(p) + (p.channels() - 1) * p.dispersion() < p.element().l2 + 10) {
            throw ConfigError.atParam("channels", "The grid ends before the L₂ edge at " + p.element().l2 + " eV.",
                    "Use more channels or a larger dispersion.");
        }
    }

    static Table generate(Params p, int samples, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int n = p.channels();
        double[] e = new double[n];
        for (int i = 0; i < n; i++) {
            e[i] = start(p) + i * p.dispersion();
        }
        List<float[]> spectra = new ArrayList<>();
        double[] ratio = new double[samples];
        double[] thickness = new double[samples];
        double[] a = new double[samples];
        double[] r = new double[samples];
        for (int s = 0; s < samples; s++) {
            ratio[s] = p.ratioMin() + (p.ratioMax() - p.ratioMin()) * rnd.nextDouble();
            thickness[s] = p.thicknessMin() + (p.thicknessMax() - p.thicknessMin()) * rnd.nextDouble();
            r[s] = p.rMin() + (p.rMax() - p.rMin()) * rnd.nextDouble();
            double level = p.background() * (0.8 + 0.4 * rnd.nextDouble());
            a[s] = level * Math.pow(p.element().l3, r[s]);
            double height = p.edge() * level / p.dispersion(); // per eV: × dispersion below gives counts per channel
            double[] single = EelsEdge.singleScattering(e, p.element(), height, p.whiteLines() * height, ratio[s]);
            double[] plural = EelsEdge.convolve(single, EelsEdge.lowLoss(n, p.dispersion(), p.element().plasmon, 6, thickness[s]), n);
            double[] mean = new double[n];
            for (int i = 0; i < n; i++) {
                mean[i] = a[s] * Math.pow(e[i], -r[s]) + plural[i] * p.dispersion();
            }
            spectra.add(GenerateEdsNode.noisy(mean, rnd));
        }
        List<Column> cols = new ArrayList<>();
        cols.add(TensorColumn.of("spectrum", ColumnRole.FEATURE, Shape.spectrum(Axis.regular("energy", n, "eV", start(p), p.dispersion())), spectra)
                .withUnit("counts"));
        cols.add(new NumericColumn("true_l3_l2", ColumnRole.TARGET, ratio));
        cols.add(new NumericColumn("t_lambda", ColumnRole.IGNORE, thickness));
        cols.add(new NumericColumn("true_background_a", ColumnRole.IGNORE, a));
        cols.add(new NumericColumn("true_background_r", ColumnRole.IGNORE, r));
        return new Table(cols);
    }
}
