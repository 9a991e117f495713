package org.anneal.lineage;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.anneal.exec.Validation;
import org.anneal.graph.NodeInstance;
import org.anneal.graph.Workflow;
import org.anneal.spec.Claim;
import org.anneal.spec.ColumnRole;
import org.anneal.spec.ConfigContext;
import org.anneal.spec.ConfigError;
import org.anneal.spec.LeakageRole;
import org.anneal.spec.NodeDescriptor;
import org.anneal.spec.Spec;
import org.anneal.spec.Specs;
import org.anneal.spec.TableSpec;

/**
 * The quick fix for L16 (a split that does not test the declared claim): assign the rows the way the claim needs. A claim of
 * new groups or compositions needs whole groups on one side (split.group, or group folds); a claim of future times needs the
 * later rows on the test side (split.time, or contiguous folds). When the rows carry no group (time) column because the data
 * source leaves it out, the fix also takes it back from the source's {@code ignore} list, found by asking the source what
 * role the column would have. A three-way split has no group or time form, and a column the data never declared cannot be
 * guessed: those keep the finding's written fix only.
 */
final class ClaimQuickFixes {
    private static final Set<String> REPLACEABLE = Set.of("split.holdout", "split.group", "split.time");

    private ClaimQuickFixes() {
    }

    static Optional<QuickFix> forL16(Finding f, Validation v) {
        String id = f.nodes().get(0);
        Workflow w = v.source().workflow();
        NodeInstance n = w.node(id).orElse(null);
        Claim claim = ClaimRules.claimOf(v, id);
        if (n == null || claim == Claim.UNSTATED || claim == Claim.KNOWN_MATERIALS) {
            return Optional.empty();
        }
        ColumnRole needed = claim == Claim.FUTURE ? ColumnRole.TIME : ColumnRole.GROUP;
        boolean cv = n.type().equals("evaluate.cross-validate");
        if (!cv && !REPLACEABLE.contains(n.type())) {
            return Optional.empty();
        }
        String wanted = needed == ColumnRole.TIME ? (cv ? "contiguous" : "split.time") : (cv ? "group" : "split.group");
        String how = cv ? "Form the folds of '" + id + "' by " + (needed == ColumnRole.TIME ? "time (contiguous)" : "group")
                : "Replace '" + id + "' with a " + (needed == ColumnRole.TIME ? "Time" : "Group") + " split";
        TableSpec rows = rowsInto(v, id);
        if (rows == null) {
            return Optional.empty();
        }
        if (rows.columns().stream().anyMatch(c -> c.role() == needed)) {
            return Optional.of(new QuickFix(how + ".", wf -> reassign(wf, id, cv, wanted)));
        }
        return ignoredColumnWithRole(v, id, needed).map(src -> new QuickFix(how + ", and stop leaving out the " + needed.name()
                .toLowerCase(java.util.Locale.ROOT) + " column '" + src.getValue() + "' at '" + src.getKey() + "'.",
                wf -> reassign(unignore(wf, src.getKey(), src.getValue()), id, cv, wanted)));
    }

    private static Workflow reassign(Workflow wf, String id, boolean cv, String wanted) {
        NodeInstance n = wf.node(id).orElseThrow();
        if (cv) {
            return wf.withNode(n.withParam("strategy", wanted));
        }
        ObjectNode params = n.params();
        params.retain("test", "claim"); // the held-out fraction and the claim mean the same in every split
        return wf.withNode(new NodeInstance(id, wanted, 1, params, n.position()));
    }

    private static Workflow unignore(Workflow wf, String source, String column) {
        NodeInstance n = wf.node(source).orElseThrow();
        return wf.withNode(n.withParams(withoutIgnored(n, column)));
    }

    /** The node's params with {@code column} taken off its {@code ignore} list. */
    private static ObjectNode withoutIgnored(NodeInstance n, String column) {
        ObjectNode params = n.params();
        ArrayNode kept = params.arrayNode();
        params.withArray("ignore").forEach(e -> {
            if (!e.asText().equals(column)) {
                kept.add(e);
            }
        });
        params.set("ignore", kept);
        return params;
    }

    private static TableSpec rowsInto(Validation v, String id) {
        Specs in = v.inSpecs().get(id);
        return in == null ? null : in.asMap().values().stream().filter(s -> s instanceof TableSpec).map(s -> (TableSpec) s).findFirst()
                .orElse(null);
    }

    /**
     * A data source upstream that leaves out, by its {@code ignore} list, a column that would carry {@code role}: the source
     * is configured again without that entry. Sources that read files are not re-read here (configure may not touch the disk
     * from a quick fix), so only generators qualify.
     */
    private static Optional<Map.Entry<String, String>> ignoredColumnWithRole(Validation v, String id, ColumnRole role) {
        Set<String> chain = new LinkedHashSet<>(LeakageAnalyzer.upstreamOf(v, id));
        for (String u : chain) {
            NodeDescriptor d = v.descriptors().get(u);
            NodeInstance n = v.source().workflow().node(u).orElse(null);
            if (d == null || n == null || d.role() != LeakageRole.SOURCE || !n.params().has("ignore")) {
                continue;
            }
            for (var e : n.params().withArray("ignore")) {
                String column = e.asText();
                if (roleWithout(d, n, column, u).filter(r -> r == role).isPresent()) {
                    return Optional.of(Map.entry(u, column));
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<ColumnRole> roleWithout(NodeDescriptor d, NodeInstance n, String column, String id) {
        NodeDescriptor.Binding b = d.bind(withoutIgnored(n, column));
        if (!b.ok()) {
            return Optional.empty();
        }
        ConfigContext noFiles = new ConfigContext() {
            @Override
            public java.nio.file.Path resolve(String path, String param) throws ConfigError {
                throw ConfigError.atParam(param, "A quick fix does not read files.", "");
            }

            @Override
            public String nodeId() {
                return id;
            }
        };
        try {
            for (Spec s : d.configure(Specs.of(Map.of()), b.params(), noFiles).asMap().values()) {
                if (s instanceof TableSpec t) {
                    return t.column(column).map(c -> c.role());
                }
            }
        } catch (ConfigError | RuntimeException ex) {
            return Optional.empty(); // a source that needs its file: no fix offered, the finding's text still says what to do
        }
        return Optional.empty();
    }
}
