package org.anneal.nn.dl4j;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.junit.jupiter.api.Test;

/** The derivatives carried forward through the tanh network equal finite differences of its output. */
class TangentMlpTest {

    @Test
    void carriedDerivativesMatchFiniteDifferences() {
        SameDiff sd = SameDiff.create();
        TangentMlp net = new TangentMlp(sd, List.of(7, 5), 3);
        SDVariable x = sd.placeHolder("x", DataType.FLOAT, -1, 1);
        TangentMlp.Jet jet = net.forward(sd, x, true);
        jet.value().rename("n");
        jet.d1().rename("n1");
        jet.d2().rename("n2");
        double h = 1e-2; // float32: a wide step keeps rounding below the truncation error
        double[] at = {-0.9, -0.3, 0.2, 0.75};
        for (double x0 : at) {
            Map<String, INDArray> out = sd.output(Map.of("x", Nd4j.create(new float[] {(float) (x0 - h), (float) x0, (float) (x0 + h)},
                    new long[] {3, 1}, 'c')), "n", "n1", "n2");
            double down = out.get("n").getDouble(0);
            double mid = out.get("n").getDouble(1);
            double up = out.get("n").getDouble(2);
            assertEquals((up - down) / (2 * h), out.get("n1").getDouble(1), 2e-3, "dN/dx at " + x0);
            assertEquals((up - 2 * mid + down) / (h * h), out.get("n2").getDouble(1), 2e-2, "d²N/dx² at " + x0);
            // and the derivative itself differentiates to the second derivative
            assertEquals((out.get("n1").getDouble(2) - out.get("n1").getDouble(0)) / (2 * h), out.get("n2").getDouble(1), 5e-3, "d/dx N' at " + x0);
        }
        assertEquals(1 * 7 + 7 + 7 * 5 + 5 + 5 + 1, net.parameterCount());
    }

    @Test
    void causalWeightsHideLaterPointsUntilEarlierOnesAreSolved() {
        double[] w = new double[4];
        // an unsolved start: the later points weigh almost nothing
        PinnTrainer.causalWeights(new double[] {1, 1, 1, 1}, 4, 1, w);
        assertEquals(0.25, w[0], 1e-12);
        assertEquals(0.25 * Math.exp(-PinnTrainer.CAUSALITY * 1 / 4), w[1], 1e-15);
        // solved everywhere: every point weighs nearly 1/n
        double mean = PinnTrainer.causalWeights(new double[] {1e-3, 1e-3, 1e-3, 1e-3}, 4, 1, w);
        assertEquals(1e-6, mean, 1e-12);
        assertEquals(0.25, w[3], 0.25 * 1e-3);
    }
}
