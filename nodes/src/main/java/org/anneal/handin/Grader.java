package org.anneal.handin;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.time.Duration;
import java.util.stream.Stream;
import org.anneal.device.DeviceSelector;
import org.anneal.exec.Executor;
import org.anneal.exec.FileAccess;
import org.anneal.exec.RunResult;
import org.anneal.graph.LoadedWorkflow;
import org.anneal.graph.NodeInstance;
import org.anneal.graph.WorkflowCodec;
import org.anneal.graph.WorkflowFileException;
import org.anneal.lineage.Finding;
import org.anneal.session.Checked;
import org.anneal.session.SessionOptions;
import org.anneal.session.SessionResult;
import org.anneal.session.SessionRun;
import org.anneal.session.WorkflowSession;
import org.anneal.spec.Fingerprint;
import org.anneal.spec.NodeRegistry;

/**
 * Re-runs a folder of hand-ins headless and marks them: integrity (digest), dataset fingerprints,
 * reproduction of the recorded metrics, leakage findings and the rubric's criteria. Hand-ins are untrusted:
 * files are size-bounded by the codec, each is graded in isolation ({@link IsolatedGrading}: its own executor, a private
 * copy of its file, datasets only from the rubric's dataset folders, one deadline), nothing in a file names code, and one
 * broken hand-in never stops the batch.
 */
public final class Grader {
    private final NodeRegistry registry;
    private final WorkflowCodec codec = new WorkflowCodec();

    public Grader(NodeRegistry registry) {
        this.registry = registry;
    }

    public List<GradeRow> gradeFolder(Path folder, Rubric rubric) throws java.io.IOException {
        List<GradeRow> rows = new ArrayList<>();
        for (Path f : handins(folder)) {
            rows.add(gradeOne(f, rubric));
        }
        return rows;
    }

    /** The hand-ins of a folder: every {@code .json} file (symbolic links included, to be refused with a row), sorted. */
    public static List<Path> handins(Path folder) throws java.io.IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".json")
                    && (Files.isRegularFile(p) || Files.isSymbolicLink(p))).sorted().toList();
        }
    }

    /**
     * One hand-in, in isolation. security (issue 14), to re-apply onto the grading service: own executor, private copy of
     * its file, datasets only from the rubric's folders, one deadline over every phase, every throwable a row.
     */
    public GradeRow gradeOne(Path file, Rubric rubric) {
        return IsolatedGrading.grade(file, rubric, (copy, access, ex) -> grade(copy, rubric, ex, access));
    }

    GradeRow grade(Path file, Rubric rubric, Executor ex, FileAccess files) {
        LoadedWorkflow lw;
        try {
            lw = codec.read(file);
        } catch (WorkflowFileException e) {
            return row(file, "?", "corrupt", rubric, e.problems().get(0).describe());
        }
        JsonNode h = lw.workflow().block("handin").orElse(null);
        if (h == null) {
            return row(file, "?", "not-a-handin", rubric, "The file has no hand-in block; make it with `anneal handin`.");
        }
        String author = ReportText.clean(h.path("author").asText("?")); // security (issue 14): untrusted text, cleaned once
        if (!Handins.intact(lw.workflow())) {
            return row(file, author, "tampered", rubric, "The workflow or its recorded results were changed after it was handed in (digest mismatch).");
        }
        WorkflowSession session = new WorkflowSession(registry, ex);
        Checked checked = session.check(lw, files);
        if (!checked.runnable()) {
            return row(file, author, "invalid", rubric, checked.validation().errors().get(0).describe());
        }
        // the defaults, never the hand-in's own leakage block: a student could loosen the thresholds to hide a finding
        SessionOptions options = SessionOptions.on(DeviceSelector.system().select("cpu"))
                .withRunTimeChecks(org.anneal.lineage.DynamicChecks.Thresholds.DEFAULT)
                .withTimeLimit(Duration.ofSeconds(rubric.timeLimitSeconds()));
        SessionRun run = session.start(checked, options);
        SessionResult s;
        try {
            s = run.result().get();
        } catch (InterruptedException e) {
            run.cancel(); // the deadline over the whole hand-in passed (IsolatedGrading)
            Thread.currentThread().interrupt();
            return row(file, author, "timeout", rubric, "Grading was stopped at the time limit.");
        } catch (java.util.concurrent.ExecutionException e) {
            return row(file, author, "failed", rubric, "The run stopped: " + e.getCause());
        }
        if (s.timedOut()) {
            return row(file, author, "timeout", rubric, "The run took longer than " + rubric.timeLimitSeconds() + " s and was stopped.");
        }
        RunResult r = s.run();
        if (!r.succeeded()) {
            return row(file, author, "failed", rubric, r.problems().isEmpty() ? "The run did not finish." : r.problems().get(0).describe());
        }
        List<Finding> findings = s.findings();
        List<String> notes = new ArrayList<>();
        if (lw.workflow().block("leakage").isPresent()) {
            notes.add("The hand-in sets its own leakage thresholds; they were ignored and the defaults used.");
        }
        String status = "ok";
        for (JsonNode d : h.path("datasets")) {
            String now = r.fingerprints().getOrDefault(d.path("node").asText(), List.of()).stream().map(Fingerprint::sha256).findFirst().orElse("");
            if (!now.equals(d.path("sha256").asText())) {
                status = "dataset-mismatch";
                notes.add("Dataset of node '" + d.path("node").asText() + "' differs from the one the student used (" + d.path("path").asText() + ").");
            }
        }
        JsonNode recorded = h.path("metrics");
        JsonNode rerun = Handins.metricsJson(r);
        boolean reproduced = sameMetrics(recorded, rerun, rubric.tolerance());
        if (!reproduced) {
            notes.add("The re-run gives different metrics than those handed in.");
            // security (issue 14): the digest can be recomputed by anyone; the re-run is what grades rely on, so say it plainly
            status = status.equals("ok") ? "not-reproduced" : status;
        }
        Map<String, Double> metrics = new LinkedHashMap<>();
        rerun.fields().forEachRemaining(n -> n.getValue().fields().forEachRemaining(m -> metrics.put(n.getKey() + "." + m.getKey(), m.getValue().asDouble())));
        double points = 0;
        Map<String, Double> marks = new LinkedHashMap<>();
        for (Rubric.Criterion c : rubric.criteria()) {
            boolean met = met(c, metrics, findings, lw);
            marks.put(c.id(), met ? c.points() : 0.0);
            if (met) {
                points += c.points();
            } else {
                notes.add("Not met: " + c.text() + why(c, metrics));
            }
        }
        List<String> rules = findings.stream().map(Finding::rule).distinct().toList();
        return new GradeRow(file.getFileName().toString(), author, status, reproduced, rules, metrics, points, rubric.maxPoints(), notes, marks);
    }

    /** For a metric criterion, the value the re-run gave, or that the hand-in has no such metric (its scoring node is named otherwise). */
    private static String why(Rubric.Criterion c, Map<String, Double> metrics) {
        if (c.metric() == null) {
            return "";
        }
        Double x = metrics.get(c.metric());
        return x != null ? " (" + c.metric() + " = " + GradeReport.metric(x) + ")"
                : " (the hand-in has no metric " + c.metric() + "; its metrics: " + String.join(", ", ReportText.capped(List.copyOf(metrics.keySet()))) + ")";
    }

    private static boolean met(Rubric.Criterion c, Map<String, Double> metrics, List<Finding> findings, LoadedWorkflow lw) {
        if (c.metric() != null) {
            Double x = metrics.get(c.metric());
            return x != null && x >= c.min() && x <= c.max();
        }
        if (!c.noFindings().isEmpty()) {
            return findings.stream().noneMatch(f -> c.noFindings().contains(f.rule()) || (c.noFindings().contains("errors") && f.isError()));
        }
        if (c.requiresNodeType() != null) {
            return lw.workflow().nodes().stream().map(NodeInstance::type).anyMatch(c.requiresNodeType()::equals);
        }
        return false;
    }

    static boolean sameMetrics(JsonNode a, JsonNode b, double tolerance) {
        if (a.size() != b.size()) {
            return false;
        }
        var it = a.fields();
        while (it.hasNext()) {
            var node = it.next();
            JsonNode other = b.path(node.getKey());
            if (other.size() != node.getValue().size()) {
                return false;
            }
            var ms = node.getValue().fields();
            while (ms.hasNext()) {
                var m = ms.next();
                JsonNode o = other.get(m.getKey());
                if (o == null || m.getValue().isNull() != o.isNull()) {
                    return false;
                }
                double x = m.getValue().asDouble();
                double y = o.asDouble();
                if (!m.getValue().isNull() && Math.abs(x - y) > tolerance * Math.max(1, Math.abs(x))) {
                    return false;
                }
            }
        }
        return true;
    }

    private static GradeRow row(Path file, String author, String status, Rubric rubric, String note) {
        return new GradeRow(file.getFileName().toString(), author, status, false, List.of(), Map.of(), 0, rubric.maxPoints(), List.of(note));
    }
}
