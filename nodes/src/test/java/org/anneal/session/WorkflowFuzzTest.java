package org.anneal.session;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.anneal.device.Device;
import org.anneal.exec.Executor;
import org.anneal.exec.MemoryCache;
import org.anneal.graph.Json;
import org.anneal.graph.LoadedWorkflow;
import org.anneal.graph.Problem;
import org.anneal.graph.WorkflowCodec;
import org.anneal.graph.WorkflowFileException;
import org.anneal.spec.NodeRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 14, item 7: seeded mutations of the bundled example workflows go through read → validate (and, for some
 * that validate, a short run). Every outcome must be a located problem: no throwable may escape, no node may
 * stop with an "internal error" (a bug that validation or the node should have turned into a plain message), and
 * no file may hang. The seed is fixed so a failure reproduces; the failure message names the example, the
 * mutation and the seed index.
 */
class WorkflowFuzzTest {
    static final long SEED = 20261202L;
    static final int VALIDATE_ONLY = 2_000;
    static final int RUNS = 100;
    static final Duration RUN_LIMIT = Duration.ofSeconds(1);
    static final long DEADLINE_SECONDS = 20;
    static final Device CPU = new Device("cpu", "cpu", "test", "");

    static final List<Path> EXAMPLES = new ArrayList<>();
    static final Map<Path, String> TEXT = new LinkedHashMap<>();
    static ExecutorService watchdog;
    static Executor executor;

    @BeforeAll
    static void load() throws Exception {
        try (Stream<Path> s = Files.list(Path.of("..", "workflows"))) {
            s.filter(p -> p.toString().endsWith(".json")).sorted().forEach(EXAMPLES::add);
        }
        for (Path p : EXAMPLES) {
            TEXT.put(p, Files.readString(p));
        }
        watchdog = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "fuzz-watchdog");
            t.setDaemon(true);
            return t;
        });
        executor = new Executor(MemoryCache.standard(), 2);
    }

    @AfterAll
    static void close() {
        executor.close();
        watchdog.shutdownNow();
    }

    @Test
    void mutatedWorkflowsAlwaysEndInALocatedProblem() throws Exception {
        assertTrue(EXAMPLES.size() >= 10, "the bundled examples are the seed corpus");
        Random rnd = new Random(SEED);
        List<String> defects = new ArrayList<>();
        int runs = 0;
        long t0 = System.nanoTime();
        int i = 0;
        for (; i < VALIDATE_ONLY + RUNS * 10 && runs < RUNS && defects.size() < 20; i++) {
            Path example = EXAMPLES.get(rnd.nextInt(EXAMPLES.size()));
            boolean wantRun = i >= VALIDATE_ONLY && !TEXT.get(example).contains("model.network");
            // the run phase mutates one parameter or link, so that most mutants still validate and reach the nodes
            WorkflowMutator.Mutant m = new WorkflowMutator(rnd).mutate(TEXT.get(example), wantRun ? 1 : 1 + rnd.nextInt(3), !wantRun);
            String where = example.getFileName() + " #" + i + " (" + m.description() + ")";
            Future<String> outcome = watchdog.submit(() -> check(example, m.text(), wantRun));
            try {
                String verdict = outcome.get(DEADLINE_SECONDS, TimeUnit.SECONDS);
                if (verdict.startsWith("ran")) {
                    runs++;
                } else if (!verdict.isEmpty() && !verdict.equals("checked")) {
                    defects.add(where + ": " + verdict);
                }
            } catch (TimeoutException e) {
                outcome.cancel(true);
                defects.add(where + ": no answer within " + DEADLINE_SECONDS + " s");
            } catch (java.util.concurrent.ExecutionException e) {
                defects.add(where + ": " + e.getCause());
            }
        }
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - t0);
        assertTrue(defects.isEmpty(), defects.size() + " defect(s):\n" + String.join("\n", defects));
        assertTrue(runs >= RUNS / 2, "too few mutants validated to exercise the run: " + runs);
        // no bound on the total time: a hang is caught per mutant (DEADLINE_SECONDS), and wall time on a loaded machine says nothing
        System.out.println("WorkflowFuzzTest: " + i + " mutants, " + runs + " runs, " + seconds + " s");
    }

    /** "" or "checked" or "ran" when all is well, otherwise what went wrong. */
    private static String check(Path example, String text, boolean wantRun) {
        LoadedWorkflow lw;
        try {
            lw = new WorkflowCodec().parse(text, example.toAbsolutePath(), example.getFileName().toString());
        } catch (WorkflowFileException e) {
            return e.problems().isEmpty() ? "a file exception with no problem" : "";
        } catch (Throwable t) {
            return "read threw " + t;
        }
        WorkflowSession session = new WorkflowSession(NodeRegistry.standard(), executor);
        Checked checked;
        try {
            checked = session.check(lw);
        } catch (Throwable t) {
            return "check threw " + t;
        }
        String internal = internal(checked.validation().problems());
        if (internal != null) {
            return "validation: " + internal;
        }
        if (!wantRun || !checked.runnable()) {
            return "checked";
        }
        SessionResult r;
        try {
            r = session.run(checked, SessionOptions.on(CPU).withTimeLimit(RUN_LIMIT));
            r.report();
        } catch (Throwable t) {
            return "run threw " + t;
        }
        internal = internal(r.run().problems());
        return internal == null ? "ran" : "run: " + internal;
    }

    private static String internal(List<Problem> problems) {
        for (Problem p : problems) {
            if (p.code().equals("node.internal")) {
                return p.describe();
            }
        }
        return null;
    }

    /** Mutations of a workflow file: its graph (nodes, links, params) as a tree, then its text. */
    static final class WorkflowMutator {
        record Mutant(String text, String description) { }

        private final Random rnd;

        WorkflowMutator(Random rnd) {
            this.rnd = rnd;
        }

        Mutant mutate(String original, int count, boolean wide) throws Exception {
            ObjectNode root = (ObjectNode) Json.MAPPER.readTree(original);
            List<String> done = new ArrayList<>();
            for (int k = 0; k < count; k++) {
                done.add(wide ? treeMutation(root) : extremeOfSameKind(root.withArray("nodes")));
            }
            String text = Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root)
                    .replace("\"@@1e309@@\"", "1e309").replace("\"@@-1e309@@\"", "-1e309")
                    .replace("\"@@lone@@\"", "\"a\\ud800b\"").replace("\"@@huge-int@@\"", "123456789012345678901234567890");
            if (wide && rnd.nextInt(10) == 0) {
                String[] t = textMutation(text);
                text = t[0];
                done.add(t[1]);
            }
            return new Mutant(text, String.join(", ", done));
        }

        private String treeMutation(ObjectNode root) {
            ArrayNode nodes = root.withArray("nodes");
            ArrayNode links = root.withArray("links");
            int n = nodes.size();
            int l = links.size();
            switch (rnd.nextInt(12)) {
                case 0:
                    if (n > 0) {
                        nodes.remove(rnd.nextInt(n));
                        return "delete node";
                    }
                    return "none";
                case 1:
                    if (n > 0) {
                        ObjectNode copy = nodes.get(rnd.nextInt(n)).deepCopy();
                        if (rnd.nextBoolean()) {
                            copy.put("id", copy.path("id").asText() + "_2");
                        }
                        nodes.add(copy);
                        return "duplicate node " + copy.path("id").asText();
                    }
                    return "none";
                case 2:
                    if (n > 1) {
                        ObjectNode[] ab = swap(nodes, "type");
                        return "swap types of " + ab[0].path("id").asText() + " and " + ab[1].path("id").asText();
                    }
                    return "none";
                case 3:
                    if (l > 0) {
                        links.remove(rnd.nextInt(l));
                        return "delete link";
                    }
                    return "none";
                case 4:
                    if (l > 0) {
                        links.add(links.get(rnd.nextInt(l)).deepCopy());
                        return "duplicate link";
                    }
                    return "none";
                case 5:
                    if (l > 1) {
                        ObjectNode[] ab = swap(links, "from");
                        return "swap link sources " + ab[0].path("from").asText() + " / " + ab[1].path("from").asText();
                    }
                    return "none";
                case 6:
                    if (l > 0) {
                        ObjectNode a = (ObjectNode) links.get(rnd.nextInt(l));
                        String end = rnd.nextBoolean() ? "from" : "to";
                        String v = a.path(end).asText();
                        String node = v.contains(":") ? v.substring(0, v.indexOf(':')) : v;
                        String[] ports = {"table", "train", "test", "model", "learner", "data", "fit", "out", "x", "nope", "", ":"};
                        a.put(end, node + ":" + ports[rnd.nextInt(ports.length)]);
                        return "rewire " + end + " to " + a.path(end).asText();
                    }
                    return "none";
                case 7:
                    if (l > 0) {
                        // a cycle: the target of a link feeds back into its source
                        ObjectNode a = (ObjectNode) links.get(rnd.nextInt(l));
                        ObjectNode back = links.addObject();
                        back.set("from", a.get("to"));
                        back.set("to", a.get("from"));
                        return "cycle " + back;
                    }
                    return "none";
                case 8:
                    if (n > 0) {
                        ObjectNode a = (ObjectNode) nodes.get(rnd.nextInt(n));
                        String[] types = {"data.csv", "model.ridge", "train.fit", "evaluate.regression", "prepare.apply",
                                "split.holdout", "no.such-type", "", "model.knn", "prepare.standardize", "tune.pick-best"};
                        a.put("type", types[rnd.nextInt(types.length)]);
                        return "type of " + a.path("id").asText() + " → " + a.path("type").asText();
                    }
                    return "none";
                default:
                    return paramMutation(nodes);
            }
        }

        /**
         * For the run phase: a number or flag kept of its kind but pushed to an edge (0, 1, -1, tiny, huge, a flipped
         * flag), which validation may accept and the nodes must then handle; a wrong kind rarely gets past validation.
         */
        /** Swaps {@code field} between two elements of {@code list} drawn at random (possibly the same one); returns both. */
        private ObjectNode[] swap(ArrayNode list, String field) {
            ObjectNode a = (ObjectNode) list.get(rnd.nextInt(list.size()));
            ObjectNode b = (ObjectNode) list.get(rnd.nextInt(list.size()));
            JsonNode t = a.get(field);
            a.set(field, b.get(field));
            b.set(field, t);
            return new ObjectNode[] {a, b};
        }

        private String extremeOfSameKind(ArrayNode nodes) {
            List<String[]> candidates = new ArrayList<>();
            for (int k = 0; k < nodes.size(); k++) {
                JsonNode params = nodes.get(k).path("params");
                for (Iterator<Map.Entry<String, JsonNode>> it = params.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    if (e.getValue().isNumber() || e.getValue().isBoolean()) {
                        candidates.add(new String[] {String.valueOf(k), e.getKey()});
                    }
                }
            }
            if (candidates.isEmpty()) {
                return "none";
            }
            String[] c = candidates.get(rnd.nextInt(candidates.size()));
            ObjectNode params = (ObjectNode) nodes.get(Integer.parseInt(c[0])).get("params");
            JsonNode old = params.get(c[1]);
            if (old.isBoolean()) {
                params.put(c[1], !old.booleanValue());
            } else if (old.isIntegralNumber()) {
                int[] v = {0, 1, -1, 2, 3, 1000, 100_000};
                params.put(c[1], v[rnd.nextInt(v.length)]);
            } else {
                double[] v = {0, 1, -1, 1e-12, 0.999, 1e6, 1e300};
                params.put(c[1], v[rnd.nextInt(v.length)]);
            }
            return "param " + nodes.get(Integer.parseInt(c[0])).path("id").asText() + "." + c[1] + " " + old + " → " + params.get(c[1]);
        }

        private String paramMutation(ArrayNode nodes) {
            if (nodes.isEmpty()) {
                return "none";
            }
            ObjectNode node = (ObjectNode) nodes.get(rnd.nextInt(nodes.size()));
            ObjectNode params = node.has("params") && node.get("params").isObject() ? (ObjectNode) node.get("params") : node.putObject("params");
            List<String> names = new ArrayList<>();
            for (Iterator<String> it = params.fieldNames(); it.hasNext(); ) {
                names.add(it.next());
            }
            String name = names.isEmpty() || rnd.nextInt(5) == 0 ? "bogus" : names.get(rnd.nextInt(names.size()));
            Object[] values = {"@@1e309@@", "@@-1e309@@", "@@lone@@", "@@huge-int@@", "NaN", "Infinity", -1, 0, -1e9,
                    Integer.MAX_VALUE, Integer.MIN_VALUE, Long.MAX_VALUE, 2147483648L, 1e-320, 0.5, true, "", "x".repeat(70_000),
                    "../../../../etc/passwd", "/", "[]", "text", List.of(), List.of(1, 2), Map.of("a", 1), null};
            Object v = values[rnd.nextInt(values.length)];
            params.set(name, Json.MAPPER.valueToTree(v));
            String shown = String.valueOf(v);
            return "param " + node.path("id").asText() + "." + name + " = " + (shown.length() > 30 ? shown.substring(0, 30) + "…" : shown);
        }

        private String[] textMutation(String text) {
            int at = text.isEmpty() ? 0 : rnd.nextInt(text.length());
            switch (rnd.nextInt(4)) {
                case 0:
                    return new String[] {text.substring(0, at), "truncate at " + at};
                case 1:
                    return new String[] {text.substring(0, at) + text.substring(Math.min(text.length(), at + 1)), "drop char " + at};
                case 2:
                    return new String[] {text.substring(0, at) + "{[\"" + text.substring(at), "insert junk at " + at};
                default:
                    return new String[] {"\uFEFF" + text, "byte-order mark"};
            }
        }
    }
}
