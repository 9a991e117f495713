package org.anneal.lineage;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.anneal.exec.Validation;
import org.anneal.graph.Problem.Severity;
import org.anneal.spec.Claim;
import org.anneal.spec.ColumnRole;
import org.anneal.spec.CrossValidatedSpec;
import org.anneal.spec.FoldStrategy;
import org.anneal.spec.LeakageRole;
import org.anneal.spec.NodeDescriptor;
import org.anneal.spec.SplitStrategy;
import org.anneal.spec.TableSpec;

/**
 * Issue 16, family 6: declared claims. A source or a split may say what its score claims ({@link Claim}): interpolation
 * within known materials, or prediction for new compositions, new heats, future times. L16: the split (or the folds of a
 * cross-validation) does not test the claim: rows of one composition, heat or time on both sides when the claim is about
 * new ones. And findings about groups, time and near-copies are judged against the claim: for known materials a random
 * split is the honest test, so L7, L8, D2, D4, D7 and D9 on that split become warnings that say what the score does not
 * cover; for new compositions, near-copies across the split (D4, D7, D9) are errors at any share.
 */
public final class ClaimRules {
    private static final Set<String> JUDGED = Set.of("L7", "L8", "D2", "D4", "D7", "D9");
    private static final Set<String> NEAR_COPIES = Set.of("D4", "D7", "D9");

    private ClaimRules() {
    }

    /** The claim declared at {@code node} or, failing that, at the nearest node upstream that declares one. */
    static Claim claimOf(Validation v, String node) {
        Set<String> chain = new LinkedHashSet<>();
        chain.add(node);
        chain.addAll(LeakageAnalyzer.upstreamOf(v, node));
        for (String u : chain) {
            if (v.params().get(u) instanceof Claim.Declared d && d.claim() != null && d.claim() != Claim.UNSTATED) {
                return d.claim();
            }
        }
        return Claim.UNSTATED;
    }

    /** L16 at every split and cross-validation whose assignment of rows does not test the claim its rows carry. */
    static void check(Validation v, List<Finding> out) {
        for (String id : v.order()) {
            NodeDescriptor d = v.descriptors().get(id);
            if (d == null || !v.inSpecs().containsKey(id)) {
                continue;
            }
            TableSpec rows = v.inSpecs().get(id).asMap().values().stream().filter(s -> s instanceof TableSpec).map(s -> (TableSpec) s)
                    .findFirst().orElse(null);
            if (rows == null) {
                continue;
            }
            String how;
            boolean byGroup;
            boolean byTime;
            if (d.role() == LeakageRole.SPLIT && d.splitStrategy() != SplitStrategy.NONE) {
                how = "'" + id + "' assigns rows " + switch (d.splitStrategy()) {
                    case GROUP -> "by group";
                    case TIME -> "by time";
                    default -> "at random";
                };
                byGroup = d.splitStrategy() == SplitStrategy.GROUP;
                byTime = d.splitStrategy() == SplitStrategy.TIME;
            } else {
                FoldStrategy folds = v.outSpecs().get(id).asMap().values().stream().filter(s -> s instanceof CrossValidatedSpec)
                        .map(s -> ((CrossValidatedSpec) s).folds()).findFirst().orElse(null);
                if (folds == null || d.role() != LeakageRole.EVALUATE) {
                    continue;
                }
                how = "'" + id + "' forms its folds with the '" + folds.key() + "' strategy";
                byGroup = folds == FoldStrategy.GROUP;
                byTime = folds == FoldStrategy.CONTIGUOUS;
            }
            boolean hasGroup = rows.columns().stream().anyMatch(c -> c.role() == ColumnRole.GROUP);
            boolean hasTime = rows.columns().stream().anyMatch(c -> c.role() == ColumnRole.TIME);
            Claim claim = claimOf(v, id);
            String why = switch (claim) {
                // a random assignment of grouped or timed rows is already L7 / L8 on this node: one finding per leak
                case NEW_COMPOSITIONS -> byGroup || (!byTime && hasGroup) ? null
                        : "so one composition can be measured on both sides (replicates, or the same alloy at another temperature): the "
                                + "score is that of interpolation among compositions the model has seen";
                case NEW_GROUPS -> byGroup || (!byTime && hasGroup) ? null
                        : hasGroup ? "so rows of one heat or specimen land on both sides"
                        : "and the rows declare no group column (heat, specimen, batch), so nothing keeps one heat's rows on one side";
                case FUTURE -> byTime || (!byGroup && hasTime) ? null
                        : hasTime ? "so later rows train the model that is tested on earlier ones"
                        : "and the rows declare no time column, so nothing keeps the test rows after the training rows";
                default -> null;
            };
            String sameLeak = claim == Claim.FUTURE ? "L8" : "L7";
            if (why == null || out.stream().anyMatch(f -> f.rule().equals(sameLeak) && f.nodes().contains(id))) {
                continue; // rows of one group (time) across this split are already named by L7 (L8): one finding per leak
            }
            String fix = switch (claim) {
                case NEW_COMPOSITIONS -> "Declare the composition column (formula, or the alloy's id) as 'group' at the data source and "
                        + "use a Group split (split.group) or group folds, so that every composition is entirely on one side; or declare "
                        + "the claim 'known-materials' if interpolation is what the score is for.";
                case NEW_GROUPS -> "Declare the heat (specimen, batch) column as 'group' at the data source and use a Group split "
                        + "(split.group) or group folds.";
                default -> "Declare the time column as 'time' at the data source and use a Time split (split.time): train on the earlier "
                        + "rows, score the later ones.";
            };
            out.add(new Finding("L16", Severity.ERROR, "The split does not test what the workflow claims.",
                    "The rows claim " + claim.words() + ", but " + how + ", " + why + ". Expect the score to drop when the claim is put "
                            + "to the test.",
                    fix, List.of(id), List.of()));
        }
    }

    /**
     * Findings about groups, time order and near-copies judged against the claim of the split they name: warnings for known
     * materials (the claim allows them), errors for new compositions (near-copies contradict it).
     */
    public static List<Finding> judge(Validation v, List<Finding> findings) {
        List<Finding> out = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            if (!JUDGED.contains(f.rule()) || f.nodes().isEmpty() || !v.descriptors().containsKey(f.nodes().get(0))) {
                out.add(f);
                continue;
            }
            Claim claim = claimOf(v, f.nodes().get(0));
            if (claim == Claim.KNOWN_MATERIALS && f.isError()) {
                out.add(new Finding(f.rule(), Severity.WARNING, f.title(), f.explanation() + " The workflow claims " + claim.words()
                        + ", which such a split does test; the score says nothing about new heats, compositions or times.", f.fix(),
                        f.nodes(), f.wires()));
            } else if (claim == Claim.NEW_COMPOSITIONS && NEAR_COPIES.contains(f.rule()) && !f.isError()) {
                out.add(new Finding(f.rule(), Severity.ERROR, f.title(), f.explanation() + " The workflow claims " + claim.words()
                        + ", and a test row that copies a training composition contradicts it at any share.", f.fix(), f.nodes(), f.wires()));
            } else {
                out.add(f);
            }
        }
        return out;
    }
}
