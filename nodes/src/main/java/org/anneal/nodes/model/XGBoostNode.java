package org.anneal.nodes.model;

import java.util.List;
import java.util.Map;

import org.anneal.spec.LeakageRole;
import org.anneal.spec.NodeType;
import org.anneal.spec.Param;
import org.anneal.spec.Phase;

@NodeType(id = "model.xgboost", title = "Gradient boosting (XGBoost)", phase = Phase.MODEL, role = LeakageRole.STATELESS,
        doc = """
                Gradient-boosted decision trees by XGBoost (through Tribuo): trees are added one at a time, each fitted to the \
                gradient of the loss of the ensemble so far (squared error for regression, softmax cross-entropy for \
                classification) and shrunk by the learning rate eta. Small eta with more trees generalises better; subsample \
                below 1 trains each tree on a random share of the rows (stochastic boosting, seeded from the workflow seed). \
                Classifiers report class probabilities. For regression, `increasing` / `decreasing` impose XGBoost's monotone \
                constraints: the prediction never falls (rises) as that feature grows with the others held fixed — a physical \
                law such as strength rising with cooling rate, kept also where data is missing (extrapolation).""")
public final class XGBoostNode extends LearnerNode<XGBoostNode.Params> {

    public record Params(
            @Param(doc = "Regression (numeric target) or classification (categorical target)", def = "\"regression\"") TaskChoice task,
            @Param(doc = "Number of boosting rounds (trees)", def = "100", min = 1, max = 10000, tunable = true) int trees,
            @Param(doc = "Maximum depth of each tree", def = "4", min = 1, max = 32, tunable = true) int maxDepth,
            @Param(doc = "Learning rate: how much of each new tree is added", def = "0.1", min = 1e-4, max = 1, tunable = true) double eta,
            @Param(doc = "Share of the rows each tree is trained on", def = "1.0", min = 0.05, max = 1, tunable = true) double subsample,
            @Param(doc = "L2 penalty on the leaf values", def = "1.0", min = 0) double lambda,
            @Param(doc = "Features the prediction may only rise with (monotone increasing), all else fixed", def = "[]",
                    hint = Param.Hint.COLUMNS) List<String> increasing,
            @Param(doc = "Features the prediction may only fall with (monotone decreasing), all else fixed", def = "[]",
                    hint = Param.Hint.COLUMNS) List<String> decreasing) {
    }

    static Map<String, Integer> monotone(Params p) {
        Map<String, Integer> m = new java.util.LinkedHashMap<>();
        p.increasing().forEach(c -> m.put(c, 1));
        for (String c : p.decreasing()) {
            if (m.containsKey(c)) {
                throw new org.anneal.spec.NodeFailure("'" + c + "' is listed both as increasing and as decreasing.", "Keep it in one list.");
            }
            m.put(c, -1);
        }
        return m;
    }

    public XGBoostNode() {
        super(p -> p.task().task(), q -> new XGBoostLearner(q.task().task(), q.trees(), q.maxDepth(), q.eta(), q.subsample(), q.lambda(), monotone(q)));
    }
}
