package org.anneal.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.anneal.device.DeviceSelector;
import org.anneal.exec.Executor;
import org.anneal.exec.FileAccess;
import org.anneal.exec.MemoryCache;
import org.anneal.exec.RunOptions;
import org.anneal.exec.RunResult;
import org.anneal.exec.Validation;
import org.anneal.exec.Validator;
import org.anneal.graph.LoadedWorkflow;
import org.anneal.graph.NodeInstance;
import org.anneal.graph.WorkflowCodec;
import org.anneal.ml.Metrics;
import org.anneal.spec.NodeRegistry;

/**
 * The foundation benchmark: the example pipeline (CSV → split → standardize → ridge → fit → evaluate) on a
 * generated table, (a) through the executor, (b) as direct calls of the same code without the executor,
 * and (c) with Tribuo's own CSV loading, splitting and standardisation; plus a cached re-run after
 * changing the last node's parameter. Medians of several alternating repetitions after a warm-up.
 */
public final class Bench {
    private final Path dir;
    private final int rows;
    private final int features;
    private final int repetitions;
    private final PrintWriter out;

    public Bench(Path dir, int rows, int features, int repetitions, PrintWriter out) {
        this.dir = dir;
        this.rows = rows;
        this.features = features;
        this.repetitions = repetitions;
        this.out = out;
    }

    public ObjectNode run() throws Exception {
        Files.createDirectories(dir);
        Path csv = dir.resolve("synthetic-" + rows + "x" + features + ".csv");
        if (!Files.exists(csv)) {
            out.println("generating " + csv + " ...");
            SyntheticTable.write(csv, rows, features, 1);
        }
        Path wf = dir.resolve("bench-pipeline.json");
        Files.writeString(wf, BenchWorkflow.text(csv.getFileName().toString()));
        LoadedWorkflow lw = new WorkflowCodec().read(wf);
        DirectPipeline direct = new DirectPipeline(csv, lw.workflow().meta().seed());
        TribuoPipeline tribuo = new TribuoPipeline(csv, 0.2, lw.workflow().meta().seed());

        out.println("warm-up ...");
        double r2a = runExecutor(lw, MemoryCache.standard()).r2;
        double r2b = direct.run();
        double r2c = tribuo.run();

        List<Double> ta = new ArrayList<>();
        List<Double> tb = new ArrayList<>();
        List<Double> tc = new ArrayList<>();
        List<Double> rerun = new ArrayList<>();
        for (int i = 0; i < repetitions; i++) {
            ta.add(time(() -> runExecutor(lw, MemoryCache.standard())));
            tb.add(time(direct::run));
            tc.add(time(tribuo::run));
            rerun.add(cachedRerunFraction(lw));
            out.printf(Locale.ROOT, "  repetition %d: executor %.3f s, direct %.3f s, tribuo %.3f s, cached re-run %.2f %%%n",
                    i + 1, ta.get(i), tb.get(i), tc.get(i), 100 * rerun.get(i));
        }
        ObjectNode r = JsonNodeFactory.instance.objectNode();
        r.put("benchmark", "foundation: CSV -> split -> standardize -> ridge -> fit -> evaluate");
        r.put("rows", rows);
        r.put("features", features);
        r.put("csvBytes", Files.size(csv));
        r.put("repetitions", repetitions);
        r.put("java", System.getProperty("java.version"));
        r.put("cores", Runtime.getRuntime().availableProcessors());
        r.put("maxHeapMiB", Runtime.getRuntime().maxMemory() >> 20);
        put(r, "executorSeconds", ta);
        put(r, "directSeconds", tb);
        put(r, "tribuoSeconds", tc);
        put(r, "cachedRerunFraction", rerun);
        r.put("ratioExecutorOverDirect", median(ta) / median(tb));
        r.put("ratioExecutorOverTribuo", median(ta) / median(tc));
        r.put("cachedRerunOverFullRun", median(rerun));
        ObjectNode r2 = r.putObject("r2");
        r2.put("executor", r2a);
        r2.put("direct", r2b);
        r2.put("tribuo", r2c);
        return r;
    }

    record ExecutorOutcome(double r2) {
    }

    private static ExecutorOutcome runExecutor(LoadedWorkflow lw, MemoryCache cache) {
        try (Executor ex = new Executor(cache, Runtime.getRuntime().availableProcessors())) {
            return new ExecutorOutcome(r2(execute(ex, lw)));
        }
    }

    static RunResult execute(Executor ex, LoadedWorkflow lw) {
        FileAccess files = FileAccess.unrestricted(lw.baseDir());
        Validation v = new Validator(NodeRegistry.standard()).validate(lw, files);
        if (v.hasErrors()) {
            throw new IllegalStateException(v.errors().toString());
        }
        RunResult r = ex.run(v, new RunOptions(Set.of(), DeviceSelector.system().select("cpu"), files), e -> { });
        if (!r.succeeded()) {
            throw new IllegalStateException(r.problems().toString());
        }
        return r;
    }

    private static double r2(RunResult r) {
        return ((Metrics) r.node("score").outputs().get("metrics")).get("r2");
    }

    /** Full run with a cache, then the evaluate node's param changed: time of the re-run / time of the full run. */
    private static double cachedRerunFraction(LoadedWorkflow lw) {
        try (Executor ex = new Executor(MemoryCache.standard(), Runtime.getRuntime().availableProcessors())) {
            long t0 = System.nanoTime();
            execute(ex, lw);
            long full = System.nanoTime() - t0;
            NodeInstance score = lw.workflow().node("score").orElseThrow();
            var changed = new LoadedWorkflow(lw.workflow().withNode(score.withParam("predictionColumn", "predicted_y")),
                    lw.file(), lw.locations(), List.of());
            long t1 = System.nanoTime();
            RunResult r = execute(ex, changed);
            long again = System.nanoTime() - t1;
            if (!r.executed().equals(List.of("score"))) {
                throw new IllegalStateException("re-run executed " + r.executed());
            }
            return again / (double) full;
        }
    }

    private static double time(ThrowingRunnable r) throws Exception {
        System.gc();
        long t0 = System.nanoTime();
        r.run();
        return (System.nanoTime() - t0) / 1e9;
    }

    interface ThrowingRunnable {
        void run() throws Exception;
    }

    static double median(List<Double> xs) {
        double[] a = xs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return a.length % 2 == 1 ? a[a.length / 2] : (a[a.length / 2 - 1] + a[a.length / 2]) / 2;
    }

    private static void put(ObjectNode r, String name, List<Double> xs) {
        ArrayNode a = r.putArray(name);
        xs.forEach(a::add);
    }
}
