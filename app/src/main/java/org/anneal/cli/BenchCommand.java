package org.anneal.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.anneal.bench.Bench;
import org.anneal.provenance.RunReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "bench", description = "Measures the executor against the same pipeline without it and against Tribuo's own "
        + "data path, and the cached re-run; writes the numbers to a JSON file.")
final class BenchCommand extends CliCommand {
    @Option(names = "--rows", defaultValue = "1000000")
    int rows;

    @Option(names = "--features", defaultValue = "20")
    int features;

    @Option(names = "--repetitions", defaultValue = "3")
    int repetitions;

    @Option(names = "--dir", defaultValue = "bench/out", description = "Where the generated data and the results go")
    Path dir;

    @Override
    public Integer call() throws Exception {
        var report = new Bench(dir, rows, features, repetitions, out()).run();
        Path file = dir.resolve("foundation-bench.json");
        Files.writeString(file, RunReport.text(report), StandardCharsets.UTF_8);
        out().print(RunReport.text(report));
        out().println("Written to " + file);
        return ExitCode.OK;
    }
}
