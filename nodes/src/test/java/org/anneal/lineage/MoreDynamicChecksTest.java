package org.anneal.lineage;

import static org.anneal.lineage.DynamicChecksTest.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import org.anneal.device.Device;
import org.anneal.exec.Executor;
import org.anneal.exec.FileAccess;
import org.anneal.exec.MemoryCache;
import org.anneal.exec.RunOptions;
import org.anneal.exec.RunResult;
import org.anneal.exec.Validation;
import org.anneal.exec.Validator;
import org.anneal.graph.LoadedWorkflow;
import org.anneal.graph.WorkflowCodec;
import org.anneal.spec.NodeRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** D3 (single-feature R² and AUC), D4 (near-copies and compounds), D5 (time ranges) and D6 (test beats CV): each fires and stays silent. */
class MoreDynamicChecksTest {
    @TempDir
    Path dir;

    List<Finding> run(String csv, String nodes, String links, DynamicChecks.Thresholds th) throws Exception {
        Files.writeString(dir.resolve("d.csv"), csv);
        Files.writeString(dir.resolve("w.json"), "{\"format\":\"anneal-workflow\",\"version\":1,\"meta\":{\"seed\":3},\"nodes\":[" + nodes
                + "],\"links\":[" + links + "]}");
        LoadedWorkflow lw = new WorkflowCodec().read(dir.resolve("w.json"));
        Validation v = new Validator(NodeRegistry.standard()).validate(lw, FileAccess.unrestricted(dir));
        assertEquals(List.of(), v.problems());
        try (Executor ex = new Executor(MemoryCache.standard(), 2)) {
            RunResult r = ex.run(v, new RunOptions(Set.of(), new Device("cpu", "cpu", "", ""), FileAccess.unrestricted(dir)), e -> { });
            assertTrue(r.succeeded(), r.problems().toString());
            return new DynamicChecks(th).analyze(v, r);
        }
    }

    /** Load and split only. */
    List<Finding> split(String csv, String loadParams, String splitType) throws Exception {
        return run(csv, "{\"id\":\"load\",\"type\":\"data.csv\",\"params\":{\"path\":\"d.csv\",\"target\":\"y\"" + loadParams + "}},"
                        + "{\"id\":\"split\",\"type\":\"" + splitType + "\",\"params\":{\"test\":0.3}}",
                "{\"from\":\"load:table\",\"to\":\"split:table\"}", DynamicChecks.Thresholds.DEFAULT);
    }

    static List<Finding> of(List<Finding> fs, String rule) {
        return fs.stream().filter(f -> f.rule().equals(rule)).toList();
    }

    static String num(double x) {
        return String.format(Locale.ROOT, "%.6f", x);
    }

    @Test
    void d3SingleFeatureRSquaredCatchesALinearProxyThatSpearmanMisses() throws Exception {
        SplittableRandom r = new SplittableRandom(1);
        StringBuilder sb = new StringBuilder("x1,proxy,y\n");
        for (int i = 0; i < 200; i++) {
            double y = r.nextDouble(0, 100);
            // proxy = y + uniform noise of sd 2.9 on a target of sd 29: R² ≈ 0.99, and ties of rank order keep |Spearman| near 0.99
            sb.append(num(r.nextDouble())).append(',').append(num(y + r.nextDouble(-5, 5))).append(',').append(num(y)).append('\n');
        }
        var fs = of(split(sb.toString(), "", "split.holdout"), "D3");
        assertEquals(1, fs.size(), fs.toString());
        assertTrue(fs.get(0).explanation().contains("'proxy'") && fs.get(0).explanation().contains("R² = 0.9"), fs.get(0).explanation());
        assertEquals(List.of(), of(run(sb.toString(), "{\"id\":\"load\",\"type\":\"data.csv\",\"params\":{\"path\":\"d.csv\",\"target\":\"y\"}},"
                + "{\"id\":\"split\",\"type\":\"split.holdout\",\"params\":{\"test\":0.3}}", "{\"from\":\"load:table\",\"to\":\"split:table\"}",
                DynamicChecks.Thresholds.DEFAULT.withSingleFeature(0.999, 0.999).withSpearmanOff()), "D3"), "thresholds are configurable");
    }

    @Test
    void d3SingleFeatureAucOnClasses() throws Exception {
        SplittableRandom r = new SplittableRandom(2);
        StringBuilder sb = new StringBuilder("overlapping,separating,y\n");
        for (int i = 0; i < 120; i++) {
            boolean pass = r.nextBoolean();
            sb.append(num(r.nextDouble() + (pass ? 0.5 : 0))).append(',').append(num(r.nextDouble() + (pass ? 2 : 0))).append(',')
                    .append(pass ? "pass" : "fail").append('\n');
        }
        var fs = of(split(sb.toString(), "", "split.holdout"), "D3");
        assertEquals(1, fs.size(), fs.toString());
        assertTrue(fs.get(0).explanation().contains("'separating'") && fs.get(0).explanation().contains("AUC = 1.0000"), fs.get(0).explanation());
    }

    @Test
    void aucByHand() {
        // scores 1..4, class 1 at scores 2 and 4: of the 4 (class 1, other) pairs, 3 are ordered right
        assertEquals(0.75, TargetProxies.auc(TargetProxies.ranks(new double[] {1, 2, 3, 4}), new int[] {0, 1, 0, 1}, 1), 1e-12);
    }

    /** 100 samples with four features, each measured twice: the second time off by a millionth. */
    static String measuredTwice(boolean twice) {
        SplittableRandom r = new SplittableRandom(5);
        StringBuilder sb = new StringBuilder("a,b,c,d,y\n");
        for (int s = 0; s < 100; s++) {
            double[] x = {r.nextDouble(), r.nextDouble(), r.nextDouble(), r.nextDouble()};
            double y = r.nextDouble();
            for (int rep = 0; rep < (twice ? 2 : 1); rep++) {
                for (double v : x) {
                    sb.append(num(v + rep * 1e-6)).append(',');
                }
                sb.append(num(y + rep * 0.01)).append('\n');
            }
        }
        return sb.toString();
    }

    @Test
    void d4NearCopiesAcrossTheSplitAndNoneAmongIndependentSamples() throws Exception {
        var fs = split(measuredTwice(true), "", "split.holdout");
        assertEquals(List.of(), of(fs, "D1"), "no row is an exact copy");
        Finding d4 = of(fs, "D4").get(0);
        assertTrue(d4.isError(), d4.explanation());
        assertTrue(d4.explanation().contains("within 0.0100 standard deviations on every one of 4 numeric features"), d4.explanation());
        assertEquals(List.of(), of(split(measuredTwice(false), "", "split.holdout"), "D4"));
    }

    @Test
    void d4LeavesExactCopiesToD1() throws Exception {
        var fs = split(table(100, i -> (i / 5) + "," + ((i / 5) % 3) + "," + (i / 5 * 0.7) + "," + (i / 5) % 4 + "," + (i / 5 * 1.5), "a,b,c,d,y"),
                "", "split.holdout");
        assertEquals(1, of(fs, "D1").size());
        assertEquals(List.of(), of(fs, "D4"));
    }

    @Test
    void d4TheSameCompoundWrittenTwoWays() throws Exception {
        StringBuilder twice = new StringBuilder("formula,x,y\n");
        StringBuilder once = new StringBuilder("formula,x,y\n");
        for (int i = 1; i <= 60; i++) {
            // Fe(i)O(i+1) are 60 different compounds; Fe(2i)O(2i+2) is each of them again
            twice.append("Fe").append(i).append("O").append(i + 1).append(',').append(i).append(',').append(i % 7).append('\n');
            twice.append("O").append(2 * i + 2).append("Fe").append(2 * i).append(',').append(i + 0.5).append(',').append(i % 7).append('\n');
            once.append("Fe").append(i).append("O").append(i + 1).append(',').append(i).append(',').append(i % 7).append('\n');
        }
        Finding d4 = of(split(twice.toString(), "", "split.holdout"), "D4").get(0);
        assertTrue(d4.title().contains("same compounds") && d4.explanation().contains("'formula'"), d4.explanation());
        assertEquals(List.of(), of(split(once.toString(), "", "split.holdout"), "D4"));
    }

    @Test
    void reducedFormulas() {
        assertEquals(Formulas.reduced("Fe2O3"), Formulas.reduced("Fe4O6"));
        assertEquals(Formulas.reduced("Fe2O3"), Formulas.reduced("O3Fe2"));
        assertEquals("Fe:0.4000,O:0.6000", Formulas.reduced("Fe2O3"));
        assertEquals("Ca:0.2000,H:0.4000,O:0.4000", Formulas.reduced("Ca(OH)2"));
        assertEquals(Formulas.reduced("Fe7Ni3"), Formulas.reduced("Fe0.7Ni0.3"));
        assertEquals(Formulas.reduced("CuSO9H10"), Formulas.reduced("CuSO4·5H2O"));
        assertEquals(null, Formulas.reduced("Steel"));
        assertEquals(null, Formulas.reduced("Fe2(O3"));
    }

    @Test
    void d5TimeRangesOverlapOnARandomSplitButNotOnATimeSplit() throws Exception {
        String csv = table(60, i -> i + "," + (i % 7) + "," + (2 * i + i % 5), "hour,x,y");
        Finding d5 = of(split(csv, ",\"time\":\"hour\"", "split.holdout"), "D5").get(0);
        assertTrue(d5.isError());
        assertTrue(d5.explanation().contains("earlier than the last training row ('hour' 59"), d5.explanation());
        assertEquals(List.of(), of(split(csv, ",\"time\":\"hour\"", "split.time"), "D5"));
    }

    /** 400 samples, each measured twice; a third of the target's variance is sample-specific noise, which a deep tree memorises. */
    static String pairs() {
        SplittableRandom r = new SplittableRandom(9);
        StringBuilder sb = new StringBuilder("sample,a,b,c,y\n");
        for (int s = 0; s < 400; s++) {
            double[] x = {r.nextDouble(), r.nextDouble(), r.nextDouble()};
            double y = x[0] + x[1] + r.nextDouble(-0.5, 0.5);
            for (int rep = 0; rep < 2; rep++) {
                sb.append('S').append(s).append(',').append(num(x[0] + rep * 1e-4)).append(',').append(num(x[1])).append(',').append(num(x[2]))
                        .append(',').append(num(y + rep * 1e-3)).append('\n');
            }
        }
        return sb.toString();
    }

    List<Finding> cvAndTest(String splitType, DynamicChecks.Thresholds th) throws Exception {
        String nodes = "{\"id\":\"load\",\"type\":\"data.csv\",\"params\":{\"path\":\"d.csv\",\"target\":\"y\",\"group\":\"sample\"}},"
                + "{\"id\":\"split\",\"type\":\"" + splitType + "\",\"params\":{\"test\":0.25}},"
                + "{\"id\":\"tree\",\"type\":\"model.random-forest\",\"params\":{\"trees\":40}},"
                + "{\"id\":\"cv\",\"type\":\"evaluate.cross-validate\",\"params\":{\"folds\":5,\"strategy\":\"group\"}},"
                + "{\"id\":\"fit\",\"type\":\"train.fit\"},{\"id\":\"score\",\"type\":\"evaluate.regression\"}";
        String links = LeakageAnalyzerTest.links("load:table", "split:table", "tree:learner", "cv:learner", "split:train", "cv:table",
                "tree:learner", "fit:learner", "split:train", "fit:train", "fit:model", "score:model", "split:test", "score:data");
        return run(pairs(), nodes, links, th);
    }

    @Test
    void d6TestScoreFarAboveTheCrossValidatedScore() throws Exception {
        // random split: every test sample has its twin in train, which the tree recalls; the group-wise CV cannot
        Finding d6 = of(cvAndTest("split.holdout", DynamicChecks.Thresholds.DEFAULT), "D6").get(0);
        assertEquals(List.of("score", "cv"), d6.nodes());
        assertTrue(d6.explanation().contains("the same learner 'tree'"), d6.explanation());
        assertEquals(List.of(), of(cvAndTest("split.group", DynamicChecks.Thresholds.DEFAULT), "D6"), "a group split scores like the CV");
        assertEquals(List.of(), of(cvAndTest("split.holdout", DynamicChecks.Thresholds.DEFAULT.withCvBar(2, 10)), "D6"),
                "no test score beats the folds by 10 R² units");
    }

    @Test
    void thresholdsCanBeChangedByName() {
        var th = DynamicChecks.Thresholds.DEFAULT.with(java.util.Map.of("nearDistance", "0.05", "nearMinFeatures", "2", "formulaColumns", "chem;formula"));
        assertEquals(0.05, th.nearDistance());
        assertEquals(2, th.nearMinFeatures());
        assertEquals(List.of("chem", "formula"), th.formulaColumns());
        assertEquals(DynamicChecks.Thresholds.DEFAULT.spearman(), th.spearman());
        var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> DynamicChecks.Thresholds.DEFAULT.with(java.util.Map.of("nearDistence", "1")));
        assertTrue(e.getMessage().contains("nearDistance"), e.getMessage());
    }
}
