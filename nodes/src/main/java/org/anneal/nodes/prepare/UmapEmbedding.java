package org.anneal.nodes.prepare;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.anneal.spec.ExecContext;
import org.anneal.spec.NodeFailure;
import tagbio.umap.ProgressListener;
import tagbio.umap.Umap;
import tagbio.umap.UmapProgress;
import tagbio.umap.metric.CosineMetric;
import tagbio.umap.metric.EuclideanMetric;
import tagbio.umap.metric.PrecomputedMetric;

/**
 * UMAP (McInnes, Healy and Melville 2018) through Tag.bio's Java port of umap-learn ({@code tech.molecules:external-umap-java},
 * BSD-3): a fuzzy simplicial set from the k nearest neighbours (exact below 4096 rows, NN-descent on random-projection trees
 * above), a uniform random start in [−10, 10] (the port has no spectral start), and SGD with negative sampling.
 *
 * <p>What this wrapper adds, and why:
 * <ul>
 * <li>Reproducibility: one thread and one {@link Random} seeded from the workflow draw every random number (tree splits,
 *     NN-descent, the start, the negative samples), so the same seed gives bit-identical coordinates. The port's
 *     multithreaded neighbour search is not deterministic, so it is never used.</li>
 * <li>One run at a time per JVM: the port keeps its progress counter in a static field, and two runs at once corrupt it
 *     (and then print a line to standard output per epoch). Runs on parallel branches queue here instead.</li>
 * <li>Cancellation and progress through the port's progress listener, which it calls on the running thread.</li>
 * <li>Below 4096 rows the distance matrix comes from {@link UmapDistances}, the port's own matrix at a third to a half
 *     of the cost, handed over as a precomputed metric (the port's own route there).</li>
 * <li>{@code min_dist} on the port's grid: it reads the curve parameters a and b from a table in steps of 0.05 and
 *     does not interpolate between them (below 0.05 it returns a = b = 0, which switches attraction off), so only
 *     multiples of 0.05 are offered; there a and b equal umap-learn's own fit.</li>
 * </ul>
 */
final class UmapEmbedding {
    /** The port's a/b table starts at 0.05 (its 0 row is empty) and ends at the spread, 1. */
    static final double MIN_DIST_STEP = 0.05;
    private static final ReentrantLock ONE_AT_A_TIME = new ReentrantLock();

    private UmapEmbedding() {
    }

    record Settings(int neighbors, double minDist, int components, UmapNode.Distance metric, int epochs) {
    }

    /** Whether {@code minDist} lies on the port's grid 0.05, 0.10, …, 1.00. */
    static boolean onGrid(double minDist) {
        long k = Math.round(minDist / MIN_DIST_STEP);
        return k >= 1 && k <= 20 && Math.abs(minDist - k * MIN_DIST_STEP) < 1e-9;
    }

    /** {@code y[i]} = the map coordinates of row i. {@code x} has one row per sample; every value finite. */
    static double[][] embed(float[][] x, Settings s, ExecContext ctx) {
        Umap umap = new Umap();
        umap.setThreads(1);
        umap.setRandom(new Random(ctx.seed()));
        umap.setNumberNearestNeighbours(s.neighbors());
        umap.setNumberComponents(s.components());
        umap.setNumberEpochs(s.epochs());
        // k / 20 in float: 20 × it truncates back to k, so the port reads exactly row k of its table
        umap.setMinDist(Math.round(s.minDist() / MIN_DIST_STEP) / 20f);
        boolean exact = x.length < UmapDistances.EXACT_BELOW;
        umap.setMetric(exact ? PrecomputedMetric.SINGLETON : s.metric() == UmapNode.Distance.COSINE ? CosineMetric.SINGLETON : EuclideanMetric.SINGLETON);
        Thread running = Thread.currentThread();
        ProgressListener listener = state -> {
            if (Thread.currentThread() == running) {
                ctx.checkCancelled();
                ctx.progress(state.getTotal() == 0 ? 0 : Math.min(1, state.getCount() / (double) state.getTotal()));
            }
        };
        waitForTurn(ctx);
        try {
            UmapProgress.addProgressListener(listener);
            float[][] y = umap.fitTransform(exact ? UmapDistances.pairwise(x, s.metric(), ctx::checkCancelled) : x);
            double[][] out = new double[y.length][];
            for (int i = 0; i < y.length; i++) {
                out[i] = new double[y[i].length];
                for (int k = 0; k < y[i].length; k++) {
                    out[i][k] = y[i][k];
                }
            }
            return out;
        } catch (ExecContext.Cancelled c) {
            throw c;
        } catch (RuntimeException | StackOverflowError e) {
            throw new NodeFailure("The UMAP library failed on these rows (" + e + "); this happens when many rows are identical.",
                    "Remove duplicate rows (prepare.dedupe) or rows without signal, or try the euclidean metric.");
        } finally {
            UmapProgress.removeProgressListener(listener);
            ONE_AT_A_TIME.unlock();
        }
    }

    private static void waitForTurn(ExecContext ctx) {
        try {
            while (!ONE_AT_A_TIME.tryLock(100, TimeUnit.MILLISECONDS)) {
                ctx.checkCancelled();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ctx.checkCancelled();
            throw new NodeFailure("Interrupted while waiting for another UMAP run to finish.", "Run the workflow again.");
        }
    }
}
