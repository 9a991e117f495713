package org.anneal.nodes.sciml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.exec.StandaloneContext;
import org.anneal.ml.Learner;
import org.anneal.ml.TrainedModel;
import org.anneal.spec.ColumnRole;
import org.anneal.spec.ConfigError;
import org.anneal.spec.Inputs;
import org.anneal.spec.NodeFailure;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.Test;

class CurveFitNodeTest {

    static final StandaloneContext CTX = new StandaloneContext("fit", 1, Path.of("."));

    static Learner learner(String formula, String parameters, String constants, int maxIterations) {
        return (Learner) new CurveFitNode().execute(new Inputs(Map.of()),
                new CurveFitNode.Params(formula, parameters, constants, maxIterations), CTX).get("learner");
    }

    static double gaussian(SplittableRandom r) {
        return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    }

    /** y = 1.5 + 2 x1 − 0.7 x2 + N(0, 0.4²). */
    static Table linear(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x1 = new double[n];
        double[] x2 = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x1[i] = r.nextDouble(-3, 3);
            x2[i] = r.nextDouble(0, 10);
            y[i] = 1.5 + 2 * x1[i] - 0.7 * x2[i] + 0.4 * gaussian(r);
        }
        return new Table(List.of(new NumericColumn("x1", ColumnRole.FEATURE, x1), new NumericColumn("x2", ColumnRole.FEATURE, x2),
                new NumericColumn("y", ColumnRole.TARGET, y)));
    }

    /** D = 2e7 exp(−142 kJ/mol / (R T)) µm²/s with 3 % multiplicative noise, T in [800, 1300] K. */
    static Table arrhenius(int n, double noise, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] t = new double[n];
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = r.nextDouble(800, 1300);
            d[i] = 2e7 * Math.exp(-142000 / (8.314462618 * t[i])) * (1 + noise * gaussian(r));
        }
        return new Table(List.of(new NumericColumn("T (K)", ColumnRole.FEATURE, t), new NumericColumn("D", ColumnRole.TARGET, d)));
    }

    @Test
    void aLinearFormulaGivesTheOrdinaryLeastSquaresCoefficientsAndStandardErrors() {
        Table data = linear(60, 3);
        TrainedModel m = learner("b0 + b1 * x1 + b2 * x2", "b0 = 0, b1 = 0, b2 = 0", "", 200).fit(data, List.of("x1", "x2"), "y", CTX);
        // closed form: β = (XᵀX)⁻¹ Xᵀy, se = √(s² diag (XᵀX)⁻¹), s² = RSS / (n − 3)
        int n = data.rowCount();
        double[][] x = new double[n][3];
        for (int i = 0; i < n; i++) {
            x[i] = new double[] {1, data.numeric("x1").get(i), data.numeric("x2").get(i)};
        }
        RealMatrix design = new Array2DRowRealMatrix(x);
        RealMatrix inverse = new LUDecomposition(design.transpose().multiply(design)).getSolver().getInverse();
        double[] beta = inverse.operate(design.transpose().operate(data.numeric("y").values()));
        double rss = 0;
        for (int i = 0; i < n; i++) {
            double e = data.numeric("y").get(i) - (beta[0] + beta[1] * x[i][1] + beta[2] * x[i][2]);
            rss += e * e;
        }
        double s2 = rss / (n - 3);
        Map<String, Double> p = m.parameters();
        List<String> names = List.of("b0", "b1", "b2");
        for (int k = 0; k < 3; k++) {
            assertEquals(beta[k], p.get(names.get(k)), 1e-7, names.get(k));
            assertEquals(Math.sqrt(s2 * inverse.getEntry(k, k)), p.get("se(" + names.get(k) + ")"), 1e-7, "se of " + names.get(k));
        }
        assertEquals(Math.sqrt(s2), p.get("residual_sd"), 1e-9);
        assertEquals(List.of("b0", "se(b0)", "b1", "se(b1)", "b2", "se(b2)", "residual_sd"), List.copyOf(p.keySet()));
    }

    @Test
    void itRecoversAKnownArrheniusLawFromAFarStartAndItsIntervalsCoverNewMeasurements() {
        Table train = arrhenius(80, 0.03, 5);
        TrainedModel m = learner("D0 * exp(-Q / (R * `T (K)`))", "D0 = 1e6, Q = 100000", "R = 8.314462618", 200)
                .fit(train, List.of("T (K)"), "D", CTX);
        Map<String, Double> p = m.parameters();
        assertEquals(142000, p.get("Q"), 3 * p.get("se(Q)"), "Q = " + p.get("Q") + " ± " + p.get("se(Q)"));
        assertEquals(2e7, p.get("D0"), 3 * p.get("se(D0)"), "D0 = " + p.get("D0") + " ± " + p.get("se(D0)"));
        assertTrue(p.get("se(Q)") < 0.02 * 142000, "Q is determined to better than 2 %: " + p.get("se(Q)"));
        // predictions follow the truth where the formula is evaluated, including at a temperature it was not trained on
        Table hot = new Table(List.of(new NumericColumn("T (K)", ColumnRole.FEATURE, new double[] {1400}),
                new NumericColumn("D", ColumnRole.TARGET, new double[] {0})));
        double truth = 2e7 * Math.exp(-142000 / (8.314462618 * 1400));
        assertEquals(truth, m.predict(hot)[0], 0.05 * truth);
        assertTrue(m.predictionStd(hot)[0] > m.predictionStd(arrhenius(1, 0, 9))[0] * 0.5, "an interval at 1400 K too");
    }

    @Test
    void predictionIntervalsCoverNinetyFivePercentOfNewRowsWhenTheModelIsRight() {
        TrainedModel m = learner("b0 + b1 * x1 + b2 * x2", "b0 = 1, b1 = 1, b2 = 1", "", 200).fit(linear(100, 7), List.of("x1", "x2"), "y", CTX);
        Table test = linear(4000, 8);
        double[] pred = m.predict(test);
        double[] sd = m.predictionStd(test);
        int inside = 0;
        for (int i = 0; i < pred.length; i++) {
            inside += Math.abs(test.numeric("y").get(i) - pred[i]) <= 1.96 * sd[i] ? 1 : 0;
        }
        double coverage = inside / (double) pred.length;
        assertTrue(coverage > 0.93 && coverage < 0.97, "coverage " + coverage);
    }

    @Test
    void aFormulaMayIgnoreSomeFeatures() {
        TrainedModel m = learner("b0 + b1 * x1", "b0 = 0, b1 = 0", "", 200).fit(linear(50, 2), List.of("x1", "x2"), "y", CTX);
        assertEquals(List.of("x1", "x2"), m.features());
        assertEquals(2, m.parameters().get("b1"), 0.3);
    }

    @Test
    void paramsThatCannotWorkAreRefusedAtTheParamBeforeAnythingRuns() {
        ConfigError parens = assertThrows(ConfigError.class, () -> CurveFitNode.learner(new CurveFitNode.Params("a * exp(-b * x", "a = 1, b = 1", "", 10)));
        assertEquals("formula", parens.param());
        assertTrue(parens.getMessage().contains("parentheses"), parens.getMessage());
        ConfigError unused = assertThrows(ConfigError.class, () -> CurveFitNode.learner(new CurveFitNode.Params("a * x", "a = 1, b = 2", "", 10)));
        assertEquals("parameters", unused.param());
        assertTrue(unused.getMessage().contains("'b' does not appear"), unused.getMessage());
        ConfigError list = assertThrows(ConfigError.class, () -> CurveFitNode.learner(new CurveFitNode.Params("a * x", "a = 1,5", "", 10)));
        assertEquals("parameters", list.param());
        assertTrue(list.getMessage().contains("'5'"), list.getMessage());
        ConfigError none = assertThrows(ConfigError.class, () -> CurveFitNode.learner(new CurveFitNode.Params("2 * x", "", "", 10)));
        assertEquals("parameters", none.param());
        ConfigError both = assertThrows(ConfigError.class, () -> CurveFitNode.learner(new CurveFitNode.Params("a * R * x", "a = 1, R = 2", "R = 8.3", 10)));
        assertTrue(both.getMessage().contains("both a parameter and a constant"), both.getMessage());
        ConfigError operand = assertThrows(ConfigError.class, () -> CurveFitNode.learner(new CurveFitNode.Params("a * * x", "a = 1", "", 10)));
        assertEquals("formula", operand.param());
    }

    @Test
    void aNameThatIsNoColumnFailsAtFitWithTheNamesAllowed() {
        NodeFailure f = assertThrows(NodeFailure.class,
                () -> learner("a * exp(-b / temp)", "a = 1, b = 1", "", 50).fit(linear(20, 1), List.of("x1", "x2"), "y", CTX));
        assertTrue(f.getMessage().contains("'temp'") && f.getMessage().contains("x1, x2, a, b"), f.getMessage());
        NodeFailure clash = assertThrows(NodeFailure.class,
                () -> learner("x1 * x2", "x1 = 1", "", 50).fit(linear(20, 1), List.of("x1", "x2"), "y", CTX));
        assertTrue(clash.getMessage().contains("name of a feature column"), clash.getMessage());
    }

    @Test
    void aFitThatCannotConvergeOrIsUndefinedSaysSoWithTheStartValues() {
        Table data = arrhenius(40, 0.03, 4);
        NodeFailure slow = assertThrows(NodeFailure.class, () -> learner("D0 * exp(-Q / (R * `T (K)`))", "D0 = 1, Q = 1", "R = 8.314", 3)
                .fit(data, List.of("T (K)"), "D", CTX));
        assertTrue(slow.getMessage().contains("did not converge within 3 iterations from D0 = 1.000, Q = 1.000"), slow.getMessage());
        NodeFailure nan = assertThrows(NodeFailure.class, () -> learner("log(a * `T (K)`)", "a = -1", "", 50)
                .fit(data, List.of("T (K)"), "D", CTX));
        assertTrue(nan.getMessage().contains("gives NaN at the start values on training row 1 (T (K) = "), nan.getMessage());
        NodeFailure twins = assertThrows(NodeFailure.class, () -> learner("a * b * `T (K)`", "a = 1, b = 2", "", 50)
                .fit(data, List.of("T (K)"), "D", CTX));
        assertTrue(twins.getMessage().contains("cannot all be told apart"), twins.getMessage());
        NodeFailure few = assertThrows(NodeFailure.class, () -> learner("a * `T (K)` + b", "a = 1, b = 2", "", 50)
                .fit(data.rows(new int[] {0, 1}), List.of("T (K)"), "D", CTX));
        assertTrue(few.getMessage().contains("more training rows than parameters"), few.getMessage());
    }

    @Test
    void theArrheniusTeachingDataGiveBackTheirLawFromTheExampleStart() {
        Table data = (Table) new org.anneal.nodes.data.GenerateNode().execute(new Inputs(Map.of()),
                new org.anneal.nodes.data.GenerateNode.Params(org.anneal.nodes.data.GenerateNode.Dataset.ARRHENIUS, 60, 0.05, List.of()),
                new StandaloneContext("data", 24, Path.of("."))).get("table");
        TrainedModel m = learner("D0 * exp(b * carbon_wt - Q / (R * temperature_k))", "D0 = 1e6, b = 0, Q = 100000", "R = 8.314462618", 200)
                .fit(data, List.of("temperature_k", "carbon_wt"), "diffusivity_um2_s", CTX);
        Map<String, Double> p = m.parameters();
        assertEquals(142000, p.get("Q"), 3 * p.get("se(Q)"), "Q = " + p.get("Q") + " ± " + p.get("se(Q)"));
        assertEquals(2.5, p.get("b"), 3 * p.get("se(b)"), "b = " + p.get("b") + " ± " + p.get("se(b)"));
        assertEquals(Math.log(2e7), Math.log(p.get("D0")), 3 * p.get("se(D0)") / p.get("D0"), "D0 = " + p.get("D0"));
    }
}
