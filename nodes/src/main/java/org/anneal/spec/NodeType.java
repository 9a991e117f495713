package org.anneal.spec;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The one declaration of a node type: read once into a {@link NodeDescriptor}. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface NodeType {
    /** Stable id used in workflow files: {@code phase.verb-or-noun}. Never rename; migrate instead. */
    String id();

    String title();

    Phase phase();

    LeakageRole role();

    /** Markdown; the first sentence is the palette tooltip. */
    String doc();

    /** Learns from the target column (feature selection, target encoding): fitted before a split it leaks labels. */
    boolean usesTarget() default false;

    /** Removes rows by a row-wise rule (missing values, outliers): on one side of a split only, the sides stop matching. */
    boolean filtersRows() default false;

    /** Adds rows (oversampling, augmentation, tiling): before a split, copies of one row land on both sides. */
    boolean expandsRows() default false;

    /** For SPLIT nodes: how rows are assigned, which decides whether groups and time order are respected. */
    SplitStrategy split() default SplitStrategy.NONE;

    /**
     * Runs native array code on the compute device (ND4J, DL4J). The device, the ND4J backend and the native thread
     * count then enter its cache key, and it runs alone, so parallel branches never oversubscribe the cores.
     */
    boolean usesDevice() default false;

    /**
     * Draws random numbers from {@link ExecContext#seed()}, itself or through a learner it fits. Only then does the
     * seed enter its cache key; a node that declares {@code false} and asks for the seed fails loudly.
     */
    boolean usesSeed() default true;

    /** Bumped when params change meaning; older files are migrated by {@link Node#migrate}. */
    int version() default 1;
}
