package org.anneal.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.anneal.data.CategoricalColumn;
import org.anneal.data.Column;
import org.anneal.data.CsvFormat;
import org.anneal.data.CsvReader;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;

/**
 * CSV parse before and after the byte-level reader, in one process: {@link CsvReader#readWithJackson} (the reader
 * before) and {@link CsvReader#read} (fast path first) alternate, after one warm-up each, so that a change in the
 * shared machine's load falls on both. Wall and CPU time per run (CPU time is the main thread's: it shows the
 * parse's own cost when other builds crowd the cores), the 1-minute load average before each run, medians. Checks
 * that both give the same table. Prints one JSON object.
 *
 * <p>Usage: {@code java -cp ... org.anneal.bench.CsvParseBench CSV REPETITIONS}
 */
public final class CsvParseBench {
    private static final List<String> WAYS = List.of("jackson", "fast");

    private CsvParseBench() {
    }

    public static void main(String[] args) throws Exception {
        Path csv = Path.of(args[0]).toAbsolutePath();
        int reps = Integer.parseInt(args[1]);
        long bytes = Files.size(csv);
        // CsvNode's default missing tokens
        CsvReader.Options opt = new CsvReader.Options((char) 0, Set.of("", "NA", "N/A", "NaN", "nan", "null", "?"), Set.of());
        CsvFormat format = CsvReader.sniff(csv, opt);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("benchmark", "CSV parse: Jackson token reader (before) vs byte-level fast reader (after), same process, alternating");
        out.put("csv", csv.getFileName().toString());
        out.put("csvBytes", bytes);
        out.put("java", System.getProperty("java.version"));
        out.put("cores", Runtime.getRuntime().availableProcessors());
        ArrayNode runs = out.putArray("runs");
        Map<String, List<double[]>> times = Map.of("jackson", new ArrayList<>(), "fast", new ArrayList<>());
        Table[] last = new Table[2];
        for (int r = 0; r <= reps; r++) {
            for (int w = 0; w < WAYS.size(); w++) {
                String way = WAYS.get(w);
                double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
                System.gc(); // the previous run's table is garbage; do not bill its collection to this one
                long cpu0 = threads.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                Table t = way.equals("fast") ? CsvReader.read(csv, opt, format, Map.of(), () -> { }, x -> { })
                        : CsvReader.readWithJackson(csv, opt, format, Map.of(), () -> { }, x -> { });
                double wall = (System.nanoTime() - t0) / 1e9;
                double cpu = (threads.getCurrentThreadCpuTime() - cpu0) / 1e9;
                last[w] = t;
                System.err.printf(Locale.ROOT, "%s %s: wall %.2f s (%.0f MB/s), cpu %.2f s, load %.2f%n", way, r == 0 ? "warm-up" : "run " + r,
                        wall, bytes / 1e6 / wall, cpu, load);
                if (r > 0) {
                    times.get(way).add(new double[] {wall, cpu});
                    ObjectNode run = runs.addObject();
                    run.put("reader", way);
                    run.put("rep", r);
                    run.put("wallSeconds", wall);
                    run.put("mainThreadCpuSeconds", cpu);
                    run.put("loadAverage1mBefore", load);
                    run.put("rows", t.rowCount());
                }
            }
            if (!same(last[0], last[1])) {
                throw new IllegalStateException("the two readers gave different tables");
            }
        }
        ObjectNode med = out.putObject("medians");
        for (String way : WAYS) {
            double wall = median(times.get(way), 0);
            double cpu = median(times.get(way), 1);
            ObjectNode m = med.putObject(way);
            m.put("wallSeconds", wall);
            m.put("MBperSecondWall", bytes / 1e6 / wall);
            m.put("mainThreadCpuSeconds", cpu);
            m.put("MBperSecondCpu", bytes / 1e6 / cpu);
        }
        out.put("speedupWall", median(times.get("jackson"), 0) / median(times.get("fast"), 0));
        out.put("speedupCpu", median(times.get("jackson"), 1) / median(times.get("fast"), 1));
        out.put("tablesIdentical", true);
        System.out.println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(out));
    }

    private static double median(List<double[]> runs, int k) {
        double[] v = runs.stream().mapToDouble(x -> x[k]).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    /** Bit for bit: -0.0 and NaN count. */
    private static boolean same(Table a, Table b) {
        if (a.columnCount() != b.columnCount() || a.rowCount() != b.rowCount()) {
            return false;
        }
        for (int c = 0; c < a.columnCount(); c++) {
            Column x = a.columns().get(c);
            Column y = b.columns().get(c);
            boolean eq = x instanceof NumericColumn n ? y instanceof NumericColumn m && n.name().equals(m.name()) && Arrays.equals(n.values(), m.values())
                    : x instanceof CategoricalColumn && x.equals(y);
            if (!eq) {
                return false;
            }
        }
        return true;
    }
}
