package org.anneal.nodes.evaluate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.anneal.data.CategoricalColumn;
import org.anneal.data.Column;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.ml.Assignment;
import org.anneal.ml.Metrics;
import org.anneal.spec.ColumnRole;
import org.anneal.spec.ColumnSpec;
import org.anneal.spec.ColumnType;
import org.anneal.spec.ConfigContext;
import org.anneal.spec.ConfigError;
import org.anneal.spec.DataKind;
import org.anneal.spec.ExecContext;
import org.anneal.spec.InPort;
import org.anneal.spec.Inputs;
import org.anneal.spec.LeakageRole;
import org.anneal.spec.Node;
import org.anneal.spec.NodeFailure;
import org.anneal.spec.NodeType;
import org.anneal.spec.OutPort;
import org.anneal.spec.Outputs;
import org.anneal.spec.Param;
import org.anneal.spec.Phase;
import org.anneal.spec.Specs;
import org.anneal.spec.TableSpec;
import org.anneal.spec.Task;
import org.anneal.spec.ValueSpec;

@NodeType(id = "evaluate.match-components", title = "Parts vs reference spectra", phase = Phase.EVALUATE, role = LeakageRole.EVALUATE,
        usesSeed = false, doc = """
                Compares the parts of a decomposition (prepare.nmf's `parts`, prepare.pca's `loadings`: one row per channel, \
                one column per part) with known reference spectra (pure-phase patterns, end members: one row per reference \
                with a name and a spectrum column, or with one column per channel named as spectra.to-columns names them). \
                Similarity is the cosine of the angle between a part and a reference over the parts' channels — 1 for the \
                same shape at any scale, 0 for spectra with no peak in common. Parts and references are paired one to one \
                so that the total similarity is largest (the Hungarian method: exact, unlike taking the best pair first); \
                with more parts than references, the extra parts stay unmatched — often the background or noise, which is \
                the point of asking NMF for one part more than there are phases. `matches`: one row per part with its \
                `reference`, `similarity`, and the `runner_up` reference with its similarity (a runner-up close to the \
                match means the part mixes the two). With the decomposition's `weights` wired (the rows with nmf1, nmf2, … \
                and the truth), `weight_r` is the correlation of each matched part's weights with the truth column \
                `<prefix><reference>` (`fraction_alpha_fe` for alpha-fe: non-letters become _). Metrics: \
                `mean_similarity` and `min_similarity` over matched parts, `unmatched_parts`, and `mean_weight_r`. PCA's axes \
                have no sign of their own: set `eitherSign` to compare |cos|.""")
public final class MatchComponentsNode implements Node<MatchComponentsNode.Params> {

    public record Params(
            @Param(doc = "Name column of the references; empty = their first categorical column", def = "\"\"") String name,
            @Param(doc = "Spectrum column of the references; empty = their first spectrum column, or columns named like the channels", def = "\"\"")
            String spectrum,
            @Param(doc = "Compare |cos|, for parts whose sign is arbitrary (PCA)", def = "false") boolean eitherSign,
            @Param(doc = "Truth columns in `weights` are this prefix and the reference's name", def = "\"fraction_\"") String prefix) {
    }

    static final InPort<Table> PARTS = InPort.of("parts", DataKind.TABLE, Table.class,
            "One row per channel (a 'column' naming it), one numeric column per part: NMF's parts or PCA's loadings");
    static final InPort<Table> REFERENCES = InPort.of("references", DataKind.TABLE, Table.class, "One row per reference spectrum, with its name");
    static final InPort<Table> WEIGHTS = InPort.of("weights", DataKind.TABLE, Table.class,
            "Optional: rows with the parts' weights and the true fractions, to correlate them").optional();
    static final OutPort<Table> MATCHES = OutPort.of("matches", DataKind.TABLE, Table.class, "One row per part: its reference and similarity");
    static final OutPort<Metrics> METRICS = OutPort.of("metrics", DataKind.METRICS, Metrics.class,
            "mean_similarity, min_similarity, unmatched_parts, mean_weight_r");

    /** The names resolved at configure time. */
    record Plan(List<String> parts, String name, String spectrum) {
    }

    @Override
    public Specs configure(Specs in, Params p, ConfigContext ctx) throws ConfigError {
        TableSpec parts = in.table(PARTS);
        ColumnSpec channel = parts.column("column").orElseThrow(() -> ConfigError.atPort("parts",
                "The parts table has no 'column' naming each channel.", "Wire prepare.nmf's 'parts' or prepare.pca's 'loadings' here."));
        List<String> partNames = parts.columns().stream().filter(c -> c != channel && c.isNumeric()).map(ColumnSpec::name).toList();
        if (partNames.isEmpty()) {
            throw ConfigError.atPort("parts", "The parts table has no numeric part column.", "Wire prepare.nmf's 'parts' or prepare.pca's 'loadings' here.");
        }
        TableSpec refs = in.table(REFERENCES);
        String name = p.name().isEmpty() ? refs.columns().stream().filter(ColumnSpec::isCategorical).map(ColumnSpec::name).findFirst()
                .orElseThrow(() -> ConfigError.atParam("name", "The references have no categorical column to name them.", "Add a name column."))
                : p.name();
        if (!refs.requireColumn(name, "name").isCategorical()) {
            throw ConfigError.atParam("name", "'" + name + "' does not hold names.", "Name a categorical column of the references.");
        }
        String spectrum = p.spectrum().isEmpty() ? refs.columns().stream().filter(ColumnSpec::isTensor).map(ColumnSpec::name).findFirst().orElse("")
                : p.spectrum();
        if (!spectrum.isEmpty()) {
            ColumnSpec s = refs.requireColumn(spectrum, "spectrum");
            if (!s.isTensor() || s.shape().rank() != 1) {
                throw ConfigError.atParam("spectrum", "'" + spectrum + "' is not a spectrum column.", "Name a one-axis spectrum column, or leave it empty.");
            }
        }
        List<ColumnSpec> out = new ArrayList<>(List.of(new ColumnSpec("part", ColumnType.CATEGORICAL, ColumnRole.ID),
                new ColumnSpec("reference", ColumnType.CATEGORICAL, ColumnRole.FEATURE), new ColumnSpec("similarity", ColumnType.NUMERIC, ColumnRole.FEATURE),
                new ColumnSpec("runner_up", ColumnType.CATEGORICAL, ColumnRole.FEATURE),
                new ColumnSpec("runner_up_similarity", ColumnType.NUMERIC, ColumnRole.FEATURE)));
        if (in.has(WEIGHTS)) {
            TableSpec w = in.table(WEIGHTS);
            for (String part : partNames) {
                ColumnSpec c = w.column(part).orElseThrow(() -> ConfigError.atPort("weights", "The weights table has no column '" + part + "'.",
                        "Wire the 'out' table of the same decomposition."));
                if (!c.isNumeric()) {
                    throw ConfigError.atPort("weights", "'" + part + "' in the weights table is not numeric.", "Wire the 'out' table of the decomposition.");
                }
            }
            out.add(new ColumnSpec("weight_r", ColumnType.NUMERIC, ColumnRole.FEATURE));
        }
        return Specs.builder().put(MATCHES, new TableSpec(out, refs.lineage())).put(METRICS, ValueSpec.of(DataKind.METRICS, refs.lineage())).build()
                .withPlan(new Plan(partNames, name, spectrum));
    }

    @Override
    public Outputs execute(Inputs in, Params p, ExecContext ctx) {
        Plan plan = in.plan(Plan.class, this, p, ctx);
        Table parts = in.get(PARTS);
        Column channelColumn = parts.column("column").orElseThrow();
        List<String> channels = new ArrayList<>();
        for (int r = 0; r < parts.rowCount(); r++) {
            channels.add(channelColumn.text(r));
        }
        ReferenceSpectra refs = ReferenceSpectra.read(in.get(REFERENCES), plan.name(), plan.spectrum(), channels);
        int k = plan.parts().size();
        int m = refs.names().size();
        if (m == 0) {
            throw new NodeFailure("The references table has no rows.", "Wire a table with one reference spectrum per row.");
        }
        double[][] sim = new double[k][m];
        for (int i = 0; i < k; i++) {
            NumericColumn part = parts.numeric(plan.parts().get(i));
            double[] v = new double[channels.size()];
            for (int c = 0; c < v.length; c++) {
                v[c] = part.get(c);
            }
            for (int j = 0; j < m; j++) {
                double s = cosine(v, refs.values()[j]);
                sim[i][j] = p.eitherSign() ? Math.abs(s) : s;
            }
        }
        int[] match = Assignment.maximise(sim);
        double[] weightR = in.has(WEIGHTS) ? weightCorrelations(in.get(WEIGHTS), plan.parts(), refs.names(), match, p.prefix()) : null;
        return Outputs.builder().put(MATCHES, matches(plan.parts(), refs.names(), sim, match, weightR))
                .put(METRICS, new Metrics(Task.CLUSTERING, metrics(sim, match, weightR), k)).build();
    }

    /** cos ∠(a, b); 0 when either is all zeros (no direction to compare). */
    static double cosine(double[] a, double[] b) {
        double ab = 0;
        double aa = 0;
        double bb = 0;
        for (int i = 0; i < a.length; i++) {
            ab += a[i] * b[i];
            aa += a[i] * a[i];
            bb += b[i] * b[i];
        }
        return aa == 0 || bb == 0 ? 0 : ab / Math.sqrt(aa * bb);
    }

    private static Map<String, Double> metrics(double[][] sim, int[] match, double[] weightR) {
        double sum = 0;
        double min = Double.NaN;
        int matched = 0;
        double rSum = 0;
        for (int i = 0; i < match.length; i++) {
            if (match[i] >= 0) {
                double s = sim[i][match[i]];
                sum += s;
                min = matched == 0 ? s : Math.min(min, s);
                matched++;
                if (weightR != null) {
                    rSum += weightR[i];
                }
            }
        }
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("mean_similarity", matched == 0 ? Double.NaN : sum / matched);
        m.put("min_similarity", min);
        m.put("unmatched_parts", (double) (match.length - matched));
        if (weightR != null) {
            m.put("mean_weight_r", matched == 0 ? Double.NaN : rSum / matched);
        }
        return m;
    }

    private static Table matches(List<String> parts, List<String> refs, double[][] sim, int[] match, double[] weightR) {
        int k = parts.size();
        int[] partCode = new int[k];
        int[] refCode = new int[k];
        int[] runnerCode = new int[k];
        double[] similarity = new double[k];
        double[] runner = new double[k];
        for (int i = 0; i < k; i++) {
            partCode[i] = i;
            refCode[i] = match[i];
            similarity[i] = match[i] < 0 ? Double.NaN : sim[i][match[i]];
            int best = -1;
            for (int j = 0; j < refs.size(); j++) {
                if (j != match[i] && (best < 0 || sim[i][j] > sim[i][best])) {
                    best = j;
                }
            }
            runnerCode[i] = best;
            runner[i] = best < 0 ? Double.NaN : sim[i][best];
        }
        List<Column> cols = new ArrayList<>(List.of(new CategoricalColumn("part", ColumnRole.ID, partCode, parts),
                new CategoricalColumn("reference", ColumnRole.FEATURE, refCode, refs), new NumericColumn("similarity", ColumnRole.FEATURE, similarity),
                new CategoricalColumn("runner_up", ColumnRole.FEATURE, runnerCode, refs),
                new NumericColumn("runner_up_similarity", ColumnRole.FEATURE, runner)));
        if (weightR != null) {
            cols.add(new NumericColumn("weight_r", ColumnRole.FEATURE, weightR));
        }
        return new Table(cols);
    }

    /** Pearson r of each matched part's weights with its reference's truth column; NaN for unmatched parts. */
    private static double[] weightCorrelations(Table w, List<String> parts, List<String> refs, int[] match, String prefix) {
        double[] out = new double[parts.size()];
        for (int i = 0; i < out.length; i++) {
            if (match[i] < 0) {
                out[i] = Double.NaN;
                continue;
            }
            String ref = refs.get(match[i]);
            String truth = prefix + ref.replaceAll("[^\\p{L}\\p{N}]", "_");
            Column t = w.column(truth).or(() -> w.column(prefix + ref)).orElseThrow(() -> new NodeFailure("The weights table has no truth column '"
                    + truth + "' for reference '" + ref + "'.", "Set 'prefix' so that prefix + the reference's name names its truth column."));
            if (!(t instanceof NumericColumn truthColumn)) {
                throw new NodeFailure("Truth column '" + truth + "' is not numeric.", "Name numeric truth columns through 'prefix'.");
            }
            out[i] = pearson(w.numeric(parts.get(i)), truthColumn);
        }
        return out;
    }

    static double pearson(NumericColumn a, NumericColumn b) {
        double sa = 0;
        double sb = 0;
        int n = 0;
        for (int r = 0; r < a.size(); r++) {
            if (!a.isMissing(r) && !b.isMissing(r)) {
                sa += a.get(r);
                sb += b.get(r);
                n++;
            }
        }
        double ma = sa / n;
        double mb = sb / n;
        double ab = 0;
        double aa = 0;
        double bb = 0;
        for (int r = 0; r < a.size(); r++) {
            if (!a.isMissing(r) && !b.isMissing(r)) {
                ab += (a.get(r) - ma) * (b.get(r) - mb);
                aa += (a.get(r) - ma) * (a.get(r) - ma);
                bb += (b.get(r) - mb) * (b.get(r) - mb);
            }
        }
        return aa == 0 || bb == 0 ? Double.NaN : ab / Math.sqrt(aa * bb);
    }
}
