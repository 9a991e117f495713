package org.anneal.exec;

import java.lang.reflect.Array;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.Map;
import org.anneal.data.Sized;

/**
 * Estimates how many bytes a node's output holds, for the cache's byte budget: a {@link Sized} value says so itself;
 * records, arrays, collections and strings are walked (a model's weights, a plot's series); anything else, such as a
 * library's fitted model, counts as {@link #OPAQUE} bytes. An estimate, not a measurement: arrays shared between values
 * are counted with each, which makes the cache evict early rather than late.
 */
final class ValueSizes {
    /** What an object the walk cannot see into is taken to weigh. */
    static final long OPAQUE = 64 * 1024;
    private static final int MAX_DEPTH = 6;

    private ValueSizes() {
    }

    static long of(Object value) {
        return of(value, 0);
    }

    private static long of(Object v, int depth) {
        if (v == null) {
            return 0;
        }
        if (v instanceof Sized s) {
            return s.bytes();
        }
        if (v instanceof Number || v instanceof Boolean || v instanceof Character || v instanceof Enum<?>) {
            return 16;
        }
        if (v instanceof CharSequence s) {
            return 40 + 2L * s.length();
        }
        if (depth >= MAX_DEPTH) {
            return OPAQUE;
        }
        Class<?> c = v.getClass();
        if (c.isArray()) {
            Class<?> e = c.getComponentType();
            int n = Array.getLength(v);
            if (e.isPrimitive()) {
                return 16 + (long) n * primitiveBytes(e);
            }
            long total = 16 + 8L * n;
            for (int i = 0; i < n; i++) {
                total += of(Array.get(v, i), depth + 1);
            }
            return total;
        }
        if (v instanceof Collection<?> items) {
            long total = 48;
            for (Object o : items) {
                total += 8 + of(o, depth + 1);
            }
            return total;
        }
        if (v instanceof Map<?, ?> map) {
            long total = 48;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                total += 32 + of(e.getKey(), depth + 1) + of(e.getValue(), depth + 1);
            }
            return total;
        }
        if (c.isRecord()) {
            long total = 16;
            for (RecordComponent rc : c.getRecordComponents()) {
                try {
                    total += 8 + of(rc.getAccessor().invoke(v), depth + 1);
                } catch (ReflectiveOperationException | RuntimeException e) {
                    total += OPAQUE; // a record of another module that hides its accessors
                }
            }
            return total;
        }
        return OPAQUE;
    }

    private static int primitiveBytes(Class<?> t) {
        if (t == double.class || t == long.class) {
            return 8;
        }
        if (t == float.class || t == int.class) {
            return 4;
        }
        if (t == short.class || t == char.class) {
            return 2;
        }
        return 1;
    }
}
