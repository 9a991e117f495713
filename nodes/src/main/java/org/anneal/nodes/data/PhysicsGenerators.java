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
}
