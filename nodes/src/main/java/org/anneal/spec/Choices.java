package org.anneal.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The names enum parameters are stored under in workflow files: the constant's {@link Choice} if it has one,
 * else its name in lower case with {@code _} written {@code -}. Nodes use these to quote a choice in a message.
 */
public final class Choices {
    private Choices() {
    }

    /** The stored name of one constant, e.g. {@code "most-frequent"} for {@code MOST_FREQUENT}. */
    public static String name(Enum<?> constant) {
        try {
            Choice c = constant.getDeclaringClass().getField(constant.name()).getAnnotation(Choice.class);
            return c != null ? c.value() : constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every stored name, in declaration order (the order the editor and the docs show). */
    public static List<String> names(Class<? extends Enum<?>> type) {
        List<String> out = new ArrayList<>();
        for (Enum<?> e : type.getEnumConstants()) {
            out.add(name(e));
        }
        return List.copyOf(out);
    }

    /** The constant stored under {@code name}, if any. */
    public static <E extends Enum<E>> Optional<E> parse(Class<E> type, String name) {
        for (E e : type.getEnumConstants()) {
            if (name(e).equals(name)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    static Optional<Enum<?>> parseAny(Class<? extends Enum<?>> type, String name) {
        for (Enum<?> e : type.getEnumConstants()) {
            if (name(e).equals(name)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }
}
