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
                and the detector's quantum-efficiency curve.

                Replicates: with `replicates` r above 1 the `samples` spectra come from samples ÷ r physical samples, each \
                measured r times, and a group column `sample` names the sample. What belongs to the sample is shared by its \
                replicates: its material (or mixture), band height, fluorescence hump, a band shift of up to ± 3 cm⁻¹ \
                (residual stress) with a broadening of 1 to 1.5 times at constant band area (smaller crystallites), and a \
                broad band of what else the sample carries (an amorphous or organic impurity: a Gaussian of FWHM 95 to 350 \
                cm⁻¹ centred anywhere in the range, up to half of `fluorescence` high). What \
                belongs to the measurement differs: an intensity factor of 0.95 to 1.05 on the whole spectrum (focus, laser \
                power), Poisson noise and spikes. One measurement per sample (the default) leaves shift, broadening, impurity \
                band and factor out, so the spectra are those of earlier versions. Replicates of a sample are far more alike than two \
                samples, so a random split lets a model recognise a test spectrum's sample (its background above all) \
                instead of reading its bands; split by `sample`.

                Target `fraction`: every sample is a mixture of the two `materials` (anatase and rutile for a P25-like \
                TiO₂) with a fraction of the first drawn uniformly from 0 to 1; the target column `<first>_fraction` \
                replaces `material`. Each phase's bands count in proportion to its fraction and both scatter equally \
                strongly, so the truth is linear in the bands; left out: real anatase scatters several times more \
                strongly than rutile (a calibration curve is needed), grain size and absorption effects, and texture.""")
public final class GenerateRamanNode implements Node<GenerateRamanNode.Params> {

    /** What the table asks a model to predict. */
    public enum Target { MATERIAL, FRACTION }

    public record Params(
            @Param(doc = "Materials to draw from", def = "[\"anatase\", \"rutile\", \"silicon\", \"calcite\"]") List<String> materials,
            @Param(doc = "Number of spectra", def = "60", min = 1, max = 100000) int samples,
            @Param(doc = "First Raman shift, cm⁻¹", def = "100", min = 0, max = 5000) double from,
            @Param(doc = "Last Raman shift, cm⁻¹", def = "1800", min = 1, max = 5000) double to,
            @Param(doc = "Channels", def = "2048", min = 16, max = 100000) int channels,
            @Param(doc = "Height of the strongest band, counts", def = "1000", min = 1) double counts,
            @Param(doc = "Largest fluorescence level, counts", def = "1500", min = 0) double fluorescence,
            @Param(doc = "Mean number of cosmic-ray spikes per spectrum", def = "2", min = 0, max = 50) double spikes,
            @Param(doc = "Spectra measured of each physical sample (above 1 adds the group column `sample`)", def = "1", min = 1, max = 1000)
            int replicates,
            @Param(doc = "Target: the `material` drawn, or the `fraction` of the first of two materials in their mixture",
                    def = "\"material\"") Target target) {

        /** One spectrum per sample, the material as target: the parameters before replicates existed. */
        public Params(List<String> materials, int samples, double from, double to, int channels, double counts, double fluorescence,
                double spikes) {
            this(materials, samples, from, to, channels, counts, fluorescence, spikes, 1, Target.MATERIAL);
        }
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

    static Table generate(Params p, int spectraCount, long seed) throws ConfigError {
        check(p);
        boolean mixture = p.target() == Target.FRACTION;
        boolean replicated = p.replicates() > 1;
        int n = p.channels();
        double step = (p.to() - p.from()) / (n - 1);
        SplittableRandom rnd = new SplittableRandom(seed);
        List<float[]> spectra = new ArrayList<>();
        List<float[]> masks = new ArrayList<>();
        int[] material = new int[spectraCount];
        double[] fraction = new double[spectraCount];
        int[] sample = new int[spectraCount];
        double[] injected = new double[spectraCount];
        int row = 0;
        for (int g = 0; g < spectraCount / p.replicates(); g++) {
            // what belongs to the sample, shared by its replicates (drawn in the order of one-spectrum versions)
            int mat = mixture ? 0 : rnd.nextInt(p.materials().size());
            double share = mixture ? rnd.nextDouble() : 1;
            double height = p.counts() * (0.8 + 0.4 * rnd.nextDouble());
            double level = p.fluorescence() * rnd.nextDouble();
            double centre = p.to() + (p.to() - p.from()) * (0.2 + 0.8 * rnd.nextDouble());
            double width = (p.to() - p.from()) * (0.5 + rnd.nextDouble());
            double shift = replicated ? -3 + 6 * rnd.nextDouble() : 0;
            double broadening = replicated ? 1 + 0.5 * rnd.nextDouble() : 1;
            double[] impurity = replicated ? new double[] {p.from() + (p.to() - p.from()) * rnd.nextDouble(), 40 + 110 * rnd.nextDouble(),
                    0.5 * p.fluorescence() * rnd.nextDouble()} : new double[] {0, 1, 0};
            double[] base = new double[n];
            for (int i = 0; i < n; i++) {
                double nu = p.from() + i * step;
                double bands = RamanBands.spectrum(RamanBands.MATERIALS.get(p.materials().get(mat)), nu, height * share, shift, broadening);
                if (mixture) {
                    bands += RamanBands.spectrum(RamanBands.MATERIALS.get(p.materials().get(1)), nu, height * (1 - share), shift, broadening);
                }
                base[i] = bands + level * Math.exp(-0.5 * Math.pow((nu - centre) / width, 2));
                if (replicated) {
                    base[i] += impurity[2] * Math.exp(-0.5 * Math.pow((nu - impurity[0]) / impurity[1], 2));
                }
            }
            for (int r = 0; r < p.replicates(); r++, row++) {
                // what belongs to the measurement
                double factor = replicated ? 0.95 + 0.1 * rnd.nextDouble() : 1;
                float[] y = new float[n];
                for (int i = 0; i < n; i++) {
                    y[i] = XrdMixtures.poisson(factor * base[i] + 10, rnd);
                }
                float[] mask = new float[n];
                injected[row] = addSpikes(y, mask, p, rnd);
                spectra.add(y);
                masks.add(mask);
                material[row] = mat;
                fraction[row] = share;
                sample[row] = g;
            }
        }
        Shape shape = Shape.spectrum(Axis.regular("wavenumber", n, "cm⁻¹", p.from(), step));
        List<Column> cols = new ArrayList<>();
        cols.add(TensorColumn.of("spectrum", ColumnRole.FEATURE, shape, spectra).withUnit("counts"));
        cols.add(mixture ? new NumericColumn(p.materials().get(0) + "_fraction", ColumnRole.TARGET, fraction)
                : new CategoricalColumn("material", ColumnRole.TARGET, material, List.copyOf(p.materials())));
        if (replicated) {
            List<String> names = new ArrayList<>();
            for (int g = 0; g < p.samples() / p.replicates(); g++) {
                names.add(String.format("S%03d", g + 1));
            }
            cols.add(new CategoricalColumn("sample", ColumnRole.GROUP, sample, names));
        }
        cols.add(new NumericColumn("true_spikes", ColumnRole.IGNORE, injected));
        cols.add(TensorColumn.of("spike_mask", ColumnRole.IGNORE, shape, masks));
        return new Table(cols);
    }

    private static void check(Params p) throws ConfigError {
        if (p.materials().isEmpty() || new HashSet<>(p.materials()).size() < p.materials().size()
                || !RamanBands.MATERIALS.keySet().containsAll(p.materials())) {
            throw ConfigError.atParam("materials", "Materials " + p.materials() + " are not distinct names of known materials.",
                    "Name each once, from: " + String.join(", ", RamanBands.MATERIALS.keySet()) + ".");
        }
        if (p.target() == Target.FRACTION && p.materials().size() != 2) {
            throw ConfigError.atParam("materials", "A `fraction` target mixes two materials, but " + p.materials() + " names "
                    + p.materials().size() + ".", "Name two; the first is the one whose fraction is predicted (e.g. [\"anatase\", \"rutile\"]).");
        }
        if (p.to() <= p.from()) {
            throw ConfigError.atParam("to", "The range ends at " + p.to() + " cm⁻¹, not above its start " + p.from() + ".", "Set `to` above `from`.");
        }
        if (p.samples() % p.replicates() != 0) {
            throw ConfigError.atParam("replicates", p.samples() + " spectra do not make whole samples of " + p.replicates() + " replicates.",
                    "Make `samples` (the number of spectra) a multiple of `replicates`.");
        }
    }

    /** Cosmic-ray spikes into {@code y}, marked in {@code mask}; returns how many were injected. */
    private static int addSpikes(float[] y, float[] mask, Params p, SplittableRandom rnd) {
        int n = y.length;
        int injected = 0;
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
            injected++;
        }
        return injected;
    }

    /** A Poisson count (Knuth), for small means. */
    private static int poissonCount(double mean, SplittableRandom rnd) {
        return (int) XrdMixtures.poisson(Math.min(mean, 29), rnd);
    }
}
