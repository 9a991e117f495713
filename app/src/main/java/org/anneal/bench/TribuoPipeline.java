package org.anneal.bench;

import java.nio.file.Path;
import java.util.List;
import org.tribuo.DataSource;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.MutableDataset;
import org.tribuo.data.csv.CSVLoader;
import org.tribuo.evaluation.TrainTestSplitter;
import org.tribuo.math.la.DenseMatrix;
import org.tribuo.math.la.DenseVector;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;
import org.tribuo.transform.TransformationMap;
import org.tribuo.transform.TransformerMap;
import org.tribuo.transform.transformations.MeanStdDevTransformation;

/**
 * The benchmark pipeline written by hand against Tribuo's own data path: CSVLoader, TrainTestSplitter,
 * MeanStdDevTransformation. Tribuo has no pure ridge trainer, so the same normal equations are solved
 * over Tribuo's examples with Tribuo's Cholesky factorisation.
 */
final class TribuoPipeline {
    private final Path csv;
    private final double test;
    private final long seed;

    TribuoPipeline(Path csv, double test, long seed) {
        this.csv = csv;
        this.test = test;
        this.seed = seed;
    }

    double run() throws Exception {
        DataSource<Regressor> source = new CSVLoader<>(new RegressionFactory()).loadDataSource(csv, "y");
        TrainTestSplitter<Regressor> splitter = new TrainTestSplitter<>(source, 1 - test, seed);
        MutableDataset<Regressor> train = new MutableDataset<>(splitter.getTrain());
        MutableDataset<Regressor> testSet = new MutableDataset<>(splitter.getTest());
        TransformerMap tm = train.createTransformers(new TransformationMap(List.of(new MeanStdDevTransformation())));
        MutableDataset<Regressor> trainT = tm.transformDataset(train);
        MutableDataset<Regressor> testT = tm.transformDataset(testSet);

        ImmutableFeatureMap fmap = trainT.getFeatureIDMap();
        int p = fmap.size();
        int n = trainT.size();
        double[][] x = new double[p][n];
        double[] y = new double[n];
        int i = 0;
        for (Example<Regressor> e : trainT) {
            for (Feature f : e) {
                x[fmap.getID(f.getName())][i] = f.getValue();
            }
            y[i++] = e.getOutput().getValues()[0];
        }
        double[] mx = new double[p];
        for (int j = 0; j < p; j++) {
            mx[j] = mean(x[j]);
        }
        double my = mean(y);
        double[][] g = new double[p][p];
        double[] b = new double[p];
        for (int j = 0; j < p; j++) {
            for (int k = j; k < p; k++) {
                double s = 0;
                for (int r = 0; r < n; r++) {
                    s += (x[j][r] - mx[j]) * (x[k][r] - mx[k]);
                }
                g[j][k] = s;
                g[k][j] = s;
            }
            g[j][j] += 0.1;
            double s = 0;
            for (int r = 0; r < n; r++) {
                s += (x[j][r] - mx[j]) * (y[r] - my);
            }
            b[j] = s;
        }
        DenseVector w = DenseMatrix.createDenseMatrix(g).choleskyFactorization().orElseThrow().solve(DenseVector.createDenseVector(b));
        double intercept = my;
        for (int j = 0; j < p; j++) {
            intercept -= w.get(j) * mx[j];
        }
        double sse = 0;
        double sum = 0;
        double sumSq = 0;
        int m = 0;
        for (Example<Regressor> e : testT) {
            double pred = intercept;
            for (Feature f : e) {
                int id = fmap.getID(f.getName());
                if (id >= 0) {
                    pred += w.get(id) * f.getValue();
                }
            }
            double t = e.getOutput().getValues()[0];
            sse += (t - pred) * (t - pred);
            sum += t;
            sumSq += t * t;
            m++;
        }
        double sst = sumSq - sum * sum / m;
        return 1 - sse / sst;
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double d : v) {
            s += d;
        }
        return s / v.length;
    }
}
