package org.anneal.nodes.evaluate;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Candidate settings for a hyperparameter search. Grid search tries every combination of the listed values
 * (scikit-learn's {@code ParameterGrid}); random search draws {@code iterations} of them: without replacement from
 * the grid when sampling "values" (as {@code ParameterSampler} does with lists), or from a uniform or log-uniform
 * distribution between the smallest and largest listed value. Whole-number lists (degree, k) draw whole numbers.
 */
public final class SearchSpace {
    private SearchSpace() {
    }

    /** One axis: a hyperparameter and its listed values. */
    public record Axis(String name, double[] values) {
        boolean wholeNumbers() {
            for (double v : values) {
                if (v != Math.rint(v)) {
                    return false;
                }
            }
            return true;
        }

        double min() {
            return java.util.Arrays.stream(values).min().orElseThrow();
        }

        double max() {
            return java.util.Arrays.stream(values).max().orElseThrow();
        }
    }

    /** Every combination, the first axis varying slowest. */
    public static List<double[]> grid(List<Axis> axes) {
        List<double[]> out = new ArrayList<>();
        out.add(new double[0]);
        for (Axis a : axes) {
            List<double[]> next = new ArrayList<>();
            for (double[] prefix : out) {
                for (double v : a.values()) {
                    double[] c = java.util.Arrays.copyOf(prefix, prefix.length + 1);
                    c[prefix.length] = v;
                    next.add(c);
                }
            }
            out = next;
        }
        return out;
    }

    /** What a random search draws from: the listed values, or a (log-)uniform range between their min and max. */
    public enum Distribution { VALUES, UNIFORM, LOG_UNIFORM }

    /** {@code iterations} seeded draws; "values" never repeats a candidate, so it stops at the grid size. */
    public static List<double[]> random(List<Axis> axes, Distribution distribution, int iterations, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        if (distribution == Distribution.VALUES) {
            List<double[]> all = Folds.shuffled(grid(axes), rnd);
            return new ArrayList<>(all.subList(0, Math.min(iterations, all.size())));
        }
        List<double[]> out = new ArrayList<>();
        for (int i = 0; i < iterations; i++) {
            double[] c = new double[axes.size()];
            for (int j = 0; j < axes.size(); j++) {
                Axis a = axes.get(j);
                // whole-number axes draw over [min, max + 1) and take the floor, so every whole number gets its share
                double top = a.wholeNumbers() ? a.max() + 1 : a.max();
                double u = rnd.nextDouble();
                double v = distribution == Distribution.LOG_UNIFORM ? Math.exp(Math.log(a.min()) + u * (Math.log(top) - Math.log(a.min())))
                        : a.min() + u * (top - a.min());
                c[j] = a.wholeNumbers() ? Math.min(a.max(), Math.floor(v)) : v;
            }
            out.add(c);
        }
        return out;
    }

    /** True when a positive axis spans two decades or more: plot it on a log scale. */
    public static boolean logSpaced(double[] values) {
        double min = java.util.Arrays.stream(values).min().orElse(0);
        double max = java.util.Arrays.stream(values).max().orElse(0);
        return min > 0 && max / min >= 100;
    }
}
