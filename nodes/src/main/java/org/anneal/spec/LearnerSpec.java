package org.anneal.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Spec on a LEARNER wire. A learner has seen no rows and knows no target yet (Fit gives it both); what it says
 * up front is what Fit, Cross-validate, Tune and the curves check.
 *
 * @param task                what it predicts
 * @param numericFeaturesOnly true when it needs numbers: Fit then refuses categorical features
 * @param gradientTrained     true when it trains by gradient steps on a LOSS with an OPTIMIZER
 * @param tunables            the hyperparameter names a tune node or a validation curve may vary
 * @param lineage             unsplit for a learner node; the rows that chose it for a tuned learner
 * @param tunableSources      the node types whose {@code @Param(tunable = true)} declarations the tunables come from
 *                            (a pipeline adds its steps'), so tune nodes check their values against the declared ranges
 * @param tensorFeatures      true when it reads tensor features itself (a network on an image or signal column): Fit lets
 *                            tensor features through instead of asking for numbers
 * @param network             the layers of a network learner, each with the block that added it (so explain blocks can
 *                            name a layer by its block); null for every other learner
 */
public record LearnerSpec(Task task, boolean numericFeaturesOnly, boolean gradientTrained, List<String> tunables, Lineage lineage,
                          List<String> tunableSources, boolean tensorFeatures, NetworkSpec network) implements Spec {
    public LearnerSpec {
        Objects.requireNonNull(task);
        tunables = List.copyOf(tunables);
        Objects.requireNonNull(lineage);
        tunableSources = List.copyOf(tunableSources);
    }

    public LearnerSpec(Task task, boolean numericFeaturesOnly, boolean gradientTrained, List<String> tunables, Lineage lineage,
                       List<String> tunableSources, boolean tensorFeatures) {
        this(task, numericFeaturesOnly, gradientTrained, tunables, lineage, tunableSources, tensorFeatures, null);
    }

    public LearnerSpec(Task task, boolean numericFeaturesOnly, boolean gradientTrained, List<String> tunables, Lineage lineage,
                       List<String> tunableSources) {
        this(task, numericFeaturesOnly, gradientTrained, tunables, lineage, tunableSources, false);
    }

    public LearnerSpec(Task task, boolean numericFeaturesOnly, boolean gradientTrained, List<String> tunables, Lineage lineage) {
        this(task, numericFeaturesOnly, gradientTrained, tunables, lineage, List.of());
    }

    /** This learner reading tensor features itself (a network): Fit lets them through. */
    public LearnerSpec readingTensors() {
        return new LearnerSpec(task, numericFeaturesOnly, gradientTrained, tunables, lineage, tunableSources, true, network);
    }

    /** This learner noting that node type {@code typeId} declares (some of) its tunables. */
    public LearnerSpec offeredBy(String typeId) {
        List<String> sources = new ArrayList<>(tunableSources);
        sources.add(typeId);
        return new LearnerSpec(task, numericFeaturesOnly, gradientTrained, tunables, lineage, sources, tensorFeatures, network);
    }

    /** This learner remembering the network it trains (model.network), which Fit hands on to the model. */
    public LearnerSpec withNetwork(NetworkSpec net) {
        return new LearnerSpec(task, numericFeaturesOnly, gradientTrained, tunables, lineage, tunableSources, tensorFeatures, net);
    }

    /** A learner node's spec: nothing fitted yet. */
    public static LearnerSpec of(Task task, boolean numericFeaturesOnly, List<String> tunables) {
        return new LearnerSpec(task, numericFeaturesOnly, false, tunables, Lineage.UNSPLIT);
    }

    /** A learner that takes a LOSS and an OPTIMIZER at {@code train.fit}; it needs numbers. */
    public static LearnerSpec gradient(Task task, List<String> tunables) {
        return new LearnerSpec(task, true, true, tunables, Lineage.UNSPLIT);
    }

    @Override
    public DataKind kind() {
        return DataKind.LEARNER;
    }

    public LearnerSpec withLineage(Lineage l) {
        return new LearnerSpec(task, numericFeaturesOnly, gradientTrained, tunables, l, tunableSources, tensorFeatures, network);
    }

    /** This learner behind a step that turns categories into numbers: categorical features are welcome. */
    public LearnerSpec acceptingCategories() {
        return new LearnerSpec(task, false, gradientTrained, tunables, lineage, tunableSources, tensorFeatures, network);
    }

    /** The tunables, then {@code more} that are not among them yet (a pipeline step's own settings). */
    public LearnerSpec withTunables(List<String> more) {
        List<String> all = new ArrayList<>(tunables);
        for (String h : more) {
            if (!all.contains(h)) {
                all.add(h);
            }
        }
        return new LearnerSpec(task, numericFeaturesOnly, gradientTrained, all, lineage, tunableSources, tensorFeatures, network);
    }
}
