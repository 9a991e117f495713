package org.anneal.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.anneal.handin.GradeReport;
import org.anneal.handin.GradeRow;
import org.anneal.handin.Grader;
import org.anneal.handin.ProcessGrading;
import org.anneal.handin.ReportText;
import org.anneal.handin.Rubric;
import org.anneal.handin.SafeOutput;
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

    @Option(names = {"-o", "--out"}, description = "Folder for grades.csv and grades.html (default: FOLDER-grades beside FOLDER, "
            + "never the hand-in folder itself, where a student could plant a link)")
    Path out;

    @Option(names = "--jobs", paramLabel = "N", description = "Hand-ins graded at once, each in a process of its own (default: the number of cores)")
    Integer jobs;

    @Option(names = "--memory", paramLabel = "MB", defaultValue = "1536", description = "Heap of each hand-in's process in MB (default: ${DEFAULT-VALUE})")
    int memoryMb;

    @Option(names = "--in-process", description = "Grade in this process, one hand-in after another (own executor and deadline each, "
            + "but no memory limit and no kill); for debugging")
    boolean inProcess;

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
        Path abs = folder.toAbsolutePath().normalize();
        Path dir;
        try { // checked before grading, so a planted link costs no batch
            dir = SafeOutput.folder(out != null ? out : (abs.getFileName() == null ? abs.resolve("grades") : abs.resolveSibling(abs.getFileName() + "-grades")));
            SafeOutput.checkWritable(dir, "grades.csv");
            SafeOutput.checkWritable(dir, "grades.html");
        } catch (java.io.IOException e) {
            err.println("Cannot write the report: " + e.getMessage());
            return ExitCode.PROBLEMS;
        }
        List<GradeRow> rows;
        var o = spec.commandLine().getOut();
        if (inProcess) {
            rows = new Grader(NodeRegistry.standard()).gradeFolder(folder, rubric);
        } else {
            if (jobs != null && jobs < 1 || memoryMb < 64) {
                err.println("--jobs needs at least 1 and --memory at least 64 (MB).");
                return ExitCode.USAGE;
            }
            var limits = new ProcessGrading.Limits(jobs != null ? jobs : ProcessGrading.Limits.standard().jobs(), memoryMb,
                    ProcessGrading.Limits.standard().graceSeconds());
            var progress = new GradeProgress(o);
            // one result file per hand-in under work/: a stopped batch resumes where it was
            rows = new ProcessGrading(limits, dir.resolve("work")).gradeFolder(folder, rubricFile, rubric, progress::graded);
        }
        try {
            SafeOutput.write(dir, "grades.csv", GradeReport.csv(rows));
            SafeOutput.write(dir, "grades.html", GradeReport.html(rows, "Grades for " + folder.getFileName()));
        } catch (java.io.IOException e) {
            err.println("Cannot write the report: " + e.getMessage());
            return ExitCode.PROBLEMS;
        }
        for (GradeRow r : rows) {
            o.printf(java.util.Locale.ROOT, "  %-28s %-20s %-16s %5s / %s%n", ReportText.clean(r.file()), r.author(), r.status(),
                    GradeReport.points(r.points()), GradeReport.points(r.maxPoints()));
        }
        o.println("Graded " + rows.size() + " file(s); wrote " + dir.resolve("grades.csv") + " and grades.html");
        return ExitCode.OK;
    }
}
