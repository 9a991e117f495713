package org.anneal.nodes.signals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.anneal.data.CategoricalColumn;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.data.TensorColumn;
import org.anneal.spec.Axis;
import org.anneal.spec.ColumnRole;
import org.anneal.spec.Shape;

/**
 * Laser powder-bed fusion of 316L: one row per build and layer, a track scanned at laser power P and speed v, with the
 * melt-pool monitoring signal recorded along it. The regime follows two published criteria:
 * <ul>
 *   <li><b>keyhole</b> when the normalised enthalpy ΔH/h_s = A·P / (π·h_s·√(D·v·σ³)) exceeds 30 (King et al., J. Mater.
 *       Process. Technol. 214 (2014) 2915; Hann et al., J. Phys. D 44 (2011) 445401), with h_s = ρ·c·T_m;</li>
 *   <li><b>lack-of-fusion</b> otherwise when (h/W)² + (L/D)² > 1, h the hatch spacing, L the layer thickness, W and D the
 *       melt-pool width and depth (Tang, Pistorius and Beuth, Addit. Manuf. 14 (2017) 39): neighbouring tracks or layers
 *       then leave unmelted powder between them;</li>
 *   <li><b>conduction</b> (a sound track) otherwise.</li>
 * </ul>
 * Width from Rosenthal's moving point source on a thick plate, W = √(8·A·P / (π·e·ρ·c·v·(T_m − T_0))); conduction depth
 * D = W/2 (a half-round pool); above the keyhole threshold the depth grows in proportion to ΔH/h_s / 30 (the measured
 * depth grows roughly linearly with ΔH/h_s, Hann 2011; the factor is this generator's simplification). Material: ρ = 7980
 * kg/m³, c = 500 J/(kg·K), k = 20 W/(m·K) (D = k/ρc), T_m = 1700 K, T_0 = 300 K, spot radius σ = 30 µm; the absorptivity
 * A is 0.35 ± 0.03, drawn per build (powder batch, optics).
 *
 * <p>Signal: a photodiode (V) and a coaxial camera's pool width (µm), sampled every 20 µs along a track. The photodiode
 * reads the emitting pool area W·D times a gain that differs between builds (sensor calibration), the camera the width
 * times a calibration that differs too, both scattered by some 20 % from layer to layer (powder bed, plume) and with 6 %
 * noise per sample; an unstable keyhole adds its oscillation (5–15 kHz) and
 * spatter spikes, growing from ΔH/h_s = 20 on, and a track that breaks up (balling) adds dips, more of them the further
 * (h/W)² + (L/D)² lies above 0.8. Truth: `enthalpy_ratio`, `width_um`, `depth_um`, `lof_index` ((h/W)² + (L/D)²), `regime`. Left out: powder
 * layer physics, Marangoni flow, evaporation and recoil pressure, heat accumulation between layers, and the spread of
 * the keyhole threshold with material and spot size (≈ 30 ± 4 in King's data).
 */
final class MeltPool {
    static final String[] REGIMES = {"conduction", "keyhole", "lack-of-fusion"};
    static final double RHO = 7980;
    static final double C = 500;
    static final double K = 20;
    static final double T_MELT = 1700;
    static final double T_0 = 300;
    static final double SPOT = 30e-6;
    static final double KEYHOLE = 30;
    static final double DT = 20e-6;

    private MeltPool() {
    }

    /** ΔH/h_s for absorptivity a, power p (W) and speed v (m/s). */
    static double enthalpyRatio(double a, double p, double v) {
        double diffusivity = K / (RHO * C);
        return a * p / (Math.PI * RHO * C * T_MELT * Math.sqrt(diffusivity * v * SPOT * SPOT * SPOT));
    }

    /** Rosenthal melt-pool width (m). */
    static double width(double a, double p, double v) {
        return Math.sqrt(8 * a * p / (Math.PI * Math.E * RHO * C * v * (T_MELT - T_0)));
    }

    /** Melt-pool depth (m): half the width in conduction, deeper in proportion to ΔH/h_s above the keyhole threshold. */
    static double depth(double a, double p, double v) {
        double h = enthalpyRatio(a, p, v);
        return width(a, p, v) / 2 * Math.max(1, h / KEYHOLE);
    }

    /** Tang–Beuth overlap index (h/W)² + (L/D)²; above 1 the tracks or layers leave unmelted powder. */
    static double lofIndex(double hatch, double layer, double w, double d) {
        return (hatch / w) * (hatch / w) + (layer / d) * (layer / d);
    }

    static int regime(double enthalpyRatio, double lofIndex) {
        return enthalpyRatio > KEYHOLE ? 1 : lofIndex > 1 ? 2 : 0;
    }

    static Table generate(int builds, int layers, int samples, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int n = builds * layers;
        int[] build = new int[n];
        double[] layer = new double[n];
        double[] power = new double[n];
        double[] speed = new double[n];
        double[] hatch = new double[n];
        double[] thickness = new double[n];
        double[] ratio = new double[n];
        double[] widthUm = new double[n];
        double[] depthUm = new double[n];
        double[] lof = new double[n];
        int[] regime = new int[n];
        List<float[]> signals = new ArrayList<>();
        List<String> names = new ArrayList<>();
        int r = 0;
        for (int b = 0; b < builds; b++) {
            names.add(String.format("build%02d", b + 1));
            double a = 0.35 + 0.03 * (2 * rnd.nextDouble() - 1);
            double gain = 0.6 + 0.8 * rnd.nextDouble();
            double camera = 0.75 + 0.5 * rnd.nextDouble(); // the coaxial camera's µm per pixel, calibrated per build
            // whole µm for the table (30e-6 · 1e6 would print as 29.999999999999996), metres for the physics
            int hUm = 80 + 10 * rnd.nextInt(7);
            int lUm = 30 + 10 * rnd.nextInt(4);
            double h = hUm * 1e-6;
            double l = lUm * 1e-6;
            for (int k = 0; k < layers; k++, r++) {
                double p = 100 + 300 * rnd.nextDouble();
                double v = 0.15 * Math.exp(Math.log(2.0 / 0.15) * rnd.nextDouble());
                double w = width(a, p, v);
                double d = depth(a, p, v);
                build[r] = b;
                layer[r] = k + 1;
                power[r] = p;
                speed[r] = v;
                hatch[r] = hUm;
                thickness[r] = lUm;
                ratio[r] = enthalpyRatio(a, p, v);
                widthUm[r] = w * 1e6;
                depthUm[r] = d * 1e6;
                lof[r] = lofIndex(h, l, w, d);
                regime[r] = regime(ratio[r], lof[r]);
                // layer to layer the powder bed and the plume scatter the readings by some 20 %
                double scatter = Math.exp(0.2 * gauss(rnd));
                signals.add(signal(rnd, samples, scatter * gain * w * d / (100e-6 * 50e-6), w * 1e6, camera * scatter, ratio[r], lof[r]));
            }
        }
        Shape shape = Shape.signal(Axis.regular("time", samples, "ms", 0, DT * 1e3), 2);
        return new Table(List.of(new CategoricalColumn("build", ColumnRole.GROUP, build, names),
                new NumericColumn("layer", ColumnRole.FEATURE, layer),
                new NumericColumn("power", ColumnRole.FEATURE, power, "W"),
                new NumericColumn("speed", ColumnRole.FEATURE, speed, "m/s"),
                new NumericColumn("hatch", ColumnRole.FEATURE, hatch, "µm"),
                new NumericColumn("layer_thickness", ColumnRole.FEATURE, thickness, "µm"),
                TensorColumn.of("signal", ColumnRole.FEATURE, shape, signals),
                new NumericColumn("enthalpy_ratio", ColumnRole.IGNORE, ratio),
                new NumericColumn("width_um", ColumnRole.IGNORE, widthUm, "µm"),
                new NumericColumn("depth_um", ColumnRole.IGNORE, depthUm, "µm"),
                new NumericColumn("lof_index", ColumnRole.IGNORE, lof),
                new CategoricalColumn("regime", ColumnRole.TARGET, regime, List.of(REGIMES))));
    }

    /**
     * Photodiode and camera width along one track. The keyhole's oscillation and spatter grow with ΔH/h_s from 20 on (the
     * transition to a keyhole is gradual: tracks just below the threshold flicker too), and the track breaks up more often
     * the further the overlap index lies above 0.8; so rows near a boundary look alike, as they do in a real build.
     */
    private static float[] signal(SplittableRandom rnd, int samples, double level, double widthUm, double camera, double ratio, double lof) {
        float[] out = new float[samples * 2];
        double f = 5e3 + 10e3 * rnd.nextDouble();
        double phase = 2 * Math.PI * rnd.nextDouble();
        double unstable = Math.max(0, Math.min(1.5, (ratio - 20) / 20));
        double breakup = Math.max(0, Math.min(1.5, (lof - 0.8) / 0.6));
        int dip = 0;
        for (int i = 0; i < samples; i++) {
            double m = 1 + 0.1 * unstable * Math.sin(2 * Math.PI * f * i * DT + phase);
            if (rnd.nextDouble() < 0.006 * unstable) {
                m += 0.3 + 0.5 * rnd.nextDouble(); // a spatter particle crosses the photodiode's view
            }
            if (dip == 0 && rnd.nextDouble() < 0.012 * breakup) {
                dip = 2 + rnd.nextInt(5);
            }
            if (dip > 0) {
                m *= 0.7;
                dip--;
            }
            out[2 * i] = (float) (level * m * (1 + 0.06 * gauss(rnd)));
            out[2 * i + 1] = (float) (camera * widthUm * m * (1 + 0.06 * gauss(rnd)));
        }
        return out;
    }

    private static double gauss(SplittableRandom r) {
        double u = 1 - r.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r.nextDouble());
    }
}
