package org.anneal.spec;

import java.util.List;
import java.util.Objects;

/**
 * Spec on a MODEL wire: what a fitted model predicts, from which columns (and of which types), and which rows it learnt from.
 *
 * @param featureTypes    the type of each feature when the model was trained, in the order of {@code features}; empty when
 *                        unknown. Rows scored with a fitted transform's output but without its Apply (target-encoded
 *                        training rows, raw test rows) have the feature names but not the types, so the types are what
 *                        {@link #requireFeaturesIn} catches them by (issue 14).
 * @param gradientTrained true when it remembers a training-loss curve (a gradient-trained learner made it)
 * @param network         the layers of a network model, each with the block that added it (explain.grad-cam names a layer
 *                        by its block); null for every other model, and for networks behind an ensemble or a tune node
 */
public record ModelSpec(Task task, String target, List<String> features, List<ColumnType> featureTypes, boolean gradientTrained,
                        Lineage lineage, NetworkSpec network) implements Spec {
    public ModelSpec {
        Objects.requireNonNull(task);
        Objects.requireNonNull(target);
        features = List.copyOf(features);
        featureTypes = List.copyOf(featureTypes);
        if (!featureTypes.isEmpty() && featureTypes.size() != features.size()) {
            throw new IllegalArgumentException("one type per feature: " + features + " " + featureTypes);
        }
        Objects.requireNonNull(lineage);
    }

    public ModelSpec(Task task, String target, List<String> features, List<ColumnType> featureTypes, boolean gradientTrained,
                     Lineage lineage) {
        this(task, target, features, featureTypes, gradientTrained, lineage, null);
    }

    /** A model whose feature types are not known (only their names are checked). */
    public ModelSpec(Task task, String target, List<String> features, boolean gradientTrained, Lineage lineage) {
        this(task, target, features, List.of(), gradientTrained, lineage);
    }

    /** A model fitted on {@code trainedOn}: it carries those rows as fitted-on. */
    public static ModelSpec trainedOn(Task task, Lineage trainedOn, String target, List<String> features, boolean gradientTrained) {
        return new ModelSpec(task, target, features, gradientTrained, Lineage.learntFrom(trainedOn));
    }

    /** This model, remembering the types its features had when it was trained. */
    public ModelSpec withFeatureTypes(List<ColumnType> types) {
        return new ModelSpec(task, target, features, types, gradientTrained, lineage, network);
    }

    /** This model remembering the network it is (null: not a network, or not known). */
    public ModelSpec withNetwork(NetworkSpec net) {
        return new ModelSpec(task, target, features, featureTypes, gradientTrained, lineage, net);
    }

    /** This model with another lineage. */
    public ModelSpec withLineage(Lineage l) {
        return new ModelSpec(task, target, features, featureTypes, gradientTrained, l, network);
    }

    /**
     * Configure-time check of rows this model is given (to score, predict, explain or rank): each feature is there and holds
     * what it held when the model was trained. A categorical column where the model saw numbers is the usual sign of rows
     * that skipped a fitted transform's Apply; at run time it would stop the node with an internal error or a wrong score.
     *
     * @param port where the rows arrive, named in the error
     */
    public void requireFeaturesIn(TableSpec rows, String port) throws ConfigError {
        for (int i = 0; i < features.size(); i++) {
            String f = features.get(i);
            ColumnSpec c = rows.column(f).orElse(null);
            if (c == null) {
                throw ConfigError.atPort(port, "The rows on '" + port + "' lack the feature '" + f + "' the model was trained with.",
                        "Prepare these rows the same way as the training rows (apply the same transforms).");
            }
            ColumnType trained = featureTypes.isEmpty() ? null : featureTypes.get(i);
            if (trained != null && c.type() != trained) {
                boolean skippedEncoding = trained == ColumnType.NUMERIC && c.type() == ColumnType.CATEGORICAL;
                throw ConfigError.atPort(port, "Feature '" + f + "' held " + plural(trained) + " when the model was trained but holds "
                                + plural(c.type()) + " in the rows on '" + port + "'"
                                + (skippedEncoding ? ": the training rows were encoded as numbers (target or ordinal encoding) and these rows were not." : "."),
                        skippedEncoding ? "Carry the encoder's 'state' to these rows with an Apply node (prepare.apply) and wire its 'out' to '"
                                + port + "', as the test rows of workflows/suspicious/10-target-encoding-on-train.json are."
                                : "Prepare these rows the same way as the training rows (apply the same transforms).");
            }
        }
    }

    private static String plural(ColumnType t) {
        return t == ColumnType.CATEGORICAL ? "categories" : t.title() + "s";
    }

    @Override
    public DataKind kind() {
        return DataKind.MODEL;
    }
}
