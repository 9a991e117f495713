package org.anneal.exec;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.anneal.spec.Outputs;

/**
 * Keeps the outputs of the most recently used node executions in memory, up to a budget in bytes (estimated by
 * {@link ValueSizes}): a table of micrographs and a metric set are not worth the same room. Least recently used
 * outputs go first; an output larger than the whole budget is not kept at all. Values are immutable, so a hit hands
 * out the same objects to every consumer.
 */
public final class MemoryCache implements NodeCache {
    private final long maxBytes;
    private final Map<String, Entry> map = new LinkedHashMap<>(64, 0.75f, true);
    private long bytes;

    private record Entry(Outputs outputs, long bytes) {
    }

    private MemoryCache(long maxBytes) {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("a cache budget must be positive: " + maxBytes);
        }
        this.maxBytes = maxBytes;
    }

    /** A cache that holds at most {@code maxBytes} of outputs. */
    public static MemoryCache ofBytes(long maxBytes) {
        return new MemoryCache(maxBytes);
    }

    /** A quarter of the heap Java may grow to: room for the tables of a session, leaving the rest to the nodes. */
    public static MemoryCache standard() {
        return new MemoryCache(Math.max(16L << 20, Runtime.getRuntime().maxMemory() / 4));
    }

    @Override
    public synchronized Outputs get(String key) {
        Entry e = map.get(key);
        return e == null ? null : e.outputs();
    }

    @Override
    public synchronized void put(String key, Outputs outputs) {
        long size = 0;
        for (Object value : outputs.asMap().values()) {
            size += ValueSizes.of(value);
        }
        Entry old = map.remove(key);
        if (old != null) {
            bytes -= old.bytes();
        }
        if (size > maxBytes) {
            return;
        }
        map.put(key, new Entry(outputs, size));
        bytes += size;
        for (Iterator<Entry> it = map.values().iterator(); bytes > maxBytes && it.hasNext(); ) {
            bytes -= it.next().bytes();
            it.remove();
        }
    }

    @Override
    public synchronized void clear() {
        map.clear();
        bytes = 0;
    }

    public synchronized int size() {
        return map.size();
    }

    /** Estimated bytes held now; never above {@link #maxBytes()}. */
    public synchronized long bytes() {
        return bytes;
    }

    public long maxBytes() {
        return maxBytes;
    }
}
