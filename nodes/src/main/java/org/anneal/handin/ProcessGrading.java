package org.anneal.handin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.anneal.graph.Json;
import org.anneal.util.FileDigests;

/**
 * Grades a folder with one child JVM per hand-in (issue 14): a heap limit ({@code -Xmx}) and a wall-clock kill that cover
 * everything from reading the file to writing its row, so no hand-in can slow, starve or crash the grader or another
 * hand-in — a library loop that ignores cancellation dies with its process. Up to {@code jobs} children run at once.
 * <p>Each hand-in is one job with one result file ({@code WORK/<name>-<key>.json}, the key a hash of the hand-in's and
 * the rubric's bytes): a batch that crashed or was stopped resumes where it was, re-grading only what has no result, and
 * the same job could be handed to a cluster scheduler ({@link GradeWorker} is its command line).
 */
public final class ProcessGrading {
    /**
     * @param jobs          children at once
     * @param memoryMb      heap of each child
     * @param graceSeconds  beyond the rubric's time limit, for the JVM's start and the row's writing, before the kill
     */
    public record Limits(int jobs, int memoryMb, int graceSeconds) {
        public static Limits standard() {
            return new Limits(Math.max(1, Runtime.getRuntime().availableProcessors()), 1536, 20);
        }
    }

    /** Told after each hand-in: how many are done, of how many, the row, and whether it came from an earlier batch. */
    public interface Progress {
        void graded(int done, int total, GradeRow row, boolean resumed);
    }

    private final Limits limits;
    private final Path work;

    public ProcessGrading(Limits limits, Path work) {
        this.limits = limits;
        this.work = work;
    }

    public List<GradeRow> gradeFolder(Path folder, Path rubricFile, Rubric rubric, Progress progress) throws IOException {
        List<Path> files = Grader.handins(folder);
        SafeOutput.folder(work);
        String rubricKey = FileDigests.sha256(rubricFile);
        ExecutorService pool = Executors.newFixedThreadPool(limits.jobs(), r -> {
            Thread t = new Thread(r, "anneal-grade-job");
            t.setDaemon(true);
            return t;
        });
        int[] done = {0};
        Path archive = work.resolve("classes-" + FileDigests.sha256(System.getProperty("java.home") + System.getProperty("java.version")
                + System.getProperty("java.class.path")).substring(0, 16) + ".jsa");
        try {
            List<Future<GradeRow>> futures = new ArrayList<>();
            // class-data sharing: the first child records the classes it loads, the others map them in (JVM start
            // 0.8 s of CPU instead of 1.4, 76 MB instead of 112 measured here); a stale or missing archive is ignored by the
            // JVM. Never from a folder inside the hand-in folder, where a student could have planted an archive.
            boolean sharing = !work.toAbsolutePath().normalize().startsWith(folder.toAbsolutePath().normalize()) && !Files.isSymbolicLink(archive);
            boolean warm = Files.isRegularFile(archive, java.nio.file.LinkOption.NOFOLLOW_LINKS);
            for (Path f : files) {
                boolean record = sharing && !warm && !isGraded(f, rubricKey);
                List<String> cds = !sharing ? List.of() : record ? List.of("-XX:ArchiveClassesAtExit=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off")
                        : List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
                Future<GradeRow> job = pool.submit(() -> {
                    boolean[] resumed = {false};
                    GradeRow row = gradeSafely(f, rubricFile, rubricKey, rubric, resumed, cds);
                    synchronized (done) {
                        progress.graded(++done[0], files.size(), row, resumed[0]);
                    }
                    return row;
                });
                futures.add(job);
                if (record) {
                    warm = true;
                    waitQuietly(job); // the others start once the archive is written
                }
            }
            List<GradeRow> rows = new ArrayList<>();
            for (int i = 0; i < files.size(); i++) {
                try {
                    rows.add(futures.get(i).get());
                } catch (java.util.concurrent.ExecutionException e) {
                    rows.add(IsolatedGrading.row(files.get(i).getFileName().toString(), "failed", rubric, "Grading failed: " + e.getCause()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("grading was interrupted", e);
                }
            }
            return rows;
        } finally {
            pool.shutdownNow();
        }
    }

    private static void waitQuietly(Future<GradeRow> job) {
        try {
            job.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException e) {
            // reported with the rows
        }
    }

    private boolean isGraded(Path file, String rubricKey) {
        try {
            return !Files.isSymbolicLink(file) && readRow(resultFile(file, rubricKey)) != null;
        } catch (IOException e) {
            return false;
        }
    }

    private Path resultFile(Path file, String rubricKey) throws IOException {
        String name = file.getFileName().toString();
        String key = FileDigests.sha256(FileDigests.sha256(file) + "\n" + rubricKey).substring(0, 16);
        return work.resolve(name.substring(0, name.length() - ".json".length()) + "-" + key + ".json");
    }

    private GradeRow gradeSafely(Path file, Path rubricFile, String rubricKey, Rubric rubric, boolean[] resumed, List<String> jvmFlags) {
        String name = file.getFileName().toString();
        try {
            if (Files.isSymbolicLink(file)) {
                return IsolatedGrading.row(name, "refused", rubric, "The hand-in is a symbolic link; hand in the file itself.");
            }
            Path result = resultFile(file, rubricKey);
            GradeRow earlier = readRow(result);
            if (earlier != null) {
                resumed[0] = true;
                return earlier;
            }
            String stem = result.getFileName().toString();
            return runChild(file, rubricFile, rubric, result, work.resolve(stem.substring(0, stem.length() - ".json".length()) + ".log"), jvmFlags);
        } catch (IOException | RuntimeException e) {
            return IsolatedGrading.row(name, "failed", rubric, "Could not grade this file in a process of its own: " + e.getMessage());
        }
    }

    private GradeRow runChild(Path file, Path rubricFile, Rubric rubric, Path result, Path log, List<String> jvmFlags) throws IOException {
        String name = file.getFileName().toString();
        List<String> cmd = new ArrayList<>(List.of(javaBinary(), "-Xmx" + limits.memoryMb() + "m", "-XX:+UseSerialGC", "-Xss4m",
                "-Djava.awt.headless=true"));
        cmd.addAll(jvmFlags);
        // the instructor's input caps (-Danneal.csv.maxMegabytes, ...) hold in the children too
        System.getProperties().stringPropertyNames().stream().filter(k -> k.startsWith("anneal.csv.")).sorted()
                .forEach(k -> cmd.add("-D" + k + "=" + System.getProperty(k)));
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), GradeWorker.class.getName(),
                file.toAbsolutePath().toString(), rubricFile.toAbsolutePath().toString(), result.toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        Process p = pb.start();
        boolean finished;
        try {
            finished = p.waitFor(rubric.timeLimitSeconds() + (long) limits.graceSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            kill(p);
            Thread.currentThread().interrupt();
            return IsolatedGrading.row(name, "failed", rubric, "Grading was interrupted.");
        }
        if (!finished) {
            kill(p);
            return IsolatedGrading.row(name, "timeout", rubric, "Grading took longer than the rubric's " + rubric.timeLimitSeconds()
                    + " s (reading, checking, running and the run-time checks together); its process was stopped.");
        }
        GradeRow row = readRow(result);
        if (row != null) {
            return row;
        }
        String tail = tail(log);
        if (p.exitValue() == 4 || tail.contains("OutOfMemoryError")) {
            return IsolatedGrading.row(name, "out-of-memory", rubric, "Grading this hand-in needed more than " + limits.memoryMb()
                    + " MB of memory; its process was stopped (the other hand-ins are unaffected).");
        }
        return IsolatedGrading.row(name, "failed", rubric, "The grading process ended with exit code " + p.exitValue() + " and no result; see " + log + ".");
    }

    private static void kill(Process p) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        try {
            p.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A row written by a child, or null when there is none (or a half-written one, which is graded again). */
    private static GradeRow readRow(Path result) {
        if (!Files.isRegularFile(result, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        try {
            return Json.MAPPER.readValue(result.toFile(), GradeRow.class);
        } catch (IOException e) {
            return null;
        }
    }

    private static String tail(Path log) {
        try {
            String s = Files.readString(log, java.nio.charset.StandardCharsets.ISO_8859_1);
            return s.substring(Math.max(0, s.length() - 4000));
        } catch (IOException e) {
            return "";
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString(); // the JVM the grader runs on
    }
}
