import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.anneal.exec.StandaloneContext;
import org.anneal.nn.dl4j.PinnTrainer;
import org.anneal.nn.pinn.OdeProblem;
import org.anneal.nn.pinn.PinnSetup;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.autodiff.samediff.api.OutAndGrad;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.Adam;

/**
 * model.pinn's trainer (workflow 23's forward problem: Newton cooling, 32 collocation points, [20, 20] tanh, 1000 Adam
 * steps) against the same SameDiff graph stepped directly: PinnGraph.build (reached by reflection, it is package-private)
 * and a bare loop of calculateGradientsAndOutputs + Adam, without the trainer's causal weights, loss history or progress
 * reports. Runs alternate (trainer first, then direct first, ...) so that the shared machine's load falls on both alike.
 */
public class PinnBench {
    public static void main(String[] args) throws Exception {
        int steps = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int reps = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        PinnSetup setup = new PinnSetup(OdeProblem.NEWTON_COOLING, new OdeProblem.Coefficients(0.35, 25), new OdeProblem.Domain(0, 10, 850, 0),
                32, List.of(20, 20), steps, 0.01, null, null);
        PinnSetup warm = new PinnSetup(setup.problem(), setup.coefficients(), setup.domain(), 32, List.of(20, 20), 50, 0.01, null, null);
        trainer(warm);
        direct(warm);
        double bestTrainer = Double.MAX_VALUE;
        double bestDirect = Double.MAX_VALUE;
        for (int r = 0; r < reps; r++) {
            if (r % 2 == 0) { // alternate which goes first, so neither always meets the other's garbage or a colder cache
                bestTrainer = Math.min(bestTrainer, trainer(setup));
                bestDirect = Math.min(bestDirect, direct(setup));
            } else {
                bestDirect = Math.min(bestDirect, direct(setup));
                bestTrainer = Math.min(bestTrainer, trainer(setup));
            }
        }
        System.out.printf("model.pinn trainer: %d steps, best of %d %.3f s, %.1f steps/s, %.3f ms/step%n", steps, reps, bestTrainer,
                steps / bestTrainer, 1000 * bestTrainer / steps);
        System.out.printf("direct SameDiff loop: %d steps, best of %d %.3f s, %.1f steps/s, %.3f ms/step%n", steps, reps, bestDirect,
                steps / bestDirect, 1000 * bestDirect / steps);
        System.out.printf("ratio trainer / direct: %.3f%n", bestTrainer / bestDirect);
    }

    static double trainer(PinnSetup s) {
        long t0 = System.nanoTime();
        PinnTrainer.train(s, new StandaloneContext("pinn", 23, Path.of(".")));
        return (System.nanoTime() - t0) / 1e9;
    }

    @SuppressWarnings("unchecked")
    static double direct(PinnSetup s) throws Exception {
        long t0 = System.nanoTime();
        Class<?> type = Class.forName("org.anneal.nn.dl4j.PinnGraph");
        Method build = type.getDeclaredMethod("build", PinnSetup.class, long.class);
        build.setAccessible(true);
        Object g = build.invoke(null, s, 23L);
        SameDiff sd = (SameDiff) call(type, g, "sd");
        INDArray batch = (INDArray) call(type, g, "batch");
        int collocation = (int) call(type, g, "collocation");
        List<String> outputs = new ArrayList<>((List<String>) call(type, g, "lossNames"));
        outputs.add("scaledResidual");
        Adam adam = new Adam(s.learningRate());
        List<SDVariable> trainable = sd.variables().stream().filter(v -> v.getVariableType() == VariableType.VARIABLE).toList();
        List<String> names = trainable.stream().map(SDVariable::name).toList();
        Map<String, GradientUpdater> updaters = new HashMap<>();
        for (SDVariable v : trainable) {
            updaters.put(v.name(), adam.instantiate(Nd4j.zeros(DataType.FLOAT, 1, adam.stateSize(v.getArr().length())), true));
        }
        double[] w = new double[(int) batch.size(0)];
        java.util.Arrays.fill(w, 0, collocation, 1.0 / collocation);
        INDArray weights = Nd4j.create(w, new long[] {w.length, 1}, DataType.FLOAT);
        Map<String, INDArray> feed = Map.of("tau", batch, "causalWeight", weights);
        for (int step = 0; step < s.steps(); step++) {
            OutAndGrad og = sd.calculateGradientsAndOutputs(feed, outputs, names);
            for (SDVariable v : trainable) {
                INDArray grad = og.getGradients().get(v.name());
                updaters.get(v.name()).applyUpdater(grad, step, 0);
                v.getArr().subi(grad);
            }
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    static Object call(Class<?> type, Object target, String method) throws Exception {
        Method m = type.getDeclaredMethod(method);
        m.setAccessible(true);
        return m.invoke(target);
    }
}
