package org.anneal.spec;

/** What is known about a port's value before it exists: its kind and its lineage. */
public sealed interface Spec permits TableSpec, ValueSpec, NetworkSpec {
    DataKind kind();

    Lineage lineage();
}
