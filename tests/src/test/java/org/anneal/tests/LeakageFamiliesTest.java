package org.anneal.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.anneal.exec.FileAccess;
import org.anneal.exec.Validation;
import org.anneal.exec.Validator;
import org.anneal.graph.LoadedWorkflow;
import org.anneal.graph.Problem.Severity;
import org.anneal.graph.Workflow;
import org.anneal.graph.WorkflowCodec;
import org.anneal.lineage.Finding;
import org.anneal.lineage.LeakageAnalyzer;
import org.anneal.lineage.QuickFix;
import org.anneal.lineage.QuickFixes;
import org.anneal.spec.NodeRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 16, families 1 (leakage inside cross-validation), 2 (the history a learner carries) and 3 (one test set, many
 * looks): broken pipelines under
 * {@code tests/fixtures/leakage/}, each named {@code NAME.RULE.json} (or {@code NAME.RULE-warning.json}), must raise that
 * rule at that severity, naming the node that introduces the leak; the correct ones live in {@code workflows/suspicious/}.
 */
class LeakageFamiliesTest {
    static Stream<Path> broken() throws Exception {
        try (Stream<Path> s = Files.list(Path.of("tests/fixtures/leakage"))) {
            // families 4-6 have their own test (LeakageFamilies456Test): some of their rules are found only at run time
            List<Path> fs = s.filter(p -> p.toString().endsWith(".json") && p.getFileName().toString().matches("f[123]-.*")).sorted().toList();
            assertTrue(fs.size() >= 8, fs.toString());
            return fs.stream();
        }
    }

    static Validation validate(Workflow w, LoadedWorkflow original) {
        LoadedWorkflow lw = new LoadedWorkflow(w, original.file(), original.locations(), List.of());
        return new Validator(NodeRegistry.standard()).validate(lw, FileAccess.unrestricted(lw.baseDir()));
    }

    static Validation validate(Path file) throws Exception {
        LoadedWorkflow lw = new WorkflowCodec().read(file);
        return new Validator(NodeRegistry.standard()).validate(lw, FileAccess.unrestricted(lw.baseDir()));
    }

    @ParameterizedTest
    @MethodSource("broken")
    void everyBrokenPipelineRaisesItsRuleAtItsSeverity(Path file) throws Exception {
        String[] parts = file.getFileName().toString().split("\\.");
        String rule = parts[1].replace("-warning", "");
        Severity severity = parts[1].endsWith("-warning") ? Severity.WARNING : Severity.ERROR;
        Validation v = validate(file);
        assertEquals(List.of(), v.problems(), file.toString());
        List<Finding> fs = new LeakageAnalyzer().analyze(v);
        Finding f = fs.stream().filter(x -> x.rule().equals(rule)).findFirst().orElseThrow(() -> new AssertionError(file + ": " + fs));
        assertEquals(severity, f.severity(), f.toString());
        assertEquals(1, fs.stream().filter(x -> x.rule().equals(rule)).count(), "one finding per leak: " + fs);
        assertFalse(f.nodes().isEmpty());
        String culprit = f.nodes().get(0);
        String type = v.source().workflow().node(culprit).orElseThrow().type();
        // L14's leak is the second look: the fit of the model built from the first model's result
        assertTrue(type.startsWith("prepare.") || type.equals("model.tune") || rule.equals("L14") && type.equals("train.fit"),
                "the node that introduces the leak is named first: " + f);
        assertTrue(f.fix().contains("'" + culprit + "'"), f.fix());
        if (severity == Severity.WARNING) {
            assertTrue(fs.stream().noneMatch(Finding::isError), "a warning-only flaw raises no error: " + fs);
        }
    }

    /** Family 1: the quick fix turns the prepare node into its pipeline form, and the cross-validation is then clean. */
    @Test
    void theQuickFixPutsSupervisedPreprocessingInsideTheFolds() throws Exception {
        for (String name : List.of("f1-select-k-best-before-cv.L3.json", "f1-target-encode-before-cv.L3.json", "f1-select-on-train-then-cv.L3.json")) {
            Path file = Path.of("tests/fixtures/leakage", name);
            Validation v = validate(file);
            Finding f = new LeakageAnalyzer().analyze(v).stream().filter(x -> x.rule().equals("L3")).findFirst().orElseThrow();
            Optional<QuickFix> fix = QuickFixes.forFinding(f, v);
            assertTrue(fix.isPresent(), name);
            assertTrue(fix.get().description().contains("pipeline."), fix.get().description());
            Workflow fixed = fix.get().apply(v.source().workflow());
            String culprit = f.nodes().get(0);
            assertTrue(fixed.node(culprit).orElseThrow().type().startsWith("pipeline."), fixed.nodes().toString());
            Validation after = validate(fixed, v.source());
            assertEquals(List.of(), after.problems(), name);
            assertEquals(List.of(), new LeakageAnalyzer().analyze(after), name + " after the fix");
        }
    }

    /** Family 2: the quick fix moves the tune node onto the split's training rows; nothing is left to report. */
    @Test
    void theQuickFixTunesOnTheTrainingRows() throws Exception {
        for (String name : List.of("f2-tuned-on-all-rows-scored-on-test.L11.json", "f2-k-tuned-on-all-rows.L11.json")) {
            Path file = Path.of("tests/fixtures/leakage", name);
            Validation v = validate(file);
            Finding f = new LeakageAnalyzer().analyze(v).stream().filter(x -> x.rule().equals("L11")).findFirst().orElseThrow();
            Workflow fixed = QuickFixes.forFinding(f, v).orElseThrow().apply(v.source().workflow());
            Validation after = validate(fixed, v.source());
            assertEquals(List.of(), after.problems(), name);
            assertEquals(List.of(), new LeakageAnalyzer().analyze(after), name + " after the fix");
        }
    }

    /** At run time the folds are looked into: the oversampled rows hold exact copies that the folds separate. */
    @Test
    void copiesInsideTheFoldsAreFoundAtRunTime() throws Exception {
        LoadedWorkflow lw = new WorkflowCodec().read(Path.of("tests/fixtures/leakage/f1-oversample-before-cv.L4.json"));
        Validation v = new Validator(NodeRegistry.standard()).validate(lw, FileAccess.unrestricted(lw.baseDir()));
        org.anneal.exec.RunResult r = GoldenWorkflowsTest.run(lw, v);
        assertTrue(r.succeeded(), r.problems().toString());
        List<Finding> dynamic = new org.anneal.lineage.DynamicChecks(org.anneal.lineage.DynamicChecks.Thresholds.DEFAULT).analyze(v, r);
        Finding d1 = dynamic.stream().filter(f -> f.rule().equals("D1")).findFirst().orElseThrow(() -> new AssertionError(dynamic.toString()));
        assertTrue(d1.isError(), d1.explanation());
        assertEquals(List.of("cv"), d1.nodes());
        assertTrue(d1.explanation().contains("exact copy"), d1.explanation());
    }

    /** The model remembers what chose its learner: without tuning, the same wiring is clean. */
    @Test
    void aTunedLearnersChoiceTravelsIntoTheModel() throws Exception {
        Validation v = validate(Path.of("tests/fixtures/leakage/f2-tuned-on-all-rows-scored-on-test.L11.json"));
        var model = (org.anneal.spec.ModelSpec) v.outSpecs().get("fit").asMap().get("model");
        assertTrue(model.lineage().chosenOn().contains(org.anneal.spec.Partition.ALL), model.toString());
        assertFalse(model.lineage().fittedOn().contains(org.anneal.spec.Partition.ALL), "chosen on, not fitted on: " + model);
    }

    /**
     * Family 3: the quick fix measures the importance on the split's validation rows, and nothing is left. A holdout has no
     * such rows (its training rows would be scored by the model that learnt them, L1), so there the finding offers no quick fix.
     */
    @Test
    void theQuickFixMeasuresTheImportanceOnTheValidationRows() throws Exception {
        Validation holdout = validate(Path.of("tests/fixtures/leakage/f3-permutation-on-test-picks-features.L13.json"));
        Finding h = new LeakageAnalyzer().analyze(holdout).stream().filter(x -> x.rule().equals("L13")).findFirst().orElseThrow();
        assertTrue(QuickFixes.forFinding(h, holdout).isEmpty(), "no honest rewiring of a holdout");
        assertTrue(h.fix().contains("split.three-way"), h.fix());
        for (String name : List.of("f3-shap-on-test-picks-oxides.L13.json", "f3-test-importance-then-tuned.L13.json")) {
            Validation v = validate(Path.of("tests/fixtures/leakage", name));
            Finding f = new LeakageAnalyzer().analyze(v).stream().filter(x -> x.rule().equals("L13")).findFirst().orElseThrow();
            assertEquals("select", f.nodes().get(0), f.toString());
            assertTrue(f.explanation().contains("test rows of split"), f.explanation());
            Workflow fixed = QuickFixes.forFinding(f, v).orElseThrow().apply(v.source().workflow());
            String side = "validation";
            String measured = f.nodes().get(1);
            assertTrue(fixed.links().stream().anyMatch(l -> l.to().node().equals(measured) && l.from().toString().equals("split:" + side)),
                    fixed.links().toString());
            Validation after = validate(fixed, v.source());
            assertEquals(List.of(), after.problems(), name);
            assertEquals(List.of(), new LeakageAnalyzer().analyze(after), name + " after the fix");
        }
    }

    /** Family 3: the chain-of-tries warning names both models and the test set and counts the looks; there is no quick fix. */
    @Test
    void aChainOfTriesOnOneTestSetIsCountedAndNamed() throws Exception {
        Validation v = validate(Path.of("tests/fixtures/leakage/f3-chain-of-tries-on-test.L14-warning.json"));
        Finding f = new LeakageAnalyzer().analyze(v).stream().filter(x -> x.rule().equals("L14")).findFirst().orElseThrow();
        assertTrue(f.explanation().startsWith("2 models ('fit_first', 'fit_second') are scored on test rows of split, 2 looks in all"), f.explanation());
        assertEquals(List.of("fit_second", "fit_first", "score_first", "score_second"), f.nodes());
        assertTrue(QuickFixes.forFinding(f, v).isEmpty(), "which model to keep is the student's decision");
    }

    /** The selection block at run time: keeps the k largest importances that name features of the data, drops the rest. */
    @Test
    void selectByImportanceKeepsTheTopFeaturesAndHandsOnItsChoice() throws Exception {
        LoadedWorkflow lw = new WorkflowCodec().read(Path.of("workflows/suspicious/18-coefficients-choose-then-one-score.json"));
        Validation v = new Validator(NodeRegistry.standard()).validate(lw, FileAccess.unrestricted(lw.baseDir()));
        org.anneal.exec.RunResult r = GoldenWorkflowsTest.run(lw, v);
        assertTrue(r.succeeded(), r.problems().toString());
        org.anneal.data.Table coef = (org.anneal.data.Table) r.node("coefficients").outputs().get("table");
        org.anneal.data.Table train = (org.anneal.data.Table) r.node("select").outputs().get("out");
        org.anneal.data.Table test = (org.anneal.data.Table) r.node("apply").outputs().get("out");
        List<String> kept = train.columns().stream().filter(c -> c.role() == org.anneal.spec.ColumnRole.FEATURE).map(c -> c.name()).toList();
        assertEquals(2, kept.size(), kept.toString());
        org.anneal.data.Table before = (org.anneal.data.Table) r.node("scale").outputs().get("out");
        List<String> candidates = before.columns().stream().filter(c -> c.role() == org.anneal.spec.ColumnRole.FEATURE).map(c -> c.name()).toList();
        assertTrue(candidates.size() > 2 && candidates.containsAll(kept), candidates.toString());
        assertEquals(kept, test.columns().stream().filter(c -> c.role() == org.anneal.spec.ColumnRole.FEATURE).map(c -> c.name()).toList());
        var names = (org.anneal.data.CategoricalColumn) coef.columns().get(0);
        double[] values = ((org.anneal.data.NumericColumn) coef.columns().get(1)).values();
        double smallestKept = Double.MAX_VALUE;
        double largestDropped = 0;
        for (int i = 0; i < names.size(); i++) {
            if (kept.contains(names.get(i))) {
                smallestKept = Math.min(smallestKept, Math.abs(values[i]));
            } else if (candidates.contains(names.get(i))) {
                largestDropped = Math.max(largestDropped, Math.abs(values[i]));
            }
        }
        assertTrue(smallestKept >= largestDropped, "kept the largest magnitudes: " + kept + " of " + names.levels() + " " + java.util.Arrays.toString(values));
    }

    /** Family 3 adds nothing to the puzzles about other flaws, nor to any reference solution: their verdicts stay as they were. */
    @Test
    void family3IsSilentOnThePuzzlesAboutOtherFlaws() throws Exception {
        try (Stream<Path> s = Files.list(Path.of("workflows/puzzles"))) {
            for (Path p : s.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                boolean about3 = p.getFileName().toString().startsWith("21-") && !p.toString().endsWith(".solution.json");
                List<String> rules = new LeakageAnalyzer().analyze(validate(p)).stream().map(Finding::rule)
                        .filter(r -> r.equals("L13") || r.equals("L14")).toList();
                assertEquals(about3 ? List.of("L13") : List.of(), rules, p.toString());
            }
        }
    }
}
