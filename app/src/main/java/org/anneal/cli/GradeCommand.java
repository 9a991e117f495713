package org.anneal.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.anneal.handin.GradeReport;
import org.anneal.handin.GradeRow;
import org.anneal.handin.Grader;
import org.anneal.handin.Rubric;
import org.anneal.spec.NodeRegistry;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "grade", description = "Re-runs every hand-in in a folder headless and writes grades.csv and grades.html: "
        + "integrity, dataset fingerprints, reproduction, leakage findings and the rubric's points, one row per file.")
final class GradeCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FOLDER")
    Path folder;

    @Option(names = "--rubric", required = true, paramLabel = "RUBRIC.json")
    Path rubricFile;

    @Option(names = {"-o", "--out"}, description = "Folder for grades.csv and grades.html (default: FOLDER)")
    Path out;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        var err = spec.commandLine().getErr();
        if (!Files.isDirectory(folder)) {
            err.println("There is no folder '" + folder + "'.");
            return ExitCode.PROBLEMS;
        }
        Rubric rubric;
        try {
            rubric = Rubric.read(rubricFile);
        } catch (java.io.IOException e) {
            err.println("Cannot read the rubric: " + e.getMessage());
            return ExitCode.PROBLEMS;
        }
        List<GradeRow> rows = new Grader(NodeRegistry.standard()).gradeFolder(folder, rubric);
        Path dir = out != null ? out : folder;
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("grades.csv"), GradeReport.csv(rows), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("grades.html"), GradeReport.html(rows, "Grades for " + folder.getFileName()), StandardCharsets.UTF_8);
        var o = spec.commandLine().getOut();
        for (GradeRow r : rows) {
            o.printf(java.util.Locale.ROOT, "  %-28s %-20s %-16s %5.1f / %.1f%n", r.file(), r.author(), r.status(), r.points(), r.maxPoints());
        }
        o.println("Graded " + rows.size() + " file(s); wrote " + dir.resolve("grades.csv") + " and grades.html");
        return ExitCode.OK;
    }
}
