package org.anneal.nodes.data;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.anneal.data.CategoricalColumn;
import org.anneal.data.Column;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.spec.ColumnRole;

/**
 * Synthetic materials datasets whose structure is the point of a leakage lesson: rows that belong
 * together (patches of one micrograph, replicates of one sample), time-ordered process logs, many
 * uninformative spectral bins, rare phases, and a property measured after the outcome.
 */
final class MaterialsGenerators {
    private MaterialsGenerators() {
    }

    /** Patches cut from micrographs: patch texture follows the image's grain size; {@code n / 12} images of 12 patches. */
    static Table micrographPatches(int n, double noise, SplittableRandom r) {
        int images = Math.max(2, n / 12);
        double[] grain = new double[images];
        double[] imageQuirk = new double[images];
        for (int k = 0; k < images; k++) {
            grain[k] = r.nextDouble(5, 60);
            imageQuirk[k] = gauss(r); // illumination and etching differ from image to image
        }
        int[] image = new int[n];
        double[][] f = new double[4][n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            int k = i / 12 % images;
            image[i] = k;
            double g = grain[k];
            f[0][i] = 120 + 10 * imageQuirk[k] + 0.3 * g + 3 * gauss(r);
            f[1][i] = 40 - 0.4 * g + 4 * imageQuirk[k] + 2 * gauss(r);
            f[2][i] = 1.0 / g * 30 + 0.2 * imageQuirk[k] + 0.05 * gauss(r);
            f[3][i] = 4 + 0.02 * g + 0.3 * imageQuirk[k] + 0.1 * gauss(r);
            y[i] = g + noise * gauss(r);
        }
        List<String> names = new ArrayList<>();
        for (int k = 0; k < images; k++) {
            names.add(String.format("img%02d", k + 1));
        }
        return new Table(List.of(new CategoricalColumn("image_id", ColumnRole.GROUP, image, names),
                new NumericColumn("mean_gray", ColumnRole.FEATURE, f[0]), new NumericColumn("std_gray", ColumnRole.FEATURE, f[1]),
                new NumericColumn("edge_density", ColumnRole.FEATURE, f[2]), new NumericColumn("lbp_entropy", ColumnRole.FEATURE, f[3]),
                new NumericColumn("grain_size_um", ColumnRole.TARGET, y)));
    }

    /** Raman spectra, 5 replicates per sample: 8 band intensities; crystallinity belongs to the sample. */
    static Table ramanReplicates(int n, double noise, SplittableRandom r) {
        int samples = Math.max(2, n / 5);
        double[] cryst = new double[samples];
        double[][] sampleBands = new double[samples][8];
        for (int s = 0; s < samples; s++) {
            cryst[s] = r.nextDouble(0.1, 0.9);
            for (int b = 0; b < 8; b++) {
                sampleBands[s][b] = (b < 3 ? 2 * cryst[s] : 0) + 0.8 * gauss(r); // most band variation is sample-specific, not crystallinity
            }
        }
        int[] sample = new int[n];
        double[][] bands = new double[8][n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            int s = i / 5 % samples;
            sample[i] = s;
            for (int b = 0; b < 8; b++) {
                bands[b][i] = sampleBands[s][b] + 0.05 * gauss(r);
            }
            y[i] = cryst[s] + noise * gauss(r);
        }
        List<Column> cols = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int s = 0; s < samples; s++) {
            names.add(String.format("R%03d", s + 1));
        }
        cols.add(new CategoricalColumn("sample", ColumnRole.GROUP, sample, names));
        for (int b = 0; b < 8; b++) {
            cols.add(new NumericColumn("band_" + (b + 1), ColumnRole.FEATURE, bands[b]));
        }
        cols.add(new NumericColumn("crystallinity", ColumnRole.TARGET, y));
        return new Table(cols);
    }

    /** A furnace log, one row a minute: slowly drifting conditions, carbon at the outlet follows them with lag. */
    static Table furnaceLog(int n, double noise, SplittableRandom r) {
        double[] minute = new double[n];
        double[] temp = new double[n];
        double[] o2 = new double[n];
        double[] power = new double[n];
        double[] carbon = new double[n];
        double t = 1450;
        double ox = 2.0;
        double c = 0.4;
        for (int i = 0; i < n; i++) {
            t += 0.9 * gauss(r) - 0.01 * (t - 1450);
            ox += 0.02 * gauss(r) - 0.02 * (ox - 2.0);
            double drift = 0.05 * Math.sin(i / 90.0); // a slow campaign effect a random split cannot see coming
            c = 0.9 * c + 0.1 * (0.4 + 0.002 * (t - 1450) - 0.05 * (ox - 2) + drift) + 0.002 * gauss(r);
            minute[i] = i;
            temp[i] = t;
            o2[i] = ox;
            power[i] = 800 + 0.5 * (t - 1450) + 5 * gauss(r);
            carbon[i] = c + noise * gauss(r);
        }
        return new Table(List.of(new NumericColumn("minute", ColumnRole.TIME, minute), new NumericColumn("temperature_c", ColumnRole.FEATURE, temp),
                new NumericColumn("o2_pct", ColumnRole.FEATURE, o2), new NumericColumn("power_kw", ColumnRole.FEATURE, power),
                new NumericColumn("carbon_out_wt", ColumnRole.TARGET, carbon)));
    }

    /** XRD patterns as 5000 intensity bins; only bins 1000-1004 carry the phase fraction, the rest is noise. */
    static Table xrdBins(int n, double noise, SplittableRandom r) {
        int bins = 5000;
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = r.nextDouble(0, 1);
        }
        List<Column> cols = new ArrayList<>();
        for (int b = 0; b < bins; b++) {
            double[] v = new double[n];
            boolean informative = b >= 1000 && b < 1005;
            for (int i = 0; i < n; i++) {
                v[i] = (informative ? 1.5 * y[i] : 0) + gauss(r);
            }
            cols.add(new NumericColumn(String.format("bin_%04d", b), ColumnRole.FEATURE, v));
        }
        double[] target = new double[n];
        for (int i = 0; i < n; i++) {
            target[i] = y[i] + noise * gauss(r);
        }
        cols.add(new NumericColumn("phase_fraction", ColumnRole.TARGET, target));
        return new Table(cols);
    }

    /** Steel microstructure from cooling rate and chemistry; martensite is rare (about 6 % of rows). */
    static Table phases(int n, SplittableRandom r) {
        double[] cool = new double[n];
        double[] c = new double[n];
        double[] mn = new double[n];
        int[] phase = new int[n];
        for (int i = 0; i < n; i++) {
            cool[i] = Math.exp(r.nextDouble(Math.log(0.1), Math.log(200)));
            c[i] = r.nextDouble(0.05, 0.6);
            mn[i] = r.nextDouble(0.3, 1.5);
            double hardenability = Math.log(cool[i]) + 3 * c[i] + mn[i] + 0.5 * gauss(r);
            phase[i] = hardenability > 6.3 ? 2 : hardenability > 3.2 ? 1 : 0;
        }
        return new Table(List.of(new NumericColumn("cooling_rate_k_s", ColumnRole.FEATURE, cool), new NumericColumn("c_wt", ColumnRole.FEATURE, c),
                new NumericColumn("mn_wt", ColumnRole.FEATURE, mn),
                new CategoricalColumn("phase", ColumnRole.TARGET, phase, List.of("ferrite", "pearlite", "martensite"))));
    }

    /** The alloy coils with a "meets spec" class (yield at least 600 MPa) as target; yield itself is post-outcome. */
    static Table alloySpec(Table alloy) {
        NumericColumn yield = alloy.numeric("yield_mpa");
        int[] meets = new int[yield.size()];
        for (int i = 0; i < meets.length; i++) {
            meets[i] = yield.get(i) >= 600 ? 1 : 0;
        }
        return alloy.with(yield.withRole(ColumnRole.POST_OUTCOME))
                .with(new CategoricalColumn("meets_spec", ColumnRole.TARGET, meets, List.of("no", "yes")));
    }

    static double gauss(SplittableRandom r) {
        return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    }
}
