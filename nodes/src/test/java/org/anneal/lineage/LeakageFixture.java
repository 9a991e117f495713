package org.anneal.lineage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.IntFunction;
import org.anneal.exec.FileAccess;
import org.anneal.exec.Validation;
import org.anneal.exec.Validator;
import org.anneal.graph.WorkflowCodec;
import org.anneal.spec.NodeRegistry;

/**
 * What the leakage tests share: a small CSV {@code d.csv} in the test's folder, and a workflow written from node and
 * link JSON snippets, validated (it must be valid: the tests are about leakage, not about wiring) and analysed.
 */
final class LeakageFixture {
    private LeakageFixture() {
    }

    /** Writes {@code d.csv}: the header, then {@code rows} lines made by {@code row}. */
    static void csv(Path dir, String header, int rows, IntFunction<String> row) throws Exception {
        StringBuilder sb = new StringBuilder(header).append('\n');
        for (int i = 0; i < rows; i++) {
            sb.append(row.apply(i)).append('\n');
        }
        Files.writeString(dir.resolve("d.csv"), sb.toString());
    }

    /** Forty rows of ten specimens (four each) measured hourly, with a post-outcome column and a noisy linear target. */
    static void specimens(Path dir) throws Exception {
        csv(dir, "specimen,hour,x1,x2,post,y", 40, i -> "S" + i / 4 + "," + i + "," + i + "," + i % 7 + "," + 3 * i + "," + (2 * i + i % 7));
    }

    static Validation validate(Path dir, String nodes, String links) throws Exception {
        Path f = dir.resolve("w.json");
        Files.writeString(f, "{\"format\":\"anneal-workflow\",\"version\":1,\"nodes\":[" + nodes + "],\"links\":[" + links + "]}");
        Validation v = new Validator(NodeRegistry.standard()).validate(new WorkflowCodec().read(f), FileAccess.unrestricted(dir));
        assertEquals(List.of(), v.problems(), "the pipeline itself is valid");
        return v;
    }

    static List<Finding> findings(Path dir, String nodes, String links) throws Exception {
        return new LeakageAnalyzer().analyze(validate(dir, nodes, links));
    }
}
