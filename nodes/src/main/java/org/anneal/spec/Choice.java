package org.anneal.spec;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The name an enum constant is stored under in workflow files when the derived one (lower case, {@code _}
 * as {@code -}: {@code MOST_FREQUENT} is {@code "most-frequent"}) is not the established spelling, e.g.
 * {@code @Choice("k-means++")} or {@code @Choice("<=")}. Renaming a constant never changes a file.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Choice {
    String value();
}
