package org.anneal.lineage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import org.anneal.data.CategoricalColumn;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.data.TensorColumn;
import org.anneal.device.Device;
import org.anneal.exec.Executor;
import org.anneal.exec.FileAccess;
import org.anneal.exec.MemoryCache;
import org.anneal.exec.RunOptions;
import org.anneal.exec.RunResult;
import org.anneal.exec.Validation;
import org.anneal.exec.Validator;
import org.anneal.graph.Problem;
import org.anneal.graph.WorkflowCodec;
import org.anneal.spec.Axis;
import org.anneal.spec.ColumnRole;
import org.anneal.spec.ColumnSpec;
import org.anneal.spec.ColumnType;
import org.anneal.spec.ConfigContext;
import org.anneal.spec.DataKind;
import org.anneal.spec.ExecContext;
import org.anneal.spec.Inputs;
import org.anneal.spec.LeakageRole;
import org.anneal.spec.Lineage;
import org.anneal.spec.Node;
import org.anneal.spec.NodeRegistry;
import org.anneal.spec.NodeType;
import org.anneal.spec.OutPort;
import org.anneal.spec.Outputs;
import org.anneal.spec.Param;
import org.anneal.spec.Phase;
import org.anneal.spec.Shape;
import org.anneal.spec.Specs;
import org.anneal.spec.TableSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A spectrum library (one 64-channel EDS spectrum per row, with a phase label, the specimen as group and the acquisition
 * order as time) through the real validator, executor and leakage checks: splits, folds, filter, dedupe and D1 carry the
 * tensor column unchanged, and nodes that need numbers refuse it by name.
 */
class TensorTableRoundTripTest {
    static final Shape EDS = Shape.spectrum(Axis.regular("energy", 64, "keV", 0, 0.1));

    @TempDir
    Path dir;

    @NodeType(id = "test.spectra", title = "Spectra", phase = Phase.DATA, role = LeakageRole.SOURCE,
            doc = "A spectrum library: spectrum (tensor), x, phase (target), specimen (group of 4 rows), t (time, the row number).")
    public static final class SpectraSource implements Node<SpectraSource.Params> {
        public record Params(@Param(doc = "rows", def = "60", min = 4, max = 1000) int rows,
                             @Param(doc = "rows come in identical pairs (a spectrum saved twice)", def = "false") boolean copies,
                             @Param(doc = "every spectrum holds the same values, shifted: equal means, different tensors", def = "false") boolean sameMean,
                             @Param(doc = "role of the spectrum column", def = "\"feature\"", choices = {"feature", "ignore"}) String tensorRole) {
        }

        static final OutPort<Table> OUT = OutPort.of("table", DataKind.TABLE, Table.class, "");

        static List<ColumnSpec> columns(Params p) {
            return List.of(ColumnSpec.tensor("spectrum", ColumnRole.valueOf(p.tensorRole().toUpperCase()), EDS, "counts"),
                    new ColumnSpec("x", ColumnType.NUMERIC, ColumnRole.FEATURE),
                    new ColumnSpec("phase", ColumnType.CATEGORICAL, ColumnRole.TARGET),
                    new ColumnSpec("specimen", ColumnType.CATEGORICAL, ColumnRole.GROUP),
                    new ColumnSpec("t", ColumnType.NUMERIC, ColumnRole.TIME));
        }

        @Override
        public Specs configure(Specs in, Params p, ConfigContext ctx) {
            return Specs.of(OUT, new TableSpec(columns(p), Lineage.UNSPLIT));
        }

        @Override
        public Outputs execute(Inputs in, Params p, ExecContext ctx) {
            List<float[]> spectra = new ArrayList<>();
            double[] x = new double[p.rows()];
            int[] phase = new int[p.rows()];
            int[] specimen = new int[p.rows()];
            double[] t = new double[p.rows()];
            List<String> specimens = new ArrayList<>();
            for (int i = 0; i < p.rows(); i++) {
                int content = p.copies() ? i / 2 : i;
                spectra.add(spectrum(content, p.sameMean()));
                x[i] = content % 7;
                phase[i] = content % 3;
                specimen[i] = i / 4;
                t[i] = i;
                if (i % 4 == 0) {
                    specimens.add("S" + i / 4);
                }
            }
            List<ColumnSpec> cols = columns(p);
            return Outputs.of(OUT, new Table(List.of(TensorColumn.of("spectrum", cols.get(0).role(), EDS, spectra).withUnit("counts"),
                    new NumericColumn("x", ColumnRole.FEATURE, x),
                    new CategoricalColumn("phase", ColumnRole.TARGET, phase, List.of("ferrite", "pearlite", "bainite")),
                    new CategoricalColumn("specimen", ColumnRole.GROUP, specimen, specimens),
                    new NumericColumn("t", ColumnRole.TIME, t))));
        }

        /** A peak whose place depends on the phase, plus a small row-specific pattern; or one fixed spectrum shifted by row. */
        static float[] spectrum(int row, boolean sameMean) {
            float[] v = new float[64];
            for (int j = 0; j < 64; j++) {
                int k = sameMean ? (j + row) % 64 : j;
                double centre = sameMean ? 20 : 12 + 15 * (row % 3);
                v[j] = (float) (Math.exp(-(k - centre) * (k - centre) / 8.0) + (sameMean ? 0.01 * (k % 5) : 0.001 * ((row * 31 + j * 7) % 13)));
            }
            return v;
        }
    }

    private static NodeRegistry registry() {
        List<Node<?>> nodes = new ArrayList<>();
        for (Node<?> n : ServiceLoader.load(Node.class)) {
            nodes.add(n);
        }
        nodes.add(new SpectraSource());
        return new NodeRegistry(nodes);
    }

    private Validation validate(String nodes, String links) throws Exception {
        Files.writeString(dir.resolve("w.json"), "{\"format\":\"anneal-workflow\",\"version\":1,\"meta\":{\"seed\":3},\"nodes\":[" + nodes
                + "],\"links\":[" + links + "]}");
        return new Validator(registry()).validate(new WorkflowCodec().read(dir.resolve("w.json")), FileAccess.unrestricted(dir));
    }

    private record Ran(Validation v, RunResult r, List<Finding> findings) {
        Table table(String node, String port) {
            return (Table) r.node(node).outputs().get(port);
        }
    }

    private Ran run(String nodes, String links) throws Exception {
        Validation v = validate(nodes, links);
        assertFalse(v.hasErrors(), v.errors().toString());
        try (Executor ex = new Executor(MemoryCache.standard(), 2)) {
            RunResult r = ex.run(v, new RunOptions(Set.of(), new Device("cpu", "cpu", "", ""), FileAccess.unrestricted(dir)), e -> { });
            assertTrue(r.succeeded(), r.problems().toString());
            return new Ran(v, r, new DynamicChecks(DynamicChecks.Thresholds.DEFAULT).analyze(v, r));
        }
    }

    private static String source(String params) {
        return "{\"id\":\"src\",\"type\":\"test.spectra\",\"params\":{" + params + "}}";
    }

    private static String node(String id, String type, String params) {
        return "{\"id\":\"" + id + "\",\"type\":\"" + type + "\",\"params\":{" + params + "}}";
    }

    private static String link(String from, String to) {
        return "{\"from\":\"" + from + "\",\"to\":\"" + to + "\"}";
    }

    /** Every row of {@code part} holds, in every column, what the source row with the same time stamp held. */
    private static void rowsIntact(Table source, Table part) {
        TensorColumn all = (TensorColumn) source.column("spectrum").orElseThrow();
        TensorColumn got = (TensorColumn) part.column("spectrum").orElseThrow();
        assertEquals(EDS, got.shape());
        assertEquals(part.rowCount() * 64, got.values().length);
        for (int i = 0; i < part.rowCount(); i++) {
            int row = (int) part.numeric("t").get(i);
            assertArrayEquals(all.get(row), got.get(i), "spectrum of row t=" + row);
            assertEquals(source.numeric("x").get(row), part.numeric("x").get(i));
            assertEquals(source.column("specimen").orElseThrow().text(row), part.column("specimen").orElseThrow().text(i));
        }
    }

    /** The configure-time spec of every table port equals the spec of the table that ran there: shapes included. */
    private static void specsKept(Ran ran, String node, String... ports) {
        for (String port : ports) {
            TableSpec promised = (TableSpec) ran.v().outSpecs().get(node).get(port);
            assertEquals(promised.columns(), ran.table(node, port).spec(promised.lineage()).columns(), node + ":" + port);
            assertEquals(EDS, promised.column("spectrum").orElseThrow().shape());
        }
    }

    private static Set<Double> times(Table t) {
        Set<Double> out = new HashSet<>();
        for (double v : t.numeric("t").values()) {
            out.add(v);
        }
        return out;
    }

    @Test
    void aSpectrumSavedTwiceOnBothSidesOfAHoldoutIsFoundByD1() throws Exception {
        Ran ran = run(source("\"copies\":true") + "," + node("split", "split.holdout", "\"test\":0.3,\"stratify\":true"),
                link("src:table", "split:table"));
        Finding d1 = ran.findings().stream().filter(f -> f.rule().equals("D1")).findFirst().orElseThrow(() -> new AssertionError(ran.findings()));
        assertTrue(d1.isError(), d1.explanation());
        assertTrue(d1.explanation().contains("of 18 test rows"), d1.explanation());
        specsKept(ran, "split", "train", "test");
        Table src = ran.table("src", "table");
        rowsIntact(src, ran.table("split", "train"));
        rowsIntact(src, ran.table("split", "test"));
        assertEquals(60, ran.table("split", "train").rowCount() + ran.table("split", "test").rowCount());
    }

    @Test
    void distinctSpectraWithEqualMeansAreNotCopies() throws Exception {
        Ran ran = run(source("\"sameMean\":true") + "," + node("split", "split.holdout", "\"test\":0.3"), link("src:table", "split:table"));
        Table src = ran.table("src", "table");
        assertEquals(src.column("spectrum").orElseThrow().text(0), src.column("spectrum").orElseThrow().text(1),
                "the cell summaries are equal, so a comparison of text would call them copies");
        assertTrue(ran.findings().stream().noneMatch(f -> f.rule().equals("D1")), ran.findings().toString());
    }

    @Test
    void aGroupSplitKeepsSpecimensApartAndSpectraWithTheirRows() throws Exception {
        Ran ran = run(source("") + "," + node("split", "split.group", "\"test\":0.25"), link("src:table", "split:table"));
        Table train = ran.table("split", "train");
        Table test = ran.table("split", "test");
        Set<String> trainSpecimens = new HashSet<>();
        for (int i = 0; i < train.rowCount(); i++) {
            trainSpecimens.add(train.column("specimen").orElseThrow().text(i));
        }
        for (int i = 0; i < test.rowCount(); i++) {
            assertFalse(trainSpecimens.contains(test.column("specimen").orElseThrow().text(i)));
        }
        assertTrue(ran.findings().stream().noneMatch(f -> f.rule().equals("D1") || f.rule().equals("D2")), ran.findings().toString());
        Table src = ran.table("src", "table");
        rowsIntact(src, train);
        rowsIntact(src, test);
        assertEquals(60, train.rowCount() + test.rowCount());
        specsKept(ran, "split", "train", "test");
    }

    @Test
    void aTimeSplitTestsOnTheLatestSpectra() throws Exception {
        Ran ran = run(source("") + "," + node("split", "split.time", "\"test\":0.2"), link("src:table", "split:table"));
        Table train = ran.table("split", "train");
        Table test = ran.table("split", "test");
        assertEquals(48, train.rowCount());
        assertEquals(12, test.rowCount());
        double lastTrain = train.numeric("t").values()[train.rowCount() - 1];
        assertTrue(times(test).stream().allMatch(t -> t > lastTrain));
        rowsIntact(ran.table("src", "table"), train);
        rowsIntact(ran.table("src", "table"), test);
        assertTrue(ran.findings().stream().noneMatch(f -> f.rule().equals("D5") || f.rule().equals("D1")), ran.findings().toString());
        specsKept(ran, "split", "train", "test");
    }

    @Test
    void dedupeOnTheSpectrumRemovesTheCopiesBeforeTheSplitAndD1IsQuiet() throws Exception {
        Ran ran = run(source("\"copies\":true") + "," + node("dedupe", "prepare.dedupe", "\"columns\":[\"spectrum\",\"phase\"]") + ","
                        + node("split", "split.holdout", "\"test\":0.3"),
                link("src:table", "dedupe:table") + "," + link("dedupe:out", "split:table"));
        Table deduped = ran.table("dedupe", "out");
        assertEquals(30, deduped.rowCount());
        assertEquals(Set.of(0.0, 2.0, 4.0, 56.0, 58.0), times(deduped).stream().filter(t -> t < 6 || t > 55).collect(java.util.stream.Collectors.toSet()),
                "the first of each pair is kept");
        rowsIntact(ran.table("src", "table"), deduped);
        specsKept(ran, "dedupe", "out");
        assertTrue(ran.findings().stream().noneMatch(f -> f.rule().equals("D1")), ran.findings().toString());
    }

    @Test
    void dedupeWithAToleranceStillComparesSpectraExactly() throws Exception {
        Ran copies = run(source("\"copies\":true") + "," + node("dedupe", "prepare.dedupe", "\"columns\":[\"spectrum\",\"x\"],\"tolerance\":0.01"),
                link("src:table", "dedupe:table"));
        assertEquals(30, copies.table("dedupe", "out").rowCount());
        Ran distinct = run(source("\"sameMean\":true") + "," + node("dedupe", "prepare.dedupe", "\"columns\":[\"spectrum\"],\"tolerance\":0.01"),
                link("src:table", "dedupe:table"));
        assertEquals(60, distinct.table("dedupe", "out").rowCount());
    }

    @Test
    void groupFoldsCrossValidateAroundAnIgnoredSpectrumAndAFilterKeepsItsRows() throws Exception {
        Ran ran = run(source("\"tensorRole\":\"ignore\"") + "," + node("keep", "data.filter", "\"column\":\"x\",\"operator\":\"<\",\"value\":\"5\"") + ","
                        + node("logit", "model.logistic", "") + "," + node("cv", "evaluate.cross-validate", "\"folds\":3,\"strategy\":\"group\""),
                link("src:table", "keep:table") + "," + link("keep:out", "cv:table") + "," + link("logit:learner", "cv:learner"));
        Table kept = ran.table("keep", "out");
        assertTrue(kept.rowCount() > 0 && kept.rowCount() < 60);
        rowsIntact(ran.table("src", "table"), kept);
        assertEquals(3, ((Table) ran.r().node("cv").outputs().get("folds")).rowCount());
    }

    @Test
    void learnersAndFiltersRefuseATensorByNameAtConfigureTime() throws Exception {
        Validation fit = validate(source("") + "," + node("split", "split.holdout", "") + "," + node("logit", "model.logistic", "") + ","
                        + node("fit", "train.fit", ""),
                link("src:table", "split:table") + "," + link("split:train", "fit:train") + "," + link("logit:learner", "fit:learner"));
        Problem p = fit.errors().stream().filter(e -> "fit".equals(e.nodeId())).findFirst().orElseThrow(() -> new AssertionError(fit.errors()));
        assertTrue(p.message().contains("'spectrum'") && p.message().contains("64 ch"), p.message());
        assertEquals("train", p.port());

        Validation cv = validate(source("") + "," + node("logit", "model.logistic", "") + "," + node("cv", "evaluate.cross-validate", ""),
                link("src:table", "cv:table") + "," + link("logit:learner", "cv:learner"));
        assertTrue(cv.errors().stream().anyMatch(e -> "cv".equals(e.nodeId()) && e.message().contains("'spectrum'")), cv.errors().toString());

        Validation filter = validate(source("") + "," + node("keep", "data.filter", "\"column\":\"spectrum\",\"operator\":\"==\",\"value\":\"1\""),
                link("src:table", "keep:table"));
        Problem f = filter.errors().stream().filter(e -> "keep".equals(e.nodeId())).findFirst().orElseThrow(() -> new AssertionError(filter.errors()));
        assertEquals("column", f.param());
        assertTrue(f.message().contains("tensor"), f.message());
    }

    @Test
    void d4JudgesTheScalarFeaturesAloneSoARemeasuredSampleIsANearCopy() {
        // the same three process settings on both sides, each spectrum measured anew (different noise): not D1, but D4
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(5);
        int n = 120;
        double[][] x = new double[3][n];
        List<float[]> spectra = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 3; j++) {
                x[j][i] = i < 100 ? rnd.nextDouble() * 100 : x[j][i - 100]; // rows 100..119 repeat rows 0..19
            }
            float[] v = new float[64];
            for (int k = 0; k < 64; k++) {
                v[k] = (float) rnd.nextDouble();
            }
            spectra.add(v);
        }
        Table all = new Table(List.of(TensorColumn.of("spectrum", ColumnRole.FEATURE, EDS, spectra),
                new NumericColumn("temperature", ColumnRole.FEATURE, x[0]), new NumericColumn("time", ColumnRole.FEATURE, x[1]),
                new NumericColumn("pressure", ColumnRole.FEATURE, x[2]),
                new NumericColumn("y", ColumnRole.TARGET, java.util.stream.IntStream.range(0, n).mapToDouble(i -> rnd.nextDouble()).toArray())));
        Table train = all.rows(java.util.stream.IntStream.range(0, 100).toArray());
        Table test = all.rows(java.util.stream.IntStream.range(100, n).toArray());
        List<Finding> out = new ArrayList<>();
        NearDuplicates.check("split", train, test, DynamicChecks.Thresholds.DEFAULT, Set.of(), out);
        Finding d4 = out.stream().filter(f -> f.rule().equals("D4")).findFirst().orElseThrow(() -> new AssertionError(out));
        assertTrue(d4.explanation().contains("20 of 20 test rows") && d4.explanation().contains("3 numeric features"), d4.explanation());
    }
}
