package org.anneal.nodes.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.anneal.data.CategoricalColumn;
import org.anneal.data.Column;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.data.TensorColumn;
import org.anneal.exec.StandaloneContext;
import org.anneal.ml.Metrics;
import org.anneal.spec.Axis;
import org.anneal.spec.ColumnRole;
import org.anneal.spec.ConfigError;
import org.anneal.spec.Inputs;
import org.anneal.spec.Lineage;
import org.anneal.spec.NodeFailure;
import org.anneal.spec.Outputs;
import org.anneal.spec.Shape;
import org.anneal.spec.Specs;
import org.junit.jupiter.api.Test;

class MatchComponentsNodeTest {
    static final StandaloneContext CTX = new StandaloneContext("match", 1, Path.of("."));
    static final Axis AXIS = Axis.regular("2θ", 50, "°", 20, 0.5);
    static final List<String> PHASES = List.of("alpha-fe", "quartz", "rutile");

    /** Three non-negative reference patterns: a few random peaks each on the 50-channel axis. */
    static double[][] references() {
        SplittableRandom rnd = new SplittableRandom(3);
        double[][] r = new double[3][AXIS.size()];
        for (double[] row : r) {
            for (int peak = 0; peak < 4; peak++) {
                int at = rnd.nextInt(AXIS.size());
                for (int i = 0; i < row.length; i++) {
                    row[i] += 100 * rnd.nextDouble() * Math.exp(-0.5 * (i - at) * (i - at));
                }
            }
        }
        return r;
    }

    static Table referenceTable(double[][] r) {
        List<float[]> rows = new ArrayList<>();
        for (double[] v : r) {
            float[] f = new float[v.length];
            for (int i = 0; i < f.length; i++) {
                f[i] = (float) v[i];
            }
            rows.add(f);
        }
        return new Table(List.of(new CategoricalColumn("phase", ColumnRole.ID, new int[] {0, 1, 2}, PHASES),
                TensorColumn.of("pattern", ColumnRole.FEATURE, Shape.spectrum(AXIS), rows)));
    }

    /** A parts table on every second channel, named as spectra.to-columns names them: part c is parts[c]. */
    static Table partsTable(double[][] parts) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < AXIS.size(); i += 2) {
            names.add(String.format(Locale.ROOT, "2θ_%.0f", AXIS.value(i))); // 20, 21, … 44: whole degrees on every second channel
        }
        List<Column> cols = new ArrayList<>();
        cols.add(new CategoricalColumn("column", ColumnRole.ID, java.util.stream.IntStream.range(0, names.size()).toArray(), names));
        for (int c = 0; c < parts.length; c++) {
            double[] v = new double[names.size()];
            for (int k = 0; k < v.length; k++) {
                v[k] = parts[c][2 * k];
            }
            cols.add(new NumericColumn("nmf" + (c + 1), ColumnRole.FEATURE, v));
        }
        return new Table(cols);
    }

    static Outputs run(MatchComponentsNode.Params p, Map<String, Table> in) throws Exception {
        var node = new MatchComponentsNode();
        Map<String, org.anneal.spec.Spec> specs = new HashMap<>();
        in.forEach((k, v) -> specs.put(k, v.spec(Lineage.UNSPLIT)));
        Specs out = node.configure(Specs.of(specs), p, CTX);
        Outputs o = node.execute(new Inputs(Map.copyOf(in), out), p, CTX);
        assertEquals(out.get("matches"), ((Table) o.get("matches")).spec(Lineage.UNSPLIT));
        return o;
    }

    static final MatchComponentsNode.Params DEFAULTS = new MatchComponentsNode.Params("", "", false, "fraction_");

    @Test
    void permutedScaledCopiesMatchExactlyAndAnExtraPartStaysUnmatched() throws Exception {
        double[][] r = references();
        double[] flat = new double[AXIS.size()];
        java.util.Arrays.fill(flat, 5);
        // parts: rutile × 0.01, a flat background, alpha-fe × 3, quartz × 0.5
        double[][] parts = {scaled(r[2], 0.01), flat, scaled(r[0], 3), scaled(r[1], 0.5)};
        Outputs o = run(DEFAULTS, Map.of("parts", partsTable(parts), "references", referenceTable(r)));
        Table m = (Table) o.get("matches");
        CategoricalColumn ref = (CategoricalColumn) m.column("reference").orElseThrow();
        assertEquals("rutile", ref.get(0));
        assertTrue(ref.isMissing(1), "the flat part matches nothing");
        assertEquals("alpha-fe", ref.get(2));
        assertEquals("quartz", ref.get(3));
        for (int i : new int[] {0, 2, 3}) {
            assertEquals(1, m.numeric("similarity").get(i), 1e-6, "float32 references");
            assertTrue(m.numeric("runner_up_similarity").get(i) < 0.99);
        }
        Metrics metrics = (Metrics) o.get("metrics");
        assertEquals(1, metrics.get("mean_similarity"), 1e-6);
        assertEquals(1, metrics.get("unmatched_parts"));
        // cos between the flat part and each reference, by hand on the kept channels
        double best = 0;
        for (double[] v : r) {
            double dot = 0;
            double vv = 0;
            for (int i = 0; i < v.length; i += 2) {
                dot += 5 * v[i];
                vv += v[i] * v[i];
            }
            best = Math.max(best, dot / Math.sqrt(vv * 25 * 25));
        }
        assertEquals(best, m.numeric("runner_up_similarity").get(1), 1e-6, "an unmatched part's runner-up is its nearest reference");
    }

    @Test
    void signOnlyCountsWhenAsked() throws Exception {
        double[][] r = references();
        double[][] parts = {scaled(r[1], -2), scaled(r[0], 1), scaled(r[2], 1)};
        Table t = partsTable(parts);
        Metrics signed = (Metrics) run(DEFAULTS, Map.of("parts", t, "references", referenceTable(r))).get("metrics");
        assertTrue(signed.get("min_similarity") < 0, "a flipped part is anti-similar");
        Outputs either = run(new MatchComponentsNode.Params("", "", true, "fraction_"), Map.of("parts", t, "references", referenceTable(r)));
        assertEquals(1, ((Metrics) either.get("metrics")).get("min_similarity"), 1e-6);
        assertEquals("quartz", ((CategoricalColumn) ((Table) either.get("matches")).column("reference").orElseThrow()).get(0));
    }

    @Test
    void weightsCorrelateWithTheTruthOfTheirMatch() throws Exception {
        double[][] r = references();
        double[] fe = {0.1, 0.5, 0.3, 0.9};
        double[] qz = {0.6, 0.2, 0.4, 0.05};
        // nmf1 is quartz's weight (scaled), nmf2 alpha-fe's with a reversed trend mixed in: r below 1
        Table weights = new Table(List.of(new NumericColumn("nmf1", ColumnRole.FEATURE, scaled(qz, 7)),
                new NumericColumn("nmf2", ColumnRole.FEATURE, new double[] {0.1, 0.5, 0.6, 0.9}),
                new NumericColumn("fraction_alpha_fe", ColumnRole.IGNORE, fe), new NumericColumn("fraction_quartz", ColumnRole.IGNORE, qz)));
        Outputs o = run(DEFAULTS, Map.of("parts", partsTable(new double[][] {r[1], r[0]}), "references", referenceTable(r), "weights", weights));
        Table m = (Table) o.get("matches");
        assertEquals(1, m.numeric("weight_r").get(0), 1e-12);
        // Pearson r of (0.1, 0.5, 0.6, 0.9) with (0.1, 0.5, 0.3, 0.9), by hand: 0.305 / √(0.3275 · 0.35) = 0.90086
        double r2 = MatchComponentsNode.pearson(new NumericColumn("a", ColumnRole.FEATURE, new double[] {0.1, 0.5, 0.6, 0.9}),
                new NumericColumn("b", ColumnRole.FEATURE, fe));
        assertEquals(0.90086, r2, 1e-5);
        assertEquals(r2, m.numeric("weight_r").get(1), 1e-12);
        assertEquals((1 + r2) / 2, ((Metrics) o.get("metrics")).get("mean_weight_r"), 1e-12);
    }

    @Test
    void badWiringIsALocatedError() throws Exception {
        var node = new MatchComponentsNode();
        double[][] r = references();
        Table noColumn = new Table(List.of(new NumericColumn("nmf1", ColumnRole.FEATURE, new double[] {1, 2})));
        ConfigError e = assertThrows(ConfigError.class, () -> node.configure(Specs.of(Map.of("parts", noColumn.spec(Lineage.UNSPLIT),
                "references", referenceTable(r).spec(Lineage.UNSPLIT))), DEFAULTS, CTX));
        assertEquals("parts", e.port());
        // parts learnt on an energy axis cannot be compared with 2θ references
        Table energy = new Table(List.of(new CategoricalColumn("column", ColumnRole.ID, new int[] {0}, List.of("energy_1.74")),
                new NumericColumn("nmf1", ColumnRole.FEATURE, new double[] {1})));
        NodeFailure f = assertThrows(NodeFailure.class, () -> run(DEFAULTS, Map.of("parts", energy, "references", referenceTable(r))));
        assertTrue(f.getMessage().contains("'energy_1.74' is not a channel"), f.getMessage());
        // a channel beyond the references' range
        Table off = new Table(List.of(new CategoricalColumn("column", ColumnRole.ID, new int[] {0}, List.of("2θ_80")),
                new NumericColumn("nmf1", ColumnRole.FEATURE, new double[] {1})));
        assertThrows(NodeFailure.class, () -> run(DEFAULTS, Map.of("parts", off, "references", referenceTable(r))));
    }

    static double[] scaled(double[] v, double k) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] * k;
        }
        return out;
    }
}
