package org.anneal.nodes.spectra;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.anneal.data.CategoricalColumn;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.data.TensorColumn;
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

@NodeType(id = "data.generate-eds-map", title = "EDS map from a phase map", phase = Phase.DATA, role = LeakageRole.SOURCE,
        doc = """
                Generates an SEM-EDS spectrum image, reproducibly from the workflow seed: a phase map of `grains` Voronoi \
                grains on a `width` × `height` pixel grid, each grain one of `materials` (each material gets at least one \
                grain while there are grains enough), and at every pixel a spectrum of that material as \
                data.generate-eds draws it (same physics: line energies, Fano resolution, escape and sum peaks, Kramers \
                continuum, Poisson noise on `counts` per pixel). With `mixing` a pixel's spectrum mixes the materials of its \
                3 × 3 neighbourhood in proportion, as the beam's interaction volume straddles a boundary. One row per pixel, \
                row by row: `x`, `y` (ids), `spectrum` (energy in keV) and `phase`, the pixel's own grain material (the truth; \
                the target). Neighbouring pixels are alike, so a random split puts near-copies on both sides: split by region \
                to test a classifier. Left out: topography, grain-to-grain channelling, beam drift and everything \
                data.generate-eds leaves out.""")
public final class GenerateEdsMapNode implements Node<GenerateEdsMapNode.Params> {

    public record Params(
            @Param(doc = "Materials of the phases (presets or element symbols, as in data.generate-eds)",
                    def = "[\"stainless-316\", \"chromia\", \"niobium-carbide\"]") List<String> materials,
            @Param(doc = "Pixels across", def = "64", min = 2, max = 2000) int width,
            @Param(doc = "Pixels down", def = "64", min = 2, max = 2000) int height,
            @Param(doc = "Number of grains", def = "20", min = 1, max = 100000) int grains,
            @Param(doc = "Mix the spectra of a pixel's 3 × 3 neighbourhood", def = "true") boolean mixing,
            @Param(doc = "Beam energy E₀, keV", def = "20", min = 1, max = 40) double beam,
            @Param(doc = "Detector FWHM at Mn Kα, eV (the Fano form needs at least 121.4)", def = "130", min = 121.5, max = 300) double resolution,
            @Param(doc = "Pile-up: chance that a count arrives with another (0 = no sum peaks)", def = "0", min = 0, max = 0.2) double pileup,
            @Param(doc = "Counts per pixel", def = "1000", min = 1) double counts,
            @Param(doc = "Channels from 0 keV", def = "1024", min = 16, max = 100000) int channels,
            @Param(doc = "Channel width, keV", def = "0.02", min = 0.001, max = 0.1) double step) {
    }

    static final OutPort<Table> TABLE = OutPort.of("table", DataKind.TABLE, Table.class, "One row per pixel: x, y, spectrum and phase");

    @Override
    public Specs configure(Specs in, Params p, ConfigContext ctx) throws ConfigError {
        GenerateEdsNode.compositions(p.materials(), "materials");
        if ((long) p.width() * p.height() * p.channels() > 100_000_000L) {
            throw ConfigError.atParam("channels", p.width() + " × " + p.height() + " pixels of " + p.channels() + " channels do not fit in memory.",
                    "Use fewer pixels or channels.");
        }
        return Specs.of(TABLE, table(p, new int[0], new float[0], 0).spec(Lineage.UNSPLIT));
    }

    @Override
    public Outputs execute(Inputs in, Params p, ExecContext ctx) throws ConfigError {
        List<Map<String, Double>> materials = GenerateEdsNode.compositions(p.materials(), "materials");
        SplittableRandom rnd = new SplittableRandom(ctx.seed());
        int[] phase = phaseMap(p.width(), p.height(), p.grains(), materials.size(), rnd);
        EdsSpectrum.Setup setup = new EdsSpectrum.Setup(p.beam(), p.resolution(), p.pileup(), 0, p.step(), p.channels(), p.counts());
        double[][] pure = new double[materials.size()][];
        for (int m = 0; m < pure.length; m++) {
            pure[m] = EdsSpectrum.expected(materials.get(m), setup);
        }
        int n = p.channels();
        float[] values = new float[phase.length * n];
        double[] mean = new double[n];
        for (int r = 0; r < phase.length; r++) {
            if ((r & 255) == 0) {
                ctx.checkCancelled();
                ctx.progress(r / (double) phase.length);
            }
            double[] share = shares(phase, p.width(), p.height(), r, materials.size(), p.mixing());
            java.util.Arrays.fill(mean, 0);
            for (int m = 0; m < share.length; m++) {
                for (int i = 0; share[m] > 0 && i < n; i++) {
                    mean[i] += share[m] * pure[m][i];
                }
            }
            System.arraycopy(GenerateEdsNode.noisy(mean, rnd), 0, values, r * n, n);
        }
        return Outputs.of(TABLE, table(p, phase, values, phase.length));
    }

    private static Table table(Params p, int[] phase, float[] values, int rows) {
        double[] x = new double[rows];
        double[] y = new double[rows];
        for (int r = 0; r < rows; r++) {
            x[r] = r % p.width();
            y[r] = r / p.width();
        }
        return new Table(List.of(new NumericColumn("x", ColumnRole.ID, x), new NumericColumn("y", ColumnRole.ID, y),
                new TensorColumn("spectrum", ColumnRole.FEATURE, Shape.spectrum(GenerateEdsNode.axis(p.channels(), p.step())), values,
                        new boolean[rows], "counts"),
                new CategoricalColumn("phase", ColumnRole.TARGET, phase, List.copyOf(p.materials()))));
    }

    /** Voronoi grains from random seeds; the first seeds take the materials in turn so each appears, the rest at random. */
    static int[] phaseMap(int width, int height, int grains, int materials, SplittableRandom rnd) {
        double[][] seeds = new double[grains][2];
        int[] material = new int[grains];
        for (int g = 0; g < grains; g++) {
            seeds[g][0] = rnd.nextDouble() * width;
            seeds[g][1] = rnd.nextDouble() * height;
            material[g] = g < materials ? g : rnd.nextInt(materials);
        }
        int[] phase = new int[width * height];
        for (int r = 0; r < phase.length; r++) {
            double px = r % width + 0.5;
            double py = r / width + 0.5;
            int best = 0;
            double bestD = Double.MAX_VALUE;
            for (int g = 0; g < grains; g++) {
                double d = (seeds[g][0] - px) * (seeds[g][0] - px) + (seeds[g][1] - py) * (seeds[g][1] - py);
                if (d < bestD) {
                    bestD = d;
                    best = g;
                }
            }
            phase[r] = material[best];
        }
        return phase;
    }

    /** Each material's share of pixel r: its own alone, or its 3 × 3 neighbourhood (cut at the map's edge). */
    static double[] shares(int[] phase, int width, int height, int r, int materials, boolean mixing) {
        double[] share = new double[materials];
        if (!mixing) {
            share[phase[r]] = 1;
            return share;
        }
        int x = r % width;
        int y = r / width;
        int count = 0;
        for (int dy = -1; dy <= 1; dy++) {
            for (int dx = -1; dx <= 1; dx++) {
                int nx = x + dx;
                int ny = y + dy;
                if (nx >= 0 && nx < width && ny >= 0 && ny < height) {
                    share[phase[ny * width + nx]]++;
                    count++;
                }
            }
        }
        for (int m = 0; m < materials; m++) {
            share[m] /= count;
        }
        return share;
    }
}
