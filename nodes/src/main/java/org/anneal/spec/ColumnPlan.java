package org.anneal.spec;

import java.util.List;

/**
 * The plan most table nodes leave for execute ({@link Specs#withPlan}): the columns configure resolved, for example an
 * empty {@code columns} parameter expanded to every numeric feature and each name checked to exist and be numeric.
 */
public record ColumnPlan(List<String> columns) {
    public ColumnPlan {
        columns = List.copyOf(columns);
    }
}
