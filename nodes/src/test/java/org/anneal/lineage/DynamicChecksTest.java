package org.anneal.lineage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
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

class DynamicChecksTest {
    @TempDir
    Path dir;

    List<Finding> run(String csv, String loadParams, String splitType) throws Exception {
        Files.writeString(dir.resolve("d.csv"), csv);
        Files.writeString(dir.resolve("w.json"), "{\"format\":\"anneal-workflow\",\"version\":1,\"nodes\":["
                + "{\"id\":\"load\",\"type\":\"data.csv\",\"params\":{\"path\":\"d.csv\",\"target\":\"y\"" + loadParams + "}},"
                + "{\"id\":\"split\",\"type\":\"" + splitType + "\",\"params\":{\"test\":0.3}}],"
                + "\"links\":[{\"from\":\"load:table\",\"to\":\"split:table\"}]}");
        LoadedWorkflow lw = new WorkflowCodec().read(dir.resolve("w.json"));
        Validation v = new Validator(NodeRegistry.standard()).validate(lw, FileAccess.unrestricted(dir));
        try (Executor ex = new Executor(MemoryCache.standard(), 2)) {
            RunResult r = ex.run(v, new RunOptions(Set.of(), new Device("cpu", "cpu", "", ""), FileAccess.unrestricted(dir)), e -> { });
            assertTrue(r.succeeded(), r.problems().toString());
            return new DynamicChecks(DynamicChecks.Thresholds.DEFAULT).analyze(v, r);
        }
    }

    static String table(int rows, java.util.function.IntFunction<String> row, String header) {
        StringBuilder sb = new StringBuilder(header).append('\n');
        for (int i = 0; i < rows; i++) {
            sb.append(row.apply(i)).append('\n');
        }
        return sb.toString();
    }

    @Test
    void replicatedRowsAcrossTheSplitAreCounted() throws Exception {
        // every sample measured 5 times with identical values: most test rows have a twin in train
        var fs = run(table(100, i -> (i / 5) + "," + ((i / 5) % 3) + "," + (i / 5 * 1.5 + (i / 5) % 4), "x1,x2,y"), "", "split.holdout");
        Finding d1 = fs.stream().filter(f -> f.rule().equals("D1")).findFirst().orElseThrow();
        assertTrue(d1.isError(), d1.explanation());
        assertTrue(d1.explanation().contains("of 30 test rows"), d1.explanation());
    }

    @Test
    void distinctRowsHaveNoDuplicateFinding() throws Exception {
        var fs = run(table(100, i -> i + "," + (i % 3) + "," + (i * 1.5 + i % 4), "x1,x2,y"), "", "split.holdout");
        assertTrue(fs.stream().noneMatch(f -> f.rule().equals("D1")), fs.toString());
    }

    @Test
    void groupsOnBothSidesAreNamedAndTheGroupSplitHasNone() throws Exception {
        String csv = table(60, i -> "S" + (i / 6) + "," + i + "," + (i % 5) + "," + (2 * i + i % 5), "specimen,x1,x2,y");
        var bad = run(csv, ",\"group\":\"specimen\"", "split.holdout");
        assertTrue(bad.stream().anyMatch(f -> f.rule().equals("D2")), bad.toString());
        var good = run(csv, ",\"group\":\"specimen\"", "split.group");
        assertTrue(good.stream().noneMatch(f -> f.rule().equals("D2")), good.toString());
    }

    @Test
    void aFeatureThatIsTheTargetInDisguiseIsFlagged() throws Exception {
        var fs = run(table(80, i -> i % 9 + "," + (3.0 * ((i * 37) % 80) + 1) + "," + ((i * 37) % 80), "x1,y_times_3,y"), "", "split.holdout");
        Finding d3 = fs.stream().filter(f -> f.rule().equals("D3")).findFirst().orElseThrow();
        assertTrue(d3.explanation().contains("'y_times_3'"), d3.explanation());
        assertEquals(1, fs.stream().filter(f -> f.rule().equals("D3")).count(), "x1 is not flagged");
    }

    @Test
    void spearmanHandlesTies() {
        double[] r = DynamicChecks.ranks(new double[] {10, 20, 20, 5});
        assertEquals(List.of(2.0, 3.5, 3.5, 1.0), java.util.Arrays.stream(r).boxed().toList());
    }
}
