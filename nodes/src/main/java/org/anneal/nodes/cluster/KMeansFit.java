package org.anneal.nodes.cluster;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.anneal.spec.NodeFailure;
import org.tribuo.Feature;
import org.tribuo.MutableDataset;
import org.tribuo.clustering.ClusterID;
import org.tribuo.clustering.ClusteringFactory;
import org.tribuo.clustering.kmeans.KMeansModel;
import org.tribuo.clustering.kmeans.KMeansTrainer;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.distance.L2Distance;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Lloyd's k-means by Tribuo ({@link KMeansTrainer}, k-means++ or random initial centres), run {@code restarts} times
 * from different seeds, keeping the run with the lowest inertia (k-means only finds a local optimum, and one unlucky
 * start can merge two clusters). Tribuo numbers clusters arbitrarily; here they are renumbered by decreasing size
 * (ties by centre), so the same data always give the same names.
 */
final class KMeansFit {
    private static final ClusteringFactory FACTORY = new ClusteringFactory();

    private KMeansFit() {
    }

    /**
     * @param x row-major data, every value present
     * @return the centres in the columns' order, renumbered
     */
    static NearestCentre fit(double[][] x, List<String> columns, int k, boolean plusPlus, int iterations, int restarts, long seed,
                             Runnable checkCancelled) {
        if (x.length < k) {
            throw new NodeFailure("k-means with k = " + k + " needs at least " + k + " rows; it got " + x.length + ".",
                    "Lower 'k' or connect more rows to 'fit'.");
        }
        // Tribuo orders features by name; neutral names keep its order equal to ours
        String[] names = IntStream.range(0, columns.size()).mapToObj(j -> String.format("f%06d", j)).toArray(String[]::new);
        MutableDataset<ClusterID> ds = new MutableDataset<>(new SimpleDataSourceProvenance("Anneal table", FACTORY), FACTORY);
        for (double[] row : x) {
            ds.add(new ArrayExample<>(FACTORY.getUnknownOutput(), names, row));
        }
        SplittableRandom seeds = new SplittableRandom(seed);
        NearestCentre best = null;
        for (int r = 0; r < restarts; r++) {
            checkCancelled.run();
            KMeansTrainer trainer = new KMeansTrainer(k, iterations, new L2Distance(),
                    plusPlus ? KMeansTrainer.Initialisation.PLUSPLUS : KMeansTrainer.Initialisation.RANDOM, 1, seeds.nextLong());
            KMeansModel model = trainer.train(ds);
            NearestCentre run = new NearestCentre(columns, centres(model, names, k, x));
            if (best == null || run.inertia(x) < best.inertia(x) - 1e-9) {
                best = run;
            }
        }
        return renumber(best, x);
    }

    /** Centres as Tribuo reports them; a feature it left out of a centre (a zero) is put back. */
    private static double[][] centres(KMeansModel model, String[] names, int k, double[][] x) {
        Map<String, Integer> index = new HashMap<>();
        for (int j = 0; j < names.length; j++) {
            index.put(names[j], j);
        }
        List<List<Feature>> cs = model.getCentroids();
        double[][] out = new double[cs.size()][names.length];
        for (int c = 0; c < cs.size(); c++) {
            for (Feature f : cs.get(c)) {
                out[c][index.get(f.getName())] = f.getValue();
            }
            for (double v : out[c]) {
                if (!Double.isFinite(v)) {
                    throw new NodeFailure("k-means left a cluster without rows (k = " + k + " for " + x.length + " rows).",
                            "Lower 'k': the data do not hold that many separate groups.");
                }
            }
        }
        return out;
    }

    private static NearestCentre renumber(NearestCentre fitted, double[][] x) {
        double[][] c = fitted.centres();
        int[] size = new int[c.length];
        for (double[] row : x) {
            size[fitted.nearest(row)]++;
        }
        Integer[] order = IntStream.range(0, c.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingInt((Integer a) -> -size[a]).thenComparing(a -> c[a], Arrays::compare));
        List<double[]> sorted = new ArrayList<>();
        for (int a : order) {
            sorted.add(c[a]);
        }
        return new NearestCentre(fitted.columns(), sorted.toArray(double[][]::new));
    }
}
