import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.anneal.data.Column;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.exec.StandaloneContext;
import org.anneal.ml.FittedTransform;
import org.anneal.nodes.prepare.NmfNode;
import org.anneal.nodes.prepare.PcaNode;
import org.anneal.spec.ColumnRole;
import org.anneal.spec.Inputs;
import org.anneal.spec.Outputs;

/**
 * Times prepare.pca (full and randomized, 10 components) and prepare.nmf (5 parts; with its stopping rule, and for
 * 20 rounds, about as many as scikit-learn runs) on the float32 little-endian
 * matrices written by pca_bench.py (rows × channels), fit + transform as the node runs them, best of 5 in this warm
 * process. With {@code --once METHOD FILE} it runs one method once, for pca-bench.sh to read the process's peak memory.
 */
public class PcaBench {
    /** Untimed calls of each method before its best of 5 (pca_bench.py's WARM_UP_SECONDS is the same). */
    static final double WARM_UP_SECONDS = 1.5;
    static final NmfNode.Params NMF = new NmfNode.Params(List.of(), 5, 200, 1e-4);
    /** As many rounds as scikit-learn's NMF runs on these tables (18 and 34 iterations), without the stopping rule. */
    static final NmfNode.Params NMF_20 = new NmfNode.Params(List.of(), 5, 20, 0);

    public static void main(String[] args) throws Exception {
        if (args[0].equals("--once")) {
            Path file = Path.of(args[2]);
            String[] dims = file.getFileName().toString().replace(".f32", "").split("x");
            Table t = read(file, Integer.parseInt(dims[0]), Integer.parseInt(dims[1]));
            Inputs in = new Inputs(Map.of("fit", t, "data", t));
            StandaloneContext ctx = new StandaloneContext("bench", 1, Path.of("."));
            switch (args[1]) {
                case "full" -> new PcaNode().execute(in, new PcaNode.Params(List.of(), 10, false, PcaNode.Solver.FULL), ctx);
                case "randomized" -> new PcaNode().execute(in, new PcaNode.Params(List.of(), 10, false, PcaNode.Solver.RANDOMIZED), ctx);
                default -> new NmfNode().execute(in, NMF, ctx);
            }
            return;
        }
        for (String file : args) {
            String[] dims = Path.of(file).getFileName().toString().replace(".f32", "").split("x");
            int n = Integer.parseInt(dims[0]);
            int p = Integer.parseInt(dims[1]);
            Table t = read(Path.of(file), n, p);
            Inputs in = new Inputs(Map.of("fit", t, "data", t));
            StandaloneContext ctx = new StandaloneContext("bench", 1, Path.of("."));
            for (PcaNode.Solver solver : List.of(PcaNode.Solver.FULL, PcaNode.Solver.RANDOMIZED)) {
                var params = new PcaNode.Params(List.of(), 10, false, solver);
                time(String.format("anneal PCA(%s) %d x %d", solver.name().toLowerCase(), n, p), () -> new PcaNode().execute(in, params, ctx),
                        o -> String.format("pc1 score of row 0 %.4f", Math.abs(((Table) o.get("out")).numeric("pc1").get(0))));
            }
            time(String.format("anneal NMF %d x %d", n, p), () -> new NmfNode().execute(in, NMF, ctx),
                    o -> ((FittedTransform) o.get("state")).describe());
            time(String.format("anneal NMF20 %d x %d", n, p), () -> new NmfNode().execute(in, NMF_20, ctx),
                    o -> ((FittedTransform) o.get("state")).describe());
        }
    }

    static Table read(Path file, int n, int p) throws Exception {
        var buf = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
        double[][] cols = new double[p][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                cols[j][i] = buf.get(i * p + j);
            }
        }
        List<Column> columns = new ArrayList<>();
        for (int j = 0; j < p; j++) {
            columns.add(new NumericColumn("ch" + j, ColumnRole.FEATURE, cols[j]));
        }
        return new Table(columns);
    }

    static void time(String what, Supplier<Outputs> run, java.util.function.Function<Outputs, String> note) {
        double best = Double.MAX_VALUE;
        double bestCpu = Double.MAX_VALUE;
        String said = "";
        long f0 = System.nanoTime();
        run.get();
        double first = (System.nanoTime() - f0) / 1e9;
        // untimed calls first, as pca_bench.py makes too: the loops are compiled by the JIT during the first calls, and a
        // best of 5 straight after start measured the compiler as much as the method (the first call is printed apart)
        for (long warmUntil = System.nanoTime() + (long) (WARM_UP_SECONDS * 1e9); System.nanoTime() < warmUntil; ) {
            run.get();
        }
        for (int rep = 0; rep < 5; rep++) {
            long c0 = cpuNanos();
            long t0 = System.nanoTime();
            Outputs o = run.get();
            best = Math.min(best, (System.nanoTime() - t0) / 1e9);
            bestCpu = Math.min(bestCpu, (cpuNanos() - c0) / 1e9);
            said = note.apply(o);
        }
        System.out.printf("%s: first call %.3f s; after %.1f s of warm-up, best of 5 %.3f s, cpu %.3f s (%s)%n", what, first, WARM_UP_SECONDS, best, bestCpu, said);
    }

    /** CPU time of the whole process (every thread), as Python's time.process_time(): what a loaded machine distorts least. */
    static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
