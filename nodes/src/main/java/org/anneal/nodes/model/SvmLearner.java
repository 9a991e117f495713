package org.anneal.nodes.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.anneal.data.CategoricalColumn;
import org.anneal.data.Column;
import org.anneal.data.Table;
import org.anneal.ml.Learner;
import org.anneal.ml.Task;
import org.anneal.ml.TrainedModel;
import org.anneal.spec.ExecContext;
import org.anneal.spec.NodeFailure;
import org.tribuo.classification.libsvm.LibSVMClassificationTrainer;
import org.tribuo.classification.libsvm.SVMClassificationType;
import org.tribuo.common.libsvm.KernelType;
import org.tribuo.common.libsvm.LibSVMModel;
import org.tribuo.common.libsvm.SVMParameters;
import org.tribuo.regression.libsvm.LibSVMRegressionTrainer;
import org.tribuo.regression.libsvm.SVMRegressionType;

/**
 * Support vector machines by LIBSVM (pure Java, through Tribuo): C-SVC for classification with Platt-scaled
 * probabilities, epsilon-SVR for regression (targets used as they are, not standardized).
 *
 * @param kernel stored as "linear", "rbf" or "poly"
 * @param gamma  kernel width for rbf and poly; 0 = 1 / number of features (LIBSVM's default)
 */
public record SvmLearner(Task task, Kernel kernel, double c, double gamma, int degree, double epsilon) implements Learner {

    public enum Kernel { LINEAR, RBF, POLY }


    @Override
    public String describe() {
        return String.format(Locale.ROOT, "SVM (LIBSVM, %s, %s kernel, C = %s%s)", task == Task.REGRESSION ? "epsilon-SVR" : "C-SVC", org.anneal.spec.Choices.name(kernel), c,
                task == Task.REGRESSION ? ", epsilon = " + epsilon : "");
    }

    private <T extends org.tribuo.Output<T>> SVMParameters<T> parameters(SVMParameters<T> p, int features) {
        p.setCost(c);
        p.setGamma(gamma > 0 ? gamma : 1.0 / Math.max(1, features));
        p.setDegree(degree);
        p.setCoeff(kernel == Kernel.POLY ? 1 : 0);
        p.setEpsilon(epsilon);
        return p;
    }

    private KernelType kernelType() {
        return switch (kernel) {
            case RBF -> KernelType.RBF;
            case POLY -> KernelType.POLY;
            case LINEAR -> KernelType.LINEAR;
        };
    }

    @Override
    public TrainedModel fit(Table train, List<String> features, String target, ExecContext ctx) {
        Column y = TrainingRows.requireComplete(train, features, target);
        ctx.checkCancelled();
        // LIBSVM prints its solver progress to standard output, which would garble the command line's report
        libsvm.svm.svm_set_print_string_function(message -> { });
        if (task == Task.REGRESSION) {
            var p = parameters(new SVMParameters<>(new SVMRegressionType(SVMRegressionType.SVMMode.EPSILON_SVR), kernelType()), features.size());
            var model = new LibSVMRegressionTrainer(p, false, ctx.seed()).train(TribuoTables.regression(train, features, target));
            return new TribuoRegressionModel(describe(), target, features, model, supportVectors(model));
        }
        CategoricalColumn classes = (CategoricalColumn) y;
        if (java.util.Arrays.stream(classes.codes()).distinct().count() < 2) {
            throw new NodeFailure("The training rows hold only one class of '" + target + "'; an SVM needs at least two.",
                    "Check the split (stratify it) or the target column.");
        }
        var p = parameters(new SVMParameters<>(new SVMClassificationType(SVMClassificationType.SVMMode.C_SVC), kernelType()), features.size());
        p.setProbability();
        var model = new LibSVMClassificationTrainer(p, ctx.seed()).train(TribuoTables.classification(train, features, target));
        return new TribuoClassifierModel(describe(), target, features, classes.levels(), model);
    }

    private static Map<String, Double> supportVectors(org.tribuo.Model<?> model) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("support vectors", (double) ((LibSVMModel<?>) model).getInnerModels().get(0).l);
        return m;
    }
}
