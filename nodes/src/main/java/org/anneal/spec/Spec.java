package org.anneal.spec;

/**
 * What is known about a port's value before it exists: its kind and its lineage, and for each kind the typed
 * fields the next nodes and the leakage analysis check (a learner's task, a model's features, the columns a
 * fitted transform reads and writes, how cross-validation formed its folds).
 */
public sealed interface Spec permits TableSpec, ValueSpec, LearnerSpec, ModelSpec, TransformerSpec, LossSpec, CrossValidatedSpec,
        NetworkSpec {
    DataKind kind();

    Lineage lineage();
}
