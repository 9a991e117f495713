package org.anneal.spec;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares one parameter on a component of a node's {@code Params} record. Defaults are written as JSON
 * literals so that the docs, the editor and the file format all show the same text.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.FIELD, ElementType.METHOD})
public @interface Param {
    String doc();

    /** JSON literal of the default: {@code 0.2}, {@code true}, {@code "auto"}, {@code []}; empty = none. */
    String def() default "";

    /** Inclusive bounds for numbers. */
    double min() default Double.NEGATIVE_INFINITY;

    double max() default Double.POSITIVE_INFINITY;

    /**
     * Allowed values of a text parameter. An enum component offers its constants (see {@link Choice}); listed
     * here, the stored names of the constants this node offers, in the order shown (a shared enum, fewer options).
     */
    String[] choices() default {};

    /**
     * A hyperparameter a tune node or a validation curve may vary. The tunable names of a learner are read from
     * here, and a tuned value is bound through the descriptor, so {@link #min()} and {@link #max()} hold in tuning too.
     */
    boolean tunable() default false;

    /** How the editor should offer the value; inferred from the Java type when {@link Hint#NONE}. */
    Hint hint() default Hint.NONE;

    /** A required parameter has no default; a file missing it is invalid. */
    boolean required() default false;

    enum Hint {
        NONE,
        /** One column of the table on the node's first table input (or its own output for sources). */
        COLUMN,
        /** A list of such columns. */
        COLUMNS,
        /** A file path, relative to the workflow file. */
        PATH
    }
}
