package org.anneal.lineage;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.anneal.exec.NodeResult;
import org.anneal.exec.RunResult;
import org.anneal.exec.Validation;
import org.anneal.graph.PortRef;
import org.anneal.graph.Problem.Severity;
import org.anneal.ml.Metrics;
import org.anneal.spec.DataKind;
import org.anneal.spec.LeakageRole;
import org.anneal.spec.NodeDescriptor;
import org.anneal.spec.Partition;
import org.anneal.spec.Spec;
import org.anneal.spec.TableSpec;

/**
 * D6: a learner is both cross-validated and scored once on a test set, and the test score is clearly better than the
 * cross-validated one. "Clearly": test score − CV mean &gt; {@code cvSdMultiple} × CV sd + {@code cvMargin}, on R² for
 * regression and accuracy for classification. A held-out test set drawn like the training rows should score about the
 * CV mean, within its spread; far above it usually means the test rows resemble the training rows more than new samples
 * would (near-copies, shared groups), or that the test set was used to choose.
 */
final class TestVersusCrossValidation {
    private TestVersusCrossValidation() {
    }

    static void check(Validation v, RunResult r, DynamicChecks.Thresholds th, List<Finding> out) {
        for (String cv : v.order()) {
            PortRef learner = learnerOf(v, cv);
            Metrics cvm = metrics(r, cv);
            if (learner == null || cvm == null || !cvm.values().containsKey(score(cvm) + "_sd")) {
                continue;
            }
            for (String eval : v.order()) {
                if (eval.equals(cv) || !scoresTestRows(v, eval)) {
                    continue;
                }
                PortRef model = v.wiring().getOrDefault(eval, Map.of()).get("model");
                if (model == null || !learner.equals(learnerOf(v, model.node()))) {
                    continue;
                }
                Metrics tm = metrics(r, eval);
                String name = tm == null ? null : score(cvm);
                if (name == null || !tm.values().containsKey(name)) {
                    continue;
                }
                double mean = cvm.get(name);
                double sd = cvm.get(name + "_sd");
                double test = tm.get(name);
                double bar = mean + th.cvSdMultiple() * sd + th.cvMargin();
                if (test > bar) {
                    out.add(new Finding("D6", Severity.WARNING, "The test score beats the cross-validated score by far.",
                            String.format(Locale.ROOT, "'%s' scores %s = %.3f on the test rows, but '%s' cross-validated the same learner "
                                    + "'%s' at %.3f ± %.3f (mean ± sd over folds). More than %.1f sd + %.2f above the folds is rarely luck: "
                                    + "the test rows may be near-copies of training rows (replicates, shared groups), or the test "
                                    + "set was used to make choices.", eval, name, test, cv, learner.node(), mean, sd, th.cvSdMultiple(),
                                    th.cvMargin()),
                            "Look at the run-time checks D1, D2 and D4 for copies across the split; split by sample or group; and keep "
                                    + "the test set out of every choice.", List.of(eval, cv), List.of()));
                }
            }
        }
    }

    /** The learner output a cross-validate or fit node reads on its 'learner' port. */
    private static PortRef learnerOf(Validation v, String node) {
        NodeDescriptor d = v.descriptors().get(node);
        if (d == null || d.inputs().stream().noneMatch(p -> p.kind() == DataKind.LEARNER)) {
            return null;
        }
        return d.inputs().stream().filter(p -> p.kind() == DataKind.LEARNER).map(p -> v.wiring().getOrDefault(node, Map.of()).get(p.name()))
                .filter(java.util.Objects::nonNull).findFirst().orElse(null);
    }

    /** An evaluation whose scored table comes from the test side of a split. */
    private static boolean scoresTestRows(Validation v, String node) {
        NodeDescriptor d = v.descriptors().get(node);
        if (d == null || d.role() != LeakageRole.EVALUATE || !v.inSpecs().containsKey(node)) {
            return false;
        }
        for (Spec s : v.inSpecs().get(node).asMap().values()) {
            if (s instanceof TableSpec t && t.lineage().partition().side() == Partition.Side.TEST) {
                return true;
            }
        }
        return false;
    }

    private static Metrics metrics(RunResult r, String node) {
        NodeResult nr = r.nodes().get(node);
        if (nr == null || nr.outputs() == null) {
            return null;
        }
        return nr.outputs().asMap().values().stream().filter(Metrics.class::isInstance).map(Metrics.class::cast).findFirst().orElse(null);
    }

    private static String score(Metrics m) {
        return m.values().containsKey("r2") ? "r2" : "accuracy";
    }
}
