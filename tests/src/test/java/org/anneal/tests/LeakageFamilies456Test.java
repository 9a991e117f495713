package org.anneal.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.anneal.exec.FileAccess;
import org.anneal.exec.RunResult;
import org.anneal.exec.Validation;
import org.anneal.exec.Validator;
import org.anneal.graph.LoadedWorkflow;
import org.anneal.graph.Problem.Severity;
import org.anneal.graph.Workflow;
import org.anneal.graph.WorkflowCodec;
import org.anneal.lineage.DynamicChecks;
import org.anneal.lineage.Finding;
import org.anneal.lineage.LeakageAnalyzer;
import org.anneal.lineage.QuickFixes;
import org.anneal.spec.NodeRegistry;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 16, families 4 (second sources), 5 (proxies in content) and 6 (declared claims): broken pipelines under
 * {@code tests/fixtures/leakage/}, named {@code f4-NAME.RULE.json} (or {@code RULE-warning}), raise that rule at that
 * severity, once, naming the node that introduces the leak and a fix that names it; an L-rule before anything runs, a
 * D-rule after a run. A quick fix, where the finding has one, removes the finding when applied. The correct pipelines under
 * {@code tests/fixtures/leakage/correct/} raise no error, static or at run time.
 */
class LeakageFamilies456Test {
    private static final Path DIR = Path.of("tests/fixtures/leakage");

    static Stream<Path> broken() throws Exception {
        try (Stream<Path> s = Files.list(DIR)) {
            return s.filter(p -> p.getFileName().toString().matches("f[456]-.*\\.json")).sorted().toList().stream();
        }
    }

    static Stream<Path> correct() throws Exception {
        try (Stream<Path> s = Files.list(DIR.resolve("correct"))) {
            return s.filter(p -> p.toString().endsWith(".json")).sorted().toList().stream();
        }
    }

    /** The bar: at least four broken and two correct pipelines of each family. */
    @org.junit.jupiter.api.Test
    void everyFamilyHasFourBrokenAndTwoCorrectPipelines() throws Exception {
        List<Path> broken = broken().toList();
        List<Path> correct = correct().toList();
        for (String family : List.of("f4-", "f5-", "f6-")) {
            assertTrue(broken.stream().filter(p -> p.getFileName().toString().startsWith(family)).count() >= 4, family + ": " + broken);
            assertTrue(correct.stream().filter(p -> p.getFileName().toString().startsWith(family)).count() >= 2, family + ": " + correct);
        }
    }

    static Validation validate(LoadedWorkflow lw) {
        return new Validator(NodeRegistry.standard()).validate(lw, FileAccess.unrestricted(lw.baseDir()));
    }

    /** Static findings, and for a D-rule (or with {@code run}) the run-time ones too. */
    static List<Finding> findings(LoadedWorkflow lw, Validation v, boolean run) {
        List<Finding> all = new ArrayList<>(new LeakageAnalyzer().analyze(v));
        if (run) {
            RunResult r = GoldenWorkflowsTest.run(lw, v);
            assertTrue(r.succeeded(), lw.file() + ": " + r.problems());
            all.addAll(new DynamicChecks(DynamicChecks.Thresholds.of(lw.workflow())).analyze(v, r));
        }
        return all;
    }

    @ParameterizedTest
    @MethodSource("broken")
    void everyBrokenPipelineRaisesItsRuleAtItsSeverity(Path file) throws Exception {
        String[] parts = file.getFileName().toString().split("\\.");
        String rule = parts[1].replace("-warning", "");
        Severity severity = parts[1].endsWith("-warning") ? Severity.WARNING : Severity.ERROR;
        LoadedWorkflow lw = new WorkflowCodec().read(file);
        Validation v = validate(lw);
        assertEquals(List.of(), v.problems(), file.toString());
        List<Finding> fs = findings(lw, v, rule.startsWith("D"));
        List<Finding> mine = fs.stream().filter(x -> x.rule().equals(rule)).toList();
        assertEquals(1, mine.size(), file + ": one finding per leak: " + fs);
        Finding f = mine.get(0);
        assertEquals(severity, f.severity(), f.describe());
        assertFalse(f.nodes().isEmpty());
        assertTrue(v.source().workflow().node(f.nodes().get(0)).isPresent(), f.describe());
        assertTrue(f.fix().contains("'" + f.nodes().get(0) + "'") || f.fix().contains("'" + f.nodes().get(f.nodes().size() - 1) + "'")
                || f.explanation().contains("'" + f.nodes().get(0) + "'"), "names the culprit: " + f.describe());
        assertTrue(f.explanation().matches("(?s).*(score|optimistic|memory|drop).*"), "says what happens to the score: " + f.describe());
        if (severity == Severity.WARNING) {
            assertTrue(fs.stream().noneMatch(Finding::isError), "a warning-only flaw raises no error: " + fs);
        }
        var fix = QuickFixes.forFinding(f, v);
        assertTrue(fix.isPresent() || !rule.equals("L15"), "a derived column's role is one click away: " + f.describe());
        if (fix.isPresent() && rule.startsWith("L")) {
            Workflow fixed = fix.get().apply(v.source().workflow());
            Validation after = validate(new LoadedWorkflow(fixed, lw.file(), lw.locations(), List.of()));
            assertEquals(List.of(), after.problems(), file + " after " + fix.get().description());
            assertTrue(new LeakageAnalyzer().analyze(after).stream().noneMatch(x -> x.rule().equals(rule)),
                    file + " after " + fix.get().description() + ": " + new LeakageAnalyzer().analyze(after));
        }
    }

    /**
     * L16's quick fix assigns the rows the way the claim needs, taking the group or time column back from a generator's
     * {@code ignore} list when that is why it is missing; a three-way split (no group form) and a file that declares no
     * composition column keep the written fix only.
     */
    @org.junit.jupiter.api.Test
    void theClaimsQuickFixAssignsRowsAsTheClaimNeeds() throws Exception {
        Map<String, String> expected = Map.of(
                "f6-future-claimed-time-dropped.L16.json", "Replace 'split' with a Time split, and stop leaving out the time column 'minute' at 'data'.",
                "f6-new-heats-without-heat-column.L16.json", "Replace 'split' with a Group split, and stop leaving out the group column 'heat' at 'data'.",
                "f6-new-heats-claimed-at-random-folds.L16.json", "Form the folds of 'cv' by group, and stop leaving out the group column 'heat' at 'data'.",
                "f6-new-mixes-random-split.L16.json", "",
                "f6-new-heats-claimed-at-three-way-split.L16.json", "");
        for (var e : expected.entrySet()) {
            LoadedWorkflow lw = new WorkflowCodec().read(DIR.resolve(e.getKey()));
            Validation v = validate(lw);
            Finding f = new LeakageAnalyzer().analyze(v).stream().filter(x -> x.rule().equals("L16")).findFirst().orElseThrow();
            assertEquals(e.getValue(), QuickFixes.forFinding(f, v).map(q -> q.description()).orElse(""), e.getKey());
        }
    }

    @ParameterizedTest
    @MethodSource("correct")
    void everyCorrectPipelineRaisesNoError(Path file) throws Exception {
        LoadedWorkflow lw = new WorkflowCodec().read(file);
        Validation v = validate(lw);
        assertEquals(List.of(), v.problems(), file.toString());
        List<Finding> fs = findings(lw, v, true);
        assertTrue(fs.stream().noneMatch(Finding::isError), file + ": " + fs.stream().map(Finding::describe).toList());
    }
}
