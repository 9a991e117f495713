package org.anneal.nodes.data;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.anneal.data.CategoricalColumn;
import org.anneal.data.Column;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.spec.ColumnRole;
import org.anneal.spec.ColumnSpec;
import org.anneal.spec.ColumnType;

/**
 * Teaching datasets with known ground truth. Each generator documents its law so that a lecturer can
 * compare what a model learnt with what is true.
 */
final class Generators {
    private Generators() {
    }

    static List<ColumnSpec> columns(GenerateNode.Dataset dataset) {
        return switch (dataset) {
            case NOISY_POLYNOMIAL, RUNGE -> List.of(num("x", ColumnRole.FEATURE), num("y", ColumnRole.TARGET));
            case TWO_MOONS -> List.of(num("x1", ColumnRole.FEATURE), num("x2", ColumnRole.FEATURE), cat("class", ColumnRole.TARGET));
            case BLOBS -> List.of(num("x1", ColumnRole.FEATURE), num("x2", ColumnRole.FEATURE), cat("cluster", ColumnRole.TARGET));
            case ALLOY -> List.of(cat("heat", ColumnRole.GROUP), num("c_wt", ColumnRole.FEATURE), num("mn_wt", ColumnRole.FEATURE),
                    num("si_wt", ColumnRole.FEATURE), num("cr_wt", ColumnRole.FEATURE), num("ni_wt", ColumnRole.FEATURE),
                    num("temper_c", ColumnRole.FEATURE), num("yield_mpa", ColumnRole.TARGET));
            default -> generate(dataset, 24, 0.1, 0).spec(org.anneal.spec.Lineage.UNSPLIT).columns();
        };
    }

    static Table generate(GenerateNode.Dataset dataset, int n, double noise, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        return switch (dataset) {
            case NOISY_POLYNOMIAL -> curve(n, noise, r, x -> 1 + 2 * x - 3 * x * x + 0.5 * x * x * x);
            case RUNGE -> curve(n, noise, r, x -> 1 / (1 + 25 * x * x));
            case TWO_MOONS -> moons(n, noise, r);
            case BLOBS -> blobs(n, noise, r);
            case ALLOY -> alloy(n, noise, r);
            case ALLOY_SPEC -> MaterialsGenerators.alloySpec(alloy(n, noise, r));
            case MICROGRAPH_PATCHES -> MaterialsGenerators.micrographPatches(n, noise, r);
            case RAMAN_REPLICATES -> MaterialsGenerators.ramanReplicates(n, noise, r);
            case FURNACE_LOG -> MaterialsGenerators.furnaceLog(n, noise, r);
            case XRD_BINS -> MaterialsGenerators.xrdBins(n, noise, r);
            case PHASES -> MaterialsGenerators.phases(n, r);
            case ARRHENIUS -> PhysicsGenerators.arrhenius(n, noise, r);
            case ALLOY_DESIGN -> PhysicsGenerators.alloyDesign(n, noise, r);
            case LPBF -> PhysicsGenerators.lpbf(n, noise, r);
            case TEMPERING -> PhysicsGenerators.tempering(n, noise, r);
        };
    }

    private static Table curve(int n, double noise, SplittableRandom r, java.util.function.DoubleUnaryOperator f) {
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = r.nextDouble(-1, 1);
            y[i] = f.applyAsDouble(x[i]) + noise * gauss(r);
        }
        return new Table(List.of(new NumericColumn("x", ColumnRole.FEATURE, x), new NumericColumn("y", ColumnRole.TARGET, y)));
    }

    /** Two interleaved half circles (as scikit-learn's make_moons), with Gaussian jitter of sd {@code noise}. */
    private static Table moons(int n, double noise, SplittableRandom r) {
        double[] x1 = new double[n];
        double[] x2 = new double[n];
        int[] cls = new int[n];
        for (int i = 0; i < n; i++) {
            double t = Math.PI * r.nextDouble();
            cls[i] = i % 2;
            x1[i] = (cls[i] == 0 ? Math.cos(t) : 1 - Math.cos(t)) + noise * gauss(r);
            x2[i] = (cls[i] == 0 ? Math.sin(t) : 0.5 - Math.sin(t)) + noise * gauss(r);
        }
        return new Table(List.of(new NumericColumn("x1", ColumnRole.FEATURE, x1), new NumericColumn("x2", ColumnRole.FEATURE, x2),
                new CategoricalColumn("class", ColumnRole.TARGET, cls, List.of("upper", "lower"))));
    }

    /** Three round clusters centred at (0,0), (4,0), (2,3.5) with sd 1 + noise. */
    private static Table blobs(int n, double noise, SplittableRandom r) {
        double[][] centres = {{0, 0}, {4, 0}, {2, 3.5}};
        double[] x1 = new double[n];
        double[] x2 = new double[n];
        int[] k = new int[n];
        for (int i = 0; i < n; i++) {
            k[i] = i % 3;
            x1[i] = centres[k[i]][0] + (1 + noise) * gauss(r);
            x2[i] = centres[k[i]][1] + (1 + noise) * gauss(r);
        }
        return new Table(List.of(new NumericColumn("x1", ColumnRole.FEATURE, x1), new NumericColumn("x2", ColumnRole.FEATURE, x2),
                new CategoricalColumn("cluster", ColumnRole.TARGET, k, List.of("A", "B", "C"))));
    }

    /**
     * Low-alloy steel heats: yield = 250 + 800 C + 60 Mn + 40 Si + 35 Cr + 20 Ni − 0.2 (temper − 500) MPa, plus a
     * per-heat offset (sd 15 MPa, shared by every coil of the heat) and measurement noise (sd {@code noise} MPa).
     */
    private static Table alloy(int n, double noise, SplittableRandom r) {
        int heats = Math.max(2, n / 10);
        double[] heatOffset = new double[heats];
        double[][] heatComp = new double[heats][5];
        for (int h = 0; h < heats; h++) {
            heatOffset[h] = 15 * gauss(r);
            heatComp[h] = new double[] {r.nextDouble(0.05, 0.45), r.nextDouble(0.3, 1.6), r.nextDouble(0.1, 0.6), r.nextDouble(0, 1.2),
                r.nextDouble(0, 1.0)};
        }
        int[] heat = new int[n];
        double[][] comp = new double[5][n];
        double[] temper = new double[n];
        double[] yield = new double[n];
        for (int i = 0; i < n; i++) {
            int h = i % heats;
            heat[i] = h;
            for (int e = 0; e < 5; e++) {
                comp[e][i] = Math.max(0, heatComp[h][e] + 0.01 * gauss(r)); // coils of one heat share its chemistry
            }
            temper[i] = r.nextDouble(400, 650);
            yield[i] = 250 + 800 * comp[0][i] + 60 * comp[1][i] + 40 * comp[2][i] + 35 * comp[3][i] + 20 * comp[4][i]
                    - 0.2 * (temper[i] - 500) + heatOffset[h] + noise * gauss(r);
        }
        List<String> heatNames = new ArrayList<>();
        for (int h = 0; h < heats; h++) {
            heatNames.add(String.format("H%03d", h + 1));
        }
        List<Column> cols = new ArrayList<>();
        cols.add(new CategoricalColumn("heat", ColumnRole.GROUP, heat, heatNames));
        String[] names = {"c_wt", "mn_wt", "si_wt", "cr_wt", "ni_wt"};
        for (int e = 0; e < 5; e++) {
            cols.add(new NumericColumn(names[e], ColumnRole.FEATURE, comp[e]));
        }
        cols.add(new NumericColumn("temper_c", ColumnRole.FEATURE, temper));
        cols.add(new NumericColumn("yield_mpa", ColumnRole.TARGET, yield));
        return new Table(cols);
    }

    private static ColumnSpec num(String name, ColumnRole role) {
        return new ColumnSpec(name, ColumnType.NUMERIC, role);
    }

    private static ColumnSpec cat(String name, ColumnRole role) {
        return new ColumnSpec(name, ColumnType.CATEGORICAL, role);
    }

    private static double gauss(SplittableRandom r) {
        return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    }
}
