import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.anneal.data.Column;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.data.TensorColumn;
import org.anneal.exec.StandaloneContext;
import org.anneal.nodes.prepare.UmapNode;
import org.anneal.spec.Axis;
import org.anneal.spec.ColumnRole;
import org.anneal.spec.Inputs;
import org.anneal.spec.Lineage;
import org.anneal.spec.Shape;
import org.anneal.spec.Specs;

/**
 * Times prepare.umap on a matrix written by umap_bench.py, in a fresh JVM: numeric columns, or (tensor) one spectrum
 * column. A warm-up (11 epochs on the first 4,200 rows, as umap_bench.py does) lets the JIT compile the hot code first.
 *   java -cp CP UmapBench.java OUT NAME METRIC EPOCHS columns|tensor
 */
public class UmapBench {
    public static void main(String[] a) throws Exception {
        Path out = Path.of(a[0]);
        String name = a[1];
        var metric = UmapNode.Distance.valueOf(a[2].toUpperCase());
        int epochs = Integer.parseInt(a[3]);
        boolean tensor = a[4].equals("tensor");
        int n = (int) (Files.size(out.resolve(name + ".labels")) / 4);
        var buf = ByteBuffer.wrap(Files.readAllBytes(out.resolve(name + ".f32"))).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
        int p = buf.capacity() / n;
        float[][] x = new float[n][p];
        for (int i = 0; i < n; i++) {
            buf.get(x[i]);
        }
        var params = new UmapNode.Params(List.of(), 15, 0.1, 2, metric, epochs);
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long w0 = System.nanoTime();
        run(table(java.util.Arrays.copyOf(x, Math.min(n, 4200)), tensor), new UmapNode.Params(List.of(), 15, 0.1, 2, metric, 11));
        double cold = (System.nanoTime() - w0) / 1e9;
        double before = rssMb();
        Table t = table(x, tensor);
        long t0 = System.nanoTime();
        long c0 = os.getProcessCpuTime();
        Table e = run(t, params);
        double took = (System.nanoTime() - t0) / 1e9;
        double cpu = (os.getProcessCpuTime() - c0) / 1e9;
        ByteBuffer o = ByteBuffer.allocate(n * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < n; i++) {
            o.putFloat((float) e.numeric("umap1").get(i)).putFloat((float) e.numeric("umap2").get(i));
        }
        Files.write(out.resolve(name + ".anneal.f32"), o.array());
        System.out.printf("anneal prepare.umap %s %s %d epochs (%s): %.3f s, CPU %.3f s, peak RSS %.0f MB (before the fit %.0f MB); "
                + "warm-up (JIT) %.1f s%n", name, a[2], epochs, tensor ? "one spectrum column" : p + " numeric columns", took, cpu, rssMb(), before, cold);
    }

    static Table table(float[][] x, boolean tensor) {
        int n = x.length;
        int p = x[0].length;
        if (tensor) {
            Shape s = Shape.spectrum(Axis.regular("channel", p, "", 0, 1));
            return new Table(List.of(TensorColumn.of("spectrum", ColumnRole.FEATURE, s, List.of(x))));
        }
        List<Column> cols = new ArrayList<>();
        for (int j = 0; j < p; j++) {
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                v[i] = x[i][j];
            }
            cols.add(new NumericColumn("x" + j, ColumnRole.FEATURE, v));
        }
        return new Table(cols);
    }

    static Table run(Table t, UmapNode.Params p) throws Exception {
        var ctx = new StandaloneContext("umap", 1, Path.of("."));
        Specs spec = new UmapNode().configure(Specs.of(Map.of("table", t.spec(Lineage.UNSPLIT))), p, ctx);
        return (Table) new UmapNode().execute(new Inputs(Map.of("table", t), spec), p, ctx).get("out");
    }

    static double rssMb() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
            }
        }
        return Double.NaN;
    }
}
