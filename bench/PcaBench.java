import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.anneal.data.Column;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.exec.StandaloneContext;
import org.anneal.nodes.prepare.PcaNode;
import org.anneal.spec.ColumnRole;
import org.anneal.spec.Inputs;

/** Times prepare.pca on the float32 little-endian matrices written by pca_bench.py (rows × channels). */
public class PcaBench {
    public static void main(String[] args) throws Exception {
        for (String file : args) {
            String[] dims = Path.of(file).getFileName().toString().replace(".f32", "").split("x");
            int n = Integer.parseInt(dims[0]);
            int p = Integer.parseInt(dims[1]);
            var buf = java.nio.ByteBuffer.wrap(Files.readAllBytes(Path.of(file))).order(java.nio.ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
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
            Table t = new Table(columns);
            var params = new PcaNode.Params(List.of(), 10, false);
            double best = Double.MAX_VALUE;
            for (int rep = 0; rep < 3; rep++) {
                long t0 = System.nanoTime();
                var out = new PcaNode().execute(new Inputs(Map.of("fit", t, "data", t)), params, new StandaloneContext("pca", 1, Path.of(".")));
                best = Math.min(best, (System.nanoTime() - t0) / 1e9);
                if (rep == 0) {
                    System.out.printf("anneal %dx%d first pc1 score %.4f%n", n, p, Math.abs(((Table) out.get("out")).numeric("pc1").get(0)));
                }
            }
            System.out.printf("anneal prepare.pca %d x %d (10 components, fit + project): best of 3 %.3f s%n", n, p, best);
        }
    }
}
