package org.anneal.nodes.data;

import java.util.List;
import java.util.SplittableRandom;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.spec.ColumnRole;

/** Teaching datasets that follow a physical law with known constants, for fitting the law beside a black box (issue 12). */
final class PhysicsGenerators {
    static final double GAS_CONSTANT = 8.314462618;
    static final double D0_UM2_S = 2e7;
    static final double Q_J_MOL = 142_000;
    static final double CARBON_PER_WT = 2.5;

    private PhysicsGenerators() {
    }

    /**
     * Diffusion anneals run at rising furnace temperature, 800 K to 1300 K in run order (so a time split holds out the
     * hottest runs): diffusivity_um2_s = D0 exp(2.5 carbon_wt) exp(−Q / (R T)) × (1 + noise · ε), D0 = 2·10⁷ µm²/s,
     * Q = 142 kJ/mol, carbon_wt uniform in [0.1, 0.8] (carbon speeds diffusion up; it also keeps temperature alone from
     * ordering the target perfectly, which a data check would rightly question).
     */
    static Table arrhenius(int n, double noise, SplittableRandom r) {
        double[] run = new double[n];
        double[] t = new double[n];
        double[] c = new double[n];
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            run[i] = i + 1;
            t[i] = 800 + 500.0 * i / Math.max(1, n - 1) + 2 * MaterialsGenerators.gauss(r);
            c[i] = r.nextDouble(0.1, 0.8);
            d[i] = D0_UM2_S * Math.exp(CARBON_PER_WT * c[i] - Q_J_MOL / (GAS_CONSTANT * t[i])) * (1 + noise * MaterialsGenerators.gauss(r));
        }
        return new Table(List.of(new NumericColumn("run", ColumnRole.TIME, run), new NumericColumn("temperature_k", ColumnRole.FEATURE, t),
                new NumericColumn("carbon_wt", ColumnRole.FEATURE, c),                new NumericColumn("diffusivity_um2_s", ColumnRole.TARGET, d)));
    }

    /**
     * Candidate compositions of an Al–Zn–Mg–Cu alloy, each with the peak-aged strength the lab would measure:
     * strength_mpa = 150 + 350 exp(−((zn − 4.5)/1.5)² − ((mg − 1.6)/0.6)² − ((cu − 1.4)/0.9)²) + noise · ε, zn_wt in [0, 8],
     * mg_wt in [0, 3], cu_wt in [0, 3] uniformly: one strength peak inside the box (500 MPa at 4.5 Zn, 1.6 Mg, 1.4 Cu) that
     * few random compositions come near.
     */
    static Table alloyDesign(int n, double noise, SplittableRandom r) {
        double[] zn = new double[n];
        double[] mg = new double[n];
        double[] cu = new double[n];
        double[] strength = new double[n];
        for (int i = 0; i < n; i++) {
            zn[i] = r.nextDouble(0, 8);
            mg[i] = r.nextDouble(0, 3);
            cu[i] = r.nextDouble(0, 3);
            double a = (zn[i] - 4.5) / 1.5;
            double b = (mg[i] - 1.6) / 0.6;
            double c = (cu[i] - 1.4) / 0.9;
            strength[i] = 150 + 350 * Math.exp(-a * a - b * b - c * c) + noise * MaterialsGenerators.gauss(r);
        }
        return new Table(List.of(new NumericColumn("zn_wt", ColumnRole.FEATURE, zn), new NumericColumn("mg_wt", ColumnRole.FEATURE, mg),
                new NumericColumn("cu_wt", ColumnRole.FEATURE, cu), new NumericColumn("strength_mpa", ColumnRole.TARGET, strength)));
    }

    /**
     * Single laser tracks of laser powder-bed fusion at random settings: melt-pool depth_um = 20 P / √v + noise · ε, laser
     * power P in [100, 400] W, scan speed v in [400, 2000] mm/s (depth grows with the line energy, as the Rosenthal solution
     * has it to first order). Below about 60 µm the pool does not fuse two 30 µm layers (lack of fusion); above about 150 µm it
     * turns into a keyhole.
     */
    static Table lpbf(int n, double noise, SplittableRandom r) {
        double[] power = new double[n];
        double[] speed = new double[n];
        double[] depth = new double[n];
        for (int i = 0; i < n; i++) {
            power[i] = r.nextDouble(100, 400);
            speed[i] = r.nextDouble(400, 2000);
            depth[i] = 20 * power[i] / Math.sqrt(speed[i]) + noise * MaterialsGenerators.gauss(r);
        }
        return new Table(List.of(new NumericColumn("laser_power_w", ColumnRole.FEATURE, power),
                new NumericColumn("scan_speed_mm_s", ColumnRole.FEATURE, speed), new NumericColumn("depth_um", ColumnRole.TARGET, depth)));
    }

    /**
     * Quenched steels of carbon_wt in [0.2, 0.6] tempered at rising temperature, 150 to 650 °C in run order (so a time split
     * holds out the hottest tempers), for a time_h log-uniform in [0.5, 8] h. By Hollomon and Jaffe, time and temperature
     * act through one parameter P = T[K]·(20 + log10 t[h]) / 1000, and the Vickers hardness in GPa (HV × 0.0098, so numbers
     * near 1 suit a network), hardness_gpa = 1.8 + (1.5 + 8·carbon_wt) / (1 + exp((P − 13) / 1.6)) + noise · ε, falls with it
     * from the as-quenched martensite (harder with more carbon) towards 1.8 GPa, about 180 HV (tempered-out ferrite with
     * carbides): monotone in temperature and time, with a known limit. Carbon also keeps
     * temperature alone from ordering the target almost perfectly, which a data check would rightly question.
     */
    static Table tempering(int n, double noise, SplittableRandom r) {
        double[] run = new double[n];
        double[] temper = new double[n];
        double[] time = new double[n];
        double[] carbon = new double[n];
        double[] hardness = new double[n];
        for (int i = 0; i < n; i++) {
            run[i] = i + 1;
            temper[i] = 150 + 500.0 * i / Math.max(1, n - 1) + 2 * MaterialsGenerators.gauss(r);
            time[i] = Math.exp(r.nextDouble(Math.log(0.5), Math.log(8)));
            carbon[i] = r.nextDouble(0.2, 0.6);
            double p = HollomonJaffe.parameter(temper[i], time[i]);
            hardness[i] = HollomonJaffe.hardnessGpa(p, carbon[i]) + noise * MaterialsGenerators.gauss(r);
        }
        return new Table(List.of(new NumericColumn("run", ColumnRole.TIME, run), new NumericColumn("temper_c", ColumnRole.FEATURE, temper),
                new NumericColumn("time_h", ColumnRole.FEATURE, time), new NumericColumn("carbon_wt", ColumnRole.FEATURE, carbon),
                new NumericColumn("hardness_gpa", ColumnRole.TARGET, hardness)));
    }
}
