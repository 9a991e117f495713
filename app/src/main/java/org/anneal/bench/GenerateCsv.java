package org.anneal.bench;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the benchmark's synthetic CSV (see {@link SyntheticTable}) unless it exists, and with a fourth argument the
 * benchmark's workflow on it ({@link BenchWorkflow}): {@code GenerateCsv FILE ROWS FEATURES [WORKFLOW]}.
 */
public final class GenerateCsv {
    private GenerateCsv() {
    }

    public static void main(String[] args) throws Exception {
        Path csv = Path.of(args[0]);
        if (!Files.exists(csv)) {
            Files.createDirectories(csv.toAbsolutePath().getParent());
            SyntheticTable.write(csv, Integer.parseInt(args[1]), Integer.parseInt(args[2]), 1);
        }
        if (args.length > 3) {
            Files.writeString(Path.of(args[3]), BenchWorkflow.text(csv.getFileName().toString()));
        }
    }
}
