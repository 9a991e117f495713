package org.anneal.provenance;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.anneal.exec.NodeResult;
import org.anneal.exec.RunResult;
import org.anneal.exec.Validation;
import org.anneal.graph.Json;
import org.anneal.graph.Problem;
import org.anneal.ml.Metrics;
import org.anneal.spec.Fingerprint;
import org.anneal.util.FileDigests;

/**
 * The results file of a run: metrics, per-node status and timings, problems, and provenance (Anneal,
 * Java, device, seed, dataset digests). {@code resultsDigest} hashes the metrics alone, so two runs of the
 * same file can be compared by one string regardless of timings.
 */
public final class RunReport {
    private RunReport() {
    }

    public static ObjectNode build(Validation v, RunResult r, List<Problem> extraProblems) {
        return build(v, r, extraProblems, List.of());
    }

    public static ObjectNode build(Validation v, RunResult r, List<Problem> extraProblems, List<org.anneal.lineage.Finding> findings) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode root = f.objectNode();
        root.put("format", "anneal-results");
        root.put("version", 1);
        var w = v.source().workflow();
        root.put("workflow", v.source().file() == null ? "" : v.source().file().getFileName().toString());
        root.put("title", w.meta().title());
        root.put("succeeded", r.succeeded());
        root.put("cancelled", r.cancelled());

        ObjectNode metrics = root.putObject("metrics");
        r.nodes().forEach((id, nr) -> {
            if (nr.outputs() != null) {
                nr.outputs().asMap().forEach((port, value) -> {
                    if (value instanceof Metrics m) {
                        ObjectNode o = metrics.putObject(id);
                        m.values().forEach((k, x) -> putNumber(o, k, x));
                        o.put("rows", m.rows());
                    }
                });
            }
        });
        root.put("resultsDigest", FileDigests.sha256(metrics.toString()));

        ArrayNode nodes = root.putArray("nodes");
        for (NodeResult nr : r.nodes().values()) {
            ObjectNode o = nodes.addObject();
            o.put("id", nr.nodeId());
            var d = v.descriptors().get(nr.nodeId());
            o.put("type", d == null ? "?" : d.id());
            o.put("status", nr.status().name().toLowerCase());
            o.put("seconds", Math.round(nr.nanos() / 1e6) / 1e3);
            if (nr.problem() != null) {
                o.put("message", nr.problem().message());
            }
        }
        ArrayNode problems = root.putArray("problems");
        for (Problem p : v.problems()) {
            problems.add(problem(p));
        }
        for (Problem p : r.problems()) {
            problems.add(problem(p));
        }
        for (Problem p : extraProblems) {
            problems.add(problem(p));
        }

        ArrayNode leaks = root.putArray("findings");
        findings.forEach(fd -> leaks.add(fd.toJson()));

        ObjectNode prov = root.putObject("provenance");
        prov.put("anneal", AnnealVersion.get());
        prov.put("java", System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")");
        prov.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        prov.put("seed", w.meta().seed());
        ObjectNode dev = prov.putObject("device");
        dev.put("requested", r.device().requested());
        dev.put("used", r.device().name());
        dev.put("backend", r.device().backend());
        dev.put("nativeThreads", org.anneal.device.NativeThreads.count()); // results of device nodes hold for this count
        org.anneal.device.NativeRuntime ran = org.anneal.device.Nd4jRuntime.loadedRuntime(); // null: no network ran in this process
        if (ran != null) {
            ObjectNode nat = dev.putObject("native");
            ran.fields().forEach((k, val) -> {
                if (val instanceof Integer i) {
                    nat.put(k, i);
                } else {
                    nat.put(k, String.valueOf(val));
                }
            });
        }
        if (!r.device().reason().isEmpty()) {
            dev.put("reason", r.device().reason());
        }
        ArrayNode datasets = prov.putArray("datasets");
        for (Map.Entry<String, List<Fingerprint>> e : r.fingerprints().entrySet()) {
            for (Fingerprint fp : e.getValue()) {
                ObjectNode o = datasets.addObject();
                o.put("node", e.getKey());
                o.put("path", fp.what());
                o.put("sha256", fp.sha256());
            }
        }
        prov.put("totalSeconds", Math.round(r.totalNanos() / 1e6) / 1e3);
        return root;
    }

    public static String text(ObjectNode report) {
        try {
            return Json.PRETTY.writeValueAsString(report) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode problem(Problem p) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("severity", p.severity().name().toLowerCase());
        o.put("code", p.code());
        o.put("message", p.message());
        o.put("fix", p.fix());
        if (p.nodeId() != null) {
            o.put("node", p.nodeId());
        }
        if (p.port() != null) {
            o.put("port", p.port());
        }
        if (p.param() != null && !p.param().isEmpty()) {
            o.put("param", p.param());
        }
        if (p.location() != null) {
            o.put("location", p.location().toString());
        }
        return o;
    }

    private static void putNumber(ObjectNode o, String k, double x) {
        if (Double.isFinite(x)) {
            o.put(k, x);
        } else {
            o.putNull(k); // JSON has no NaN; null means "undefined here" (e.g. R² of a constant target)
        }
    }
}
