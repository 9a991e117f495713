package org.anneal.nodes.spectra;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.SplittableRandom;
import org.anneal.data.CategoricalColumn;
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

@NodeType(id = "data.generate-raman", title = "Raman spectra with fluorescence and cosmic rays", phase = Phase.DATA, role = LeakageRole.SOURCE,
        doc = """
                Generates Raman spectra of known materials (`anatase`, `rutile`, `silicon`, `calcite`, `quartz`, \
                `graphite`: Lorentzian bands at rounded published positions with routine-instrument widths), reproducibly from \
                the workflow seed, on a Raman-shift axis from `from` to `to` cm⁻¹. Each spectrum: one material drawn from \
                `materials`, band tops at `counts` (± 20 %), a broad fluorescence background (a Gaussian hump centred beyond \
                the range's top, of height up to `fluorescence` counts), Poisson noise, and cosmic-ray spikes — a Poisson \
                number with mean `spikes` per spectrum, each one or two channels wide (one in three is two), 3 to 20 times \
                `counts` high, never within four channels of another. Columns: `spectrum`, `material` (the target), \
                `true_spikes` (how many were injected) and `spike_mask` (1 on every injected channel; the truth for \
                spectra.despike). The same mixture of Lorentzian bands on a smooth baseline also stands in for FTIR \
                absorbance bands. Left out: band asymmetry and Fano shapes, the laser line and its filter edge, etaloning, \
                and the detector's quantum-efficiency curve.""")
public final class GenerateRamanNode implements Node<GenerateRamanNode.Params> {

    public record Params(
            @Param(doc = "Materials to draw from", def = "[\"anatase\", \"rutile\", \"silicon\", \"calcite\"]") List<String> materials,
            @Param(doc = "Number of spectra", def = "60", min = 1, max = 100000) int samples,
            @Param(doc = "First Raman shift, cm⁻¹", def = "100", min = 0, max = 5000) double from,
            @Param(doc = "Last Raman shift, cm⁻¹", def = "1800", min = 1, max = 5000) double to,
            @Param(doc = "Channels", def = "2048", min = 16, max = 100000) int channels,
            @Param(doc = "Height of the strongest band, counts", def = "1000", min = 1) double counts,
            @Param(doc = "Largest fluorescence level, counts", def = "1500", min = 0) double fluorescence,
            @Param(doc = "Mean number of cosmic-ray spikes per spectrum", def = "2", min = 0, max = 50) double spikes) {
    }

    static final OutPort<Table> TABLE = OutPort.of("table", DataKind.TABLE, Table.class, "One row per spectrum");

    @Override
    public Specs configure(Specs in, Params p, ConfigContext ctx) throws ConfigError {
        return Specs.of(TABLE, generate(p, 0, 0).spec(Lineage.UNSPLIT));
    }

    @Override
    public Outputs execute(Inputs in, Params p, ExecContext ctx) throws ConfigError {
        return Outputs.of(TABLE, generate(p, p.samples(), ctx.seed()));
    }

    static Table generate(Params p, int samples, long seed) throws ConfigError {
        if (p.materials().isEmpty() || new HashSet<>(p.materials()).size() < p.materials().size()
                || !RamanBands.MATERIALS.keySet().containsAll(p.materials())) {
            throw ConfigError.atParam("materials", "Materials " + p.materials() + " are not distinct names of known materials.",
                    "Name each once, from: " + String.join(", ", RamanBands.MATERIALS.keySet()) + ".");
        }
        if (p.to() <= p.from()) {
            throw ConfigError.atParam("to", "The range ends at " + p.to() + " cm⁻¹, not above its start " + p.from() + ".", "Set `to` above `from`.");
        }
        int n = p.channels();
        double step = (p.to() - p.from()) / (n - 1);
        SplittableRandom rnd = new SplittableRandom(seed);
        List<float[]> spectra = new ArrayList<>();
        List<float[]> masks = new ArrayList<>();
        int[] material = new int[samples];
        double[] injected = new double[samples];
        for (int s = 0; s < samples; s++) {
            material[s] = rnd.nextInt(p.materials().size());
            double[][] bands = RamanBands.MATERIALS.get(p.materials().get(material[s]));
            double height = p.counts() * (0.8 + 0.4 * rnd.nextDouble());
            double level = p.fluorescence() * rnd.nextDouble();
            double centre = p.to() + (p.to() - p.from()) * (0.2 + 0.8 * rnd.nextDouble());
            double width = (p.to() - p.from()) * (0.5 + rnd.nextDouble());
            float[] y = new float[n];
            for (int i = 0; i < n; i++) {
                double nu = p.from() + i * step;
                double mean = RamanBands.spectrum(bands, nu, height) + level * Math.exp(-0.5 * Math.pow((nu - centre) / width, 2)) + 10;
                y[i] = XrdMixtures.poisson(mean, rnd);
            }
            float[] mask = new float[n];
            int count = poissonCount(p.spikes(), rnd);
            for (int k = 0; k < count; k++) {
                int at = 2 + rnd.nextInt(n - 5);
                int w = rnd.nextInt(3) == 0 ? 2 : 1;
                boolean clear = true;
                for (int i = Math.max(0, at - 4); i <= Math.min(n - 1, at + w + 3); i++) {
                    clear &= mask[i] == 0;
                }
                if (!clear) {
                    continue;
                }
                double amp = p.counts() * (3 + 17 * rnd.nextDouble());
                for (int i = at; i < at + w; i++) {
                    y[i] += (float) Math.rint(amp * (i == at ? 1 : 0.3 + 0.7 * rnd.nextDouble()));
                    mask[i] = 1;
                }
                injected[s]++;
            }
            spectra.add(y);
            masks.add(mask);
        }
        Shape shape = Shape.spectrum(Axis.regular("wavenumber", n, "cm⁻¹", p.from(), step));
        List<Column> cols = new ArrayList<>();
        cols.add(TensorColumn.of("spectrum", ColumnRole.FEATURE, shape, spectra).withUnit("counts"));
        cols.add(new CategoricalColumn("material", ColumnRole.TARGET, material, List.copyOf(p.materials())));
        cols.add(new NumericColumn("true_spikes", ColumnRole.IGNORE, injected));
        cols.add(TensorColumn.of("spike_mask", ColumnRole.IGNORE, shape, masks));
        return new Table(cols);
    }

    /** A Poisson count (Knuth), for small means. */
    private static int poissonCount(double mean, SplittableRandom rnd) {
        return (int) XrdMixtures.poisson(Math.min(mean, 29), rnd);
    }
}
