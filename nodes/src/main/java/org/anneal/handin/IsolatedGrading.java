package org.anneal.handin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.anneal.exec.Executor;
import org.anneal.exec.FileAccess;
import org.anneal.exec.MemoryCache;
import org.anneal.graph.WorkflowCodec;

/**
 * Grades one hand-in so that nothing it does reaches the hand-ins after it (issue 14):
 * <ul>
 * <li>its own executor and thread pool, shut down and interrupted afterwards, so a library that never checks for
 * cancellation (LIBSVM, XGBoost's native loop) keeps no thread of the next hand-in's pool busy;</li>
 * <li>a private folder holding only a copy of the hand-in file, so a CSV another student dropped into the shared hand-in
 * folder is never read: datasets are found by name in the rubric's dataset folders only, and their SHA-256 is compared
 * with the one recorded at hand-in;</li>
 * <li>one wall-clock deadline over every phase (reading, validation, static analysis, dataset hashing, the run, the
 * run-time checks): the grading thread is interrupted and abandoned when it passes, and the row says {@code timeout};</li>
 * <li>an {@code OutOfMemoryError} or any other throwable anywhere becomes a row with a clear status, never a stack trace
 * and never the end of the batch.</li>
 * </ul>
 * This is in-process isolation: an abandoned thread that ignores interruption may still use a core until it ends, and
 * memory is shared with the grader (a hand-in that exhausts the heap gets {@code out-of-memory}; the grader recovers as the
 * thread's garbage is freed). A child JVM per hand-in would add a hard heap limit and a kill at the cost of a JVM start.
 */
final class IsolatedGrading {
    private static final Logger LOG = Logger.getLogger(IsolatedGrading.class.getName());

    /** What grading one hand-in needs, given its private copy, the file access limited to it and the course datasets, and its executor. */
    interface Job {
        GradeRow grade(Path privateCopy, FileAccess files, Executor executor) throws Exception;
    }

    private IsolatedGrading() {
    }

    static GradeRow grade(Path file, Rubric rubric, Job job) {
        String name = file.getFileName().toString();
        try {
            if (Files.isSymbolicLink(file)) {
                return row(name, "refused", rubric, "The hand-in is a symbolic link; hand in the file itself.");
            }
            long size = Files.size(file);
            if (size > WorkflowCodec.MAX_FILE_BYTES) {
                return row(name, "too-large", rubric, "The file is " + size / 1024 + " KiB; hand-ins are limited to "
                        + (WorkflowCodec.MAX_FILE_BYTES >> 10) + " KiB.");
            }
        } catch (IOException e) {
            return row(name, "corrupt", rubric, "Cannot read the file: " + e.getMessage());
        }
        Path privateDir = null;
        Executor executor = new Executor(MemoryCache.standard(), Runtime.getRuntime().availableProcessors());
        CompletableFuture<GradeRow> result = new CompletableFuture<>();
        Thread worker = null;
        try {
            privateDir = Files.createTempDirectory("anneal-handin-");
            Path copy = privateDir.resolve(name);
            Files.copy(file, copy, StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
            FileAccess files = FileAccess.sandboxed(privateDir, rubric.datasets());
            Path c = copy;
            worker = new Thread(() -> {
                try {
                    result.complete(job.grade(c, files, executor));
                } catch (Throwable t) { // every failure, OutOfMemoryError included, ends as a row
                    result.completeExceptionally(t);
                }
            }, "anneal-grade-" + name);
            worker.setDaemon(true);
            worker.start();
            return withOriginalPaths(result.get(rubric.timeLimitSeconds(), TimeUnit.SECONDS), privateDir, file);
        } catch (TimeoutException e) {
            return row(name, "timeout", rubric, "Grading took longer than the rubric's " + rubric.timeLimitSeconds()
                    + " s (reading, checking, running and the run-time checks together) and was stopped.");
        } catch (ExecutionException e) {
            return failure(name, rubric, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return row(name, "failed", rubric, "Grading was interrupted.");
        } catch (IOException e) {
            return row(name, "failed", rubric, "Cannot prepare a private folder for this hand-in: " + e.getMessage());
        } finally {
            if (worker != null && worker.isAlive()) {
                worker.interrupt();
            }
            executor.close(); // interrupts this hand-in's node threads; the next hand-in has a pool of its own
            deleteQuietly(privateDir);
        }
    }

    private static GradeRow failure(String name, Rubric rubric, Throwable t) {
        if (t instanceof OutOfMemoryError) {
            return row(name, "out-of-memory", rubric, "Grading this hand-in ran out of memory (outside its nodes); the other hand-ins were graded.");
        }
        if (t instanceof StackOverflowError) {
            return row(name, "failed", rubric, "The workflow is nested too deeply to grade (stack overflow).");
        }
        LOG.log(Level.WARNING, "grading " + name + " failed", t);
        return row(name, "failed", rubric, "Anneal could not grade this file (" + t.getClass().getSimpleName() + "); see the log.");
    }

    /** Notes name the hand-in where the instructor finds it, not its private copy. */
    private static GradeRow withOriginalPaths(GradeRow r, Path privateDir, Path file) {
        String from = privateDir.toString();
        String to = file.toAbsolutePath().getParent().toString();
        List<String> notes = r.notes().stream().map(n -> n.replace(from, to)).toList();
        return new GradeRow(r.file(), r.author(), r.status(), r.reproduced(), r.findings(), r.metrics(), r.points(), r.maxPoints(), notes,
                r.criteria());
    }

    static GradeRow row(String file, String status, Rubric rubric, String note) {
        return new GradeRow(file, "?", status, false, List.of(), Map.of(), 0, rubric.maxPoints(), List.of(note));
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (var s = Files.walk(dir)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "could not delete " + dir, e);
        }
    }
}
