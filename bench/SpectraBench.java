import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableGroup;
import java.io.BufferedWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.anneal.data.Table;
import org.anneal.data.TensorColumn;
import org.anneal.exec.StandaloneContext;
import org.anneal.nodes.data.CsvNode;
import org.anneal.data.CsvReader;
import org.anneal.nodes.spectra.AxisKind;
import org.anneal.nodes.spectra.BaselineNode;
import org.anneal.nodes.spectra.PeakProfile;
import org.anneal.nodes.spectra.PeaksNode;
import org.anneal.nodes.spectra.SmoothNode;
import org.anneal.nodes.spectra.SpectraNode;
import org.anneal.nodes.spectra.SpectrumImageNode;
import org.anneal.spec.Axis;
import org.anneal.spec.ColumnRole;
import org.anneal.spec.Inputs;
import org.anneal.spec.Node;
import org.anneal.spec.Outputs;
import org.anneal.spec.Shape;

/**
 * The Java side of bench/spectra-bench.sh, in source-file mode on the nodes classpath:
 * <pre>
 *   gen DIR N C FILES     N generated EDS-like spectra of C channels: DIR/spectra.f32 (float32 little-endian, row-major, for
 *                         the scipy peer), DIR/files/ (the first FILES as two-column CSV files), DIR/all.csv (the same lines
 *                         in one CSV, header once), DIR/map.hspy (all N as a √N × √N HyperSpy map, float32)
 *   chain DIR N C REPS K  spectra.smooth → spectra.baseline (ALS) → spectra.peaks (no profile fit) on the N spectra, node
 *                         execute only, median of REPS after one warm-up; threads = the JVM's processor count; the
 *                         peaks found in the first K spectra, to compare with scipy's count
 *   load DIR REPS         data.spectra on DIR/files, data.csv on DIR/all.csv, data.spectrum-image on DIR/map.hspy: MB/s,
 *                         configure + execute as a run calls them; the files are touched before every round so that
 *                         data.spectra reads them afresh (it keeps the last unchanged set it read)
 * </pre>
 * The spectra: a falling bremsstrahlung-like background plus 8–15 Gaussian lines of 2–10 channels' width, with noise of
 * the square root of the counts, from a seeded Random per spectrum (the same bytes every run).
 */
public final class SpectraBench {
    static final double STEP_EV = 10;
    /** jHDF logs every group it writes at INFO; held so the quieter level sticks. */
    static final java.util.logging.Logger JHDF = java.util.logging.Logger.getLogger("io.jhdf");

    public static void main(String[] args) throws Exception {
        Locale.setDefault(Locale.ROOT);
        JHDF.setLevel(java.util.logging.Level.WARNING);
        Path dir = Path.of(args[1]);
        switch (args[0]) {
            case "gen" -> gen(dir, Integer.parseInt(args[2]), Integer.parseInt(args[3]), Integer.parseInt(args[4]));
            case "chain" -> chain(dir, Integer.parseInt(args[2]), Integer.parseInt(args[3]), Integer.parseInt(args[4]), Integer.parseInt(args[5]));
            case "load" -> load(dir, Integer.parseInt(args[2]));
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    static float[] spectrum(int index, int channels) {
        Random r = new Random(index);
        double[] y = new double[channels];
        double scale = 150 + 100 * r.nextDouble();
        for (int i = 0; i < channels; i++) {
            y[i] = 20 + scale * Math.exp(-i / (channels / 3.0));
        }
        int lines = 8 + r.nextInt(8);
        for (int k = 0; k < lines; k++) {
            double centre = 50 + r.nextDouble() * (channels - 100);
            double sigma = 2 + 8 * r.nextDouble();
            double amp = 30 + 600 * r.nextDouble();
            int lo = Math.max(0, (int) (centre - 6 * sigma));
            int hi = Math.min(channels - 1, (int) (centre + 6 * sigma));
            for (int i = lo; i <= hi; i++) {
                double u = (i - centre) / sigma;
                y[i] += amp * Math.exp(-0.5 * u * u);
            }
        }
        float[] out = new float[channels];
        for (int i = 0; i < channels; i++) {
            out[i] = (float) Math.max(0, y[i] + Math.sqrt(y[i]) * r.nextGaussian());
        }
        return out;
    }

    static void gen(Path dir, int n, int channels, int files) throws Exception {
        Path f32 = dir.resolve("spectra.f32");
        if (Files.exists(dir.resolve("done-" + n + "x" + channels + "-" + files))) {
            return;
        }
        Files.createDirectories(dir.resolve("files"));
        ByteBuffer buf = ByteBuffer.allocate(4 * n * channels).order(ByteOrder.LITTLE_ENDIAN);
        int side = (int) Math.round(Math.sqrt(n));
        float[][][] map = new float[side][side][];
        try (BufferedWriter all = Files.newBufferedWriter(dir.resolve("all.csv"))) {
            all.write("energy_ev,counts\n");
            for (int s = 0; s < n; s++) {
                float[] y = spectrum(s, channels);
                buf.asFloatBuffer().put(s * channels, y);
                if (s < side * side) {
                    map[s / side][s % side] = y;
                }
                if (s < files) {
                    StringBuilder text = new StringBuilder(channels * 16).append("energy_ev,counts\n");
                    for (int i = 0; i < channels; i++) {
                        text.append(i * (long) STEP_EV).append(',').append(Math.round(y[i] * 100) / 100.0).append('\n');
                    }
                    Files.writeString(dir.resolve("files").resolve(String.format("s%05d.csv", s)), text);
                    all.write(text.substring(text.indexOf("\n") + 1));
                }
            }
        }
        Files.write(f32, buf.array());
        try (WritableHdfFile h = HdfFile.write(dir.resolve("map.hspy"))) {
            h.putAttribute("file_format", "HyperSpy");
            WritableGroup g = h.putGroup("Experiments").putGroup("EDS map");
            g.putDataset("data", map);
            String[][] axes = {{"y", "TRUE", "0", "1", ""}, {"x", "TRUE", "0", "1", ""}, {"Energy", "FALSE", "0", "0.01", "keV"}};
            int[] sizes = {side, side, channels};
            for (int d = 0; d < 3; d++) {
                WritableGroup a = g.putGroup("axis-" + d);
                a.putDataset("placeholder", new int[] {0}); // jHDF 0.9.4's writer cannot write empty groups
                a.putAttribute("name", axes[d][0]);
                a.putAttribute("navigate", axes[d][1]);
                a.putAttribute("offset", Double.parseDouble(axes[d][2]));
                a.putAttribute("scale", Double.parseDouble(axes[d][3]));
                a.putAttribute("size", sizes[d]);
                a.putAttribute("units", axes[d][4]);
            }
        }
        Files.writeString(dir.resolve("done-" + n + "x" + channels + "-" + files), "");
    }

    static Table read(Path dir, int n, int channels) throws Exception {
        ByteBuffer buf = ByteBuffer.wrap(Files.readAllBytes(dir.resolve("spectra.f32"))).order(ByteOrder.LITTLE_ENDIAN);
        float[] values = new float[n * channels];
        buf.asFloatBuffer().get(values);
        Shape shape = Shape.spectrum(Axis.regular("energy", channels, "eV", 0, STEP_EV));
        double[] id = new double[n];
        Arrays.setAll(id, i -> i);
        return new Table(List.of(new org.anneal.data.NumericColumn("id", ColumnRole.ID, id),
                new TensorColumn("spectrum", ColumnRole.FEATURE, shape, values, new boolean[n], "counts")));
    }

    static <P extends Record> Table run(Node<P> node, String in, String out, Table t, P p) throws Exception {
        Outputs o = node.execute(new Inputs(Map.of(in, t)), p, new StandaloneContext("bench", 1, Path.of(".")));
        return (Table) o.get(out);
    }

    static void chain(Path dir, int n, int channels, int reps, int first) throws Exception {
        Table t = read(dir, n, channels);
        var smooth = new SmoothNode.Params("spectrum", 11, 3, 0);
        var baseline = new BaselineNode.Params("spectrum", BaselineNode.Method.ALS, 20, 1e5, 0.01, 10, true, BaselineNode.Output.CORRECTED);
        var peaks = new PeaksNode.Params("spectrum", 20, 0, PeakProfile.NONE, 1.5406);
        int threads = Runtime.getRuntime().availableProcessors();
        double[][] times = new double[4][reps];
        double[] cpu = new double[reps];
        for (int rep = -1; rep < reps; rep++) {
            Table input = rep < 0 ? t.rows(range(Math.min(n, 500))) : t; // warm-up on a slice
            long c0 = cpuNanos();
            long t0 = System.nanoTime();
            Table s = run(new SmoothNode(), "table", "out", input, smooth);
            long t1 = System.nanoTime();
            Table b = run(new BaselineNode(), "table", "out", s, baseline);
            long t2 = System.nanoTime();
            Table pk = run(new PeaksNode(), "table", "peaks", b, peaks);
            long t3 = System.nanoTime();
            if (rep >= 0) {
                times[0][rep] = (t1 - t0) / 1e9;
                times[1][rep] = (t2 - t1) / 1e9;
                times[2][rep] = (t3 - t2) / 1e9;
                times[3][rep] = (t3 - t0) / 1e9;
                cpu[rep] = (cpuNanos() - c0) / 1e9;
            }
            if (rep == reps - 1) {
                System.out.printf("anneal threads=%d peaks found in %d spectra: %d (in the first %d: %d)%n", threads, n, pk.rowCount(), first,
                        Arrays.stream(pk.numeric("id").values()).filter(id -> id < first).count());
            }
        }
        String[] names = {"smooth", "baseline-als", "peaks"};
        for (int k = 0; k < 3; k++) {
            double med = median(times[k]);
            System.out.printf("anneal threads=%d %s: %.3f s, %.0f spectra/s%n", threads, names[k], med, n / med);
        }
        double wall = median(times[3]);
        double cpus = median(cpu);
        System.out.printf("anneal threads=%d chain: %.3f s wall median of %d, %.0f spectra/s; %.3f s CPU (all JVM threads), %.0f spectra per CPU-s%n",
                threads, wall, reps, n / wall, cpus, n / cpus);
    }

    /** CPU time of the whole JVM (the pool's threads, JIT and GC included), which load from other processes does not inflate. */
    static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    static void load(Path dir, int reps) throws Exception {
        Path filesDir = dir.resolve("files");
        long fileBytes = 0;
        int fileCount = 0;
        try (var s = Files.list(filesDir)) {
            for (Path f : s.toList()) {
                fileBytes += Files.size(f);
                fileCount++;
            }
        }
        long csvBytes = Files.size(dir.resolve("all.csv"));
        long mapBytes = Files.size(dir.resolve("map.hspy"));
        var spectra = new SpectraNode.Params("files", "*.csv", AxisKind.ENERGY_EV, "spectrum", "", "", "");
        var csv = new CsvNode.Params("all.csv", "", "", "", List.of(), List.of(), List.of(), CsvNode.Delimiter.AUTO, CsvNode.Decimal.AUTO,
                CsvReader.UnitsRow.AUTO, CsvNode.Encoding.AUTO, List.of("", "NA", "N/A", "NaN", "nan", "null", "?"));
        var map = new SpectrumImageNode.Params("map.hspy", "", AxisKind.ENERGY_KEV, "spectrum");
        double[][] times = new double[3][reps];
        int[] rows = new int[3];
        List<Path> files;
        try (var s = Files.list(filesDir)) {
            files = s.toList();
        }
        for (int rep = -1; rep < reps; rep++) { // alternating, after one warm-up round
            var touched = java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 1000L * rep);
            for (Path f : files) {
                Files.setLastModifiedTime(f, touched);
            }
            long t0 = System.nanoTime();
            rows[0] = execute(new SpectraNode(), "table", dir, spectra).rowCount();
            long t1 = System.nanoTime();
            rows[1] = execute(new CsvNode(), "table", dir, csv).rowCount();
            long t2 = System.nanoTime();
            rows[2] = execute(new SpectrumImageNode(), "table", dir, map).rowCount();
            long t3 = System.nanoTime();
            if (rep >= 0) {
                times[0][rep] = (t1 - t0) / 1e9;
                times[1][rep] = (t2 - t1) / 1e9;
                times[2][rep] = (t3 - t2) / 1e9;
            }
        }
        double mb = 1e6;
        double sp = median(times[0]);
        double cs = median(times[1]);
        double mp = median(times[2]);
        System.out.printf("data.spectra: %d two-column files, %.1f MB, %d rows: %.3f s median of %d, %.1f MB/s, %.0f spectra/s%n", fileCount,
                fileBytes / mb, rows[0], sp, reps, fileBytes / mb / sp, rows[0] / sp);
        System.out.printf("data.csv: the same lines in one CSV, %.1f MB, %d rows: %.3f s, %.1f MB/s%n", csvBytes / mb, rows[1], cs, csvBytes / mb / cs);
        System.out.printf("data.spectrum-image: HyperSpy map, %.1f MB, %d pixels: %.3f s, %.1f MB/s%n", mapBytes / mb, rows[2], mp, mapBytes / mb / mp);
        System.out.printf("ratio data.spectra / data.csv MB/s: %.2f; spectrum-image / data.csv: %.2f%n", (fileBytes / sp) / (csvBytes / cs),
                (mapBytes / mp) / (csvBytes / cs));
    }

    static <P extends Record> Table execute(Node<P> node, String out, Path dir, P p) throws Exception {
        var ctx = new StandaloneContext("load", 1, dir);
        node.configure(org.anneal.spec.Specs.of(Map.of()), p, ctx); // a run configures before it executes
        return (Table) node.execute(new Inputs(Map.of()), p, ctx).get(out);
    }

    static int[] range(int n) {
        int[] r = new int[n];
        Arrays.setAll(r, i -> i);
        return r;
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
