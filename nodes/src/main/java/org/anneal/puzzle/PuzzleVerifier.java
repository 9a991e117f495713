package org.anneal.puzzle;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.anneal.device.DeviceSelector;
import org.anneal.exec.Executor;
import org.anneal.exec.FileAccess;
import org.anneal.exec.MemoryCache;
import org.anneal.exec.RunResult;
import org.anneal.exec.Validation;
import org.anneal.graph.Link;
import org.anneal.graph.LoadedWorkflow;
import org.anneal.graph.NodeInstance;
import org.anneal.lineage.DynamicChecks;
import org.anneal.lineage.Finding;
import org.anneal.ml.Metrics;
import org.anneal.session.Checked;
import org.anneal.session.SessionOptions;
import org.anneal.session.SessionResult;
import org.anneal.session.WorkflowSession;
import org.anneal.spec.NodeDescriptor;
import org.anneal.spec.NodeRegistry;
import org.anneal.spec.ParamDescriptor;
import org.anneal.spec.ParamType;

/**
 * Checks a student's workflow against a puzzle: the same verdict for {@code anneal puzzle verify} and the
 * editor's "Check my fix" button.
 */
public final class PuzzleVerifier {
    private final NodeRegistry registry;

    public PuzzleVerifier(NodeRegistry registry) {
        this.registry = registry;
    }

    public Verdict verify(LoadedWorkflow puzzleFile, LoadedWorkflow student) {
        Puzzle puzzle = Puzzle.of(puzzleFile.workflow());
        List<Verdict.Check> checks = new ArrayList<>();
        if (puzzle == null) {
            checks.add(new Verdict.Check(false, "The puzzle file has no \"puzzle\" block."));
            return new Verdict(false, checks);
        }
        for (String id : puzzle.lockedNodes()) {
            NodeInstance original = puzzleFile.workflow().node(id).orElse(null);
            NodeInstance mine = student.workflow().node(id).orElse(null);
            // by meaning, not text: a dataset path rewritten by "Save as" into another folder is the same dataset
            var diff = original == null || mine == null ? Optional.of("") : new LockedParts(registry).difference(original, puzzleFile.baseDir(), mine, student.baseDir());
            boolean same = diff.isEmpty();
            checks.add(new Verdict.Check(same, same ? "Locked node '" + id + "' is unchanged."
                    : "Locked node '" + id + "' was " + (mine == null ? "deleted" : "changed" + (diff.get().isEmpty() ? "" : " (" + diff.get() + ")"))
                    + "; put it back as it was (it is part of the puzzle)."));
        }
        for (Link l : puzzle.lockedLinks()) {
            boolean kept = student.workflow().links().contains(l);
            checks.add(new Verdict.Check(kept, kept ? "Locked wire " + l + " is in place." : "Locked wire " + l + " is missing; reconnect it."));
        }

        WorkflowSession checking = WorkflowSession.checking(registry);
        Set<String> originalFindings = keys(checking.check(puzzleFile).staticFindings());
        Checked checked = checking.check(student, access(puzzleFile, student));
        Validation v = checked.validation();
        if (v.hasErrors()) {
            checks.add(new Verdict.Check(false, "The workflow has " + v.errors().size() + " problem(s) that stop it from running; the first: "
                    + v.errors().get(0).message()));
            return new Verdict(false, checks);
        }
        List<Finding> findings = checked.staticFindings();
        for (String rule : puzzle.clear()) {
            if (isRunTimeRule(rule)) {
                continue; // checked on the data once the workflow has run
            }
            List<Finding> still = findings.stream().filter(f -> f.rule().equals(rule)).toList();
            checks.add(new Verdict.Check(still.isEmpty(), still.isEmpty() ? "The flaw (" + rule + ") is gone."
                    : "The flaw is still there: " + still.get(0).title() + " " + still.get(0).explanation()));
        }
        List<Finding> fresh = findings.stream().filter(f -> f.isError() && !originalFindings.contains(key(f)) && !puzzle.clear().contains(f.rule()))
                .toList();
        checks.add(new Verdict.Check(fresh.isEmpty(), fresh.isEmpty() ? "No new flaw was introduced."
                : "The fix introduced a new flaw: " + fresh.get(0).title() + " " + fresh.get(0).explanation()));

        // the puzzle's thresholds, never the student's copy: a fix must not consist of loosening them
        SessionOptions options = SessionOptions.on(DeviceSelector.system().select("cpu"))
                .withRunTimeChecks(DynamicChecks.Thresholds.of(puzzleFile.workflow()));
        SessionResult s;
        try (Executor ex = new Executor(MemoryCache.standard(), 2)) {
            s = new WorkflowSession(registry, ex).run(checked, options);
        }
        RunResult r = s.run();
        checks.add(new Verdict.Check(r.succeeded(), r.succeeded() ? "The workflow runs."
                : "The workflow does not run: " + (r.problems().isEmpty() ? "cancelled" : r.problems().get(0).message())));
        if (r.succeeded()) {
            List<Finding> dynamic = s.dynamicFindings();
            for (String rule : puzzle.clear().stream().filter(PuzzleVerifier::isRunTimeRule).toList()) {
                List<Finding> still = dynamic.stream().filter(f -> f.rule().equals(rule)).toList();
                checks.add(new Verdict.Check(still.isEmpty(), still.isEmpty() ? "The flaw (" + rule + ") is gone from the data."
                        : "The flaw is still in the data: " + still.get(0).title() + " " + still.get(0).explanation()));
            }
            for (Map.Entry<String, Map<String, double[]>> node : puzzle.metrics().entrySet()) {
                var nr = r.node(node.getKey());
                Metrics m = nr == null ? null : nr.outputs().asMap().values().stream().filter(Metrics.class::isInstance)
                        .map(Metrics.class::cast).findFirst().orElse(null);
                for (Map.Entry<String, double[]> range : node.getValue().entrySet()) {
                    if (m == null || !m.values().containsKey(range.getKey())) {
                        checks.add(new Verdict.Check(false, "Node '" + node.getKey() + "' must report " + range.getKey() + "."));
                        continue;
                    }
                    double x = m.get(range.getKey());
                    boolean ok = x >= range.getValue()[0] && x <= range.getValue()[1];
                    checks.add(new Verdict.Check(ok, String.format(java.util.Locale.ROOT, "%s %s = %.4g %s [%.4g, %.4g].", node.getKey(),
                            range.getKey(), x, ok ? "is within" : "should be within", range.getValue()[0], range.getValue()[1])));
                }
            }
        }
        boolean solved = checks.stream().allMatch(Verdict.Check::passed);
        List<String> quick = QuickFixPolicy.used(student.workflow());
        if (!quick.isEmpty()) { // allowed by the author, but the verdict says so
            checks.add(new Verdict.Check(true, "Quick fixes were used: " + String.join("; ", quick) + "."));
        }
        return new Verdict(solved, checks);
    }

    /**
     * What a student's file may read (issue 14): only the folder it sits in, the puzzle's folder, and the folders of
     * the datasets the puzzle itself reads (resolved from the puzzle's own file parameters), where a dataset is also
     * found by name after "Save as" moved the student's copy. The locked data nodes are compared by resolved path or
     * SHA-256 ({@link LockedParts}); this stops an unlocked node from reading any other file of the machine.
     */
    FileAccess access(LoadedWorkflow puzzleFile, LoadedWorkflow student) {
        Set<Path> datasetFolders = new LinkedHashSet<>();
        for (NodeInstance n : puzzleFile.workflow().nodes()) {
            NodeDescriptor d = registry.find(n.type()).orElse(null);
            for (ParamDescriptor p : d == null ? List.<ParamDescriptor>of() : d.params()) {
                JsonNode v = n.params().get(p.name());
                if (p.type() == ParamType.PATH && v != null && v.isTextual()) {
                    Path file = puzzleFile.baseDir().resolve(v.textValue()).toAbsolutePath().normalize();
                    if (file.getParent() != null) {
                        datasetFolders.add(file.getParent());
                    }
                }
            }
        }
        List<Path> roots = new ArrayList<>(datasetFolders);
        roots.add(puzzleFile.baseDir());
        roots.add(student.baseDir());
        return new FileAccess(student.baseDir(), roots, List.copyOf(datasetFolders));
    }

    /** Rules of the dynamic checks (D1, D2, ...), which only a run can clear. */
    static boolean isRunTimeRule(String rule) {
        return rule.startsWith("D");
    }

    private static Set<String> keys(List<Finding> fs) {
        return Set.copyOf(fs.stream().map(PuzzleVerifier::key).toList());
    }

    private static String key(Finding f) {
        return f.rule() + f.nodes();
    }
}
