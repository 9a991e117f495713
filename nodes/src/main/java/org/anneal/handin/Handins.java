package org.anneal.handin;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.anneal.exec.RunResult;
import org.anneal.graph.Workflow;
import org.anneal.graph.WorkflowCodec;
import org.anneal.lineage.Finding;
import org.anneal.ml.Metrics;
import org.anneal.provenance.AnnealVersion;
import org.anneal.session.Checked;
import org.anneal.session.SessionOptions;
import org.anneal.session.WorkflowSession;
import org.anneal.util.FileDigests;

/**
 * A hand-in is the student's workflow file plus a {@code handin} block: author, time, versions, device,
 * seed, the SHA-256 of every dataset read, the metrics and findings of the run, and a digest over all of
 * it. It stays an ordinary workflow file that opens in the editor; editing either part breaks the digest.
 */
public final class Handins {
    private Handins() {
    }

    public static Workflow stamp(Workflow w, String author, RunResult r, List<Finding> findings, Instant now) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode h = f.objectNode();
        h.put("author", author);
        h.put("submitted", now.truncatedTo(ChronoUnit.SECONDS).toString());
        h.put("anneal", AnnealVersion.get());
        h.put("java", System.getProperty("java.version"));
        h.put("device", r.device().name() + " (" + r.device().backend() + ")");
        h.put("seed", w.meta().seed());
        var datasets = h.putArray("datasets");
        r.fingerprints().forEach((node, fps) -> fps.forEach(fp -> {
            ObjectNode d = datasets.addObject();
            d.put("node", node);
            d.put("path", fp.what());
            d.put("sha256", fp.sha256());
        }));
        h.set("metrics", metricsJson(r));
        var fs = h.putArray("findings");
        findings.forEach(fd -> fs.add(fd.rule()));
        Workflow plain = w.withBlock("handin", null);
        h.put("digest", digest(plain, h));
        return plain.withBlock("handin", h);
    }

    /**
     * Runs a checked workflow and stamps it with its static findings: what `anneal handin` and the editor's Hand in…
     * both do. Completes exceptionally with a readable message when the run fails.
     */
    public static java.util.concurrent.CompletableFuture<Workflow> runAndStamp(WorkflowSession session, Checked checked, String author) {
        var lw = checked.validation().source();
        var options = SessionOptions.on(org.anneal.device.DeviceSelector.system().select(lw.workflow().meta().device()));
        return session.start(checked, options).result().thenApply(s -> {
            RunResult r = s.run();
            if (!r.succeeded()) {
                throw new IllegalStateException(r.problems().isEmpty() ? "the run did not finish" : r.problems().get(0).message());
            }
            return stamp(lw.workflow(), author, r, s.staticFindings(), Instant.now());
        });
    }

    /** Metrics of every evaluate node, by node then name; non-finite values as null. */
    public static ObjectNode metricsJson(RunResult r) {
        ObjectNode metrics = JsonNodeFactory.instance.objectNode();
        r.nodes().forEach((id, nr) -> {
            if (nr.outputs() != null) {
                nr.outputs().asMap().values().stream().filter(Metrics.class::isInstance).map(Metrics.class::cast).forEach(m -> {
                    ObjectNode o = metrics.putObject(id);
                    m.values().forEach((k, x) -> {
                        if (Double.isFinite(x)) {
                            o.put(k, x);
                        } else {
                            o.putNull(k);
                        }
                    });
                });
            }
        });
        return metrics;
    }

    /** SHA-256 over the canonical workflow text (without its hand-in block) and the block without its digest. */
    public static String digest(Workflow withoutHandin, ObjectNode handin) {
        ObjectNode copy = handin.deepCopy();
        copy.remove("digest");
        return FileDigests.sha256(new WorkflowCodec().write(withoutHandin) + "\n" + copy);
    }

    /** True when the workflow and its hand-in block are exactly as stamped. */
    public static boolean intact(Workflow w) {
        var h = w.block("handin").orElse(null);
        if (!(h instanceof ObjectNode o) || !o.path("digest").isTextual()) {
            return false;
        }
        return o.get("digest").asText().equals(digest(w.withBlock("handin", null), o));
    }
}
