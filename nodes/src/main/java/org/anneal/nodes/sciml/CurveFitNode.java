package org.anneal.nodes.sciml;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.anneal.ml.Formula;
import org.anneal.ml.Learner;
import org.anneal.nodes.model.LearnerSpecs;
import org.anneal.spec.ConfigContext;
import org.anneal.spec.ConfigError;
import org.anneal.spec.DataKind;
import org.anneal.spec.ExecContext;
import org.anneal.spec.Inputs;
import org.anneal.spec.LeakageRole;
import org.anneal.spec.Node;
import org.anneal.spec.NodeType;
import org.anneal.spec.OutPort;
import org.anneal.spec.Outputs;
import org.anneal.spec.Param;
import org.anneal.spec.Phase;
import org.anneal.spec.Specs;
import org.anneal.spec.Task;

@NodeType(id = "model.curve-fit", title = "Curve fit (formula)", phase = Phase.MODEL, role = LeakageRole.STATELESS, usesSeed = false,
        doc = """
                Fits a formula you write, such as `D0 * exp(-Q / (R * temperature_k))`, to the target by nonlinear least \
                squares (Levenberg–Marquardt, from Apache Commons Math). The formula may use the feature columns (a name with \
                spaces or symbols between backticks), the `parameters` to fit, each with a start value (`D0 = 1e6, Q = 1e5`), \
                and fixed `constants` (`R = 8.314462618` J/(mol·K) by default); functions `exp log log10 sqrt abs sin cos \
                tanh pow`, `^` for powers. It is used like any model: Fit, Predict, parity and residual plots. \
                explain.coefficients lists each parameter with its standard error `se(name)` (from the Jacobian at the \
                optimum: s² (JᵀJ)⁻¹, which for a linear formula is exactly ordinary least squares) and the residual \
                standard deviation; predictions carry `prediction_sd` (the delta method plus the residual variance), so \
                evaluate.regression reports `coverage_95`. A physical formula extrapolates where a random forest can only \
                repeat the edge of its training data. Start values matter: give each parameter its order of magnitude.""")
public final class CurveFitNode implements Node<CurveFitNode.Params> {

    public record Params(
            @Param(doc = "The formula, e.g. a * exp(-Q / (R * T))", def = "\"a * exp(-Q / (R * T))\"") String formula,
            @Param(doc = "Parameters to fit with their start values, e.g. a = 1, Q = 50000", def = "\"a = 1, Q = 50000\"") String parameters,
            @Param(doc = "Fixed constants the formula may use", def = "\"R = 8.314462618\"") String constants,
            @Param(doc = "Most Levenberg–Marquardt iterations before the fit gives up", def = "200", min = 1, max = 100000) int maxIterations) {
    }

    static final OutPort<Learner> LEARNER = OutPort.of("learner", DataKind.LEARNER, Learner.class, "The unfitted formula, for a Fit node");

    /** A name in the formula: `quoted`, or an identifier not preceded by a digit or point (so 1e5 is a number) nor followed by "(". */
    private static final Pattern NAME = Pattern.compile("`([^`]*)`|(?<![A-Za-z0-9_.])([A-Za-z_][A-Za-z0-9_]*)(?![A-Za-z0-9_]*\\s*\\()");

    @Override
    public Specs configure(Specs in, Params p, ConfigContext ctx) throws ConfigError {
        learner(p);
        return Specs.of(LEARNER, LearnerSpecs.learner(Task.REGRESSION, true));
    }

    @Override
    public Outputs execute(Inputs in, Params p, ExecContext ctx) {
        try {
            return Outputs.of(LEARNER, learner(p));
        } catch (ConfigError e) {
            throw new IllegalStateException("configure accepted these params", e);
        }
    }

    /**
     * The learner these params describe, after every check that needs no data: the lists read, no name both parameter and
     * constant, every parameter used by the formula, and the formula readable (the columns are checked at Fit).
     */
    static CurveFitLearner learner(Params p) throws ConfigError {
        Map<String, Double> start = NamedValues.parse(p.parameters(), "parameters");
        Map<String, Double> constants = NamedValues.parse(p.constants(), "constants");
        if (start.isEmpty()) {
            throw ConfigError.atParam("parameters", "There are no parameters to fit.", "List them with start values: a = 1, Q = 50000.");
        }
        for (String name : start.keySet()) {
            if (constants.containsKey(name)) {
                throw ConfigError.atParam("parameters", "'" + name + "' is both a parameter and a constant.",
                        "Remove it from the constants to fit it, or from the parameters to hold it fixed.");
            }
        }
        Set<String> names = namesIn(p.formula());
        names.addAll(start.keySet());
        names.addAll(constants.keySet());
        Formula formula;
        try {
            formula = Formula.parse(p.formula(), names);
        } catch (Formula.FormulaException e) {
            throw ConfigError.atParam("formula", e.getMessage(), e.fix());
        }
        for (String name : start.keySet()) {
            if (!formula.names().contains(name)) {
                throw ConfigError.atParam("parameters", "The parameter '" + name + "' does not appear in the formula " + p.formula() + ".",
                        "Use it in the formula or remove it: a parameter the formula ignores cannot be fitted.");
            }
        }
        return new CurveFitLearner(p.formula(), start, constants, p.maxIterations());
    }

    private static Set<String> namesIn(String formula) {
        Set<String> out = new LinkedHashSet<>();
        if (formula == null) {
            return out;
        }
        Matcher m = NAME.matcher(formula);
        while (m.find()) {
            String name = m.group(1) != null ? m.group(1) : m.group(2);
            if (!List.of("pi", "e", "π", "φ").contains(name)) {
                out.add(name);
            }
        }
        return out;
    }
}
