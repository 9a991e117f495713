package org.anneal.exec;

import java.util.LinkedHashMap;
import java.util.Map;
import org.anneal.spec.Outputs;

/**
 * Keeps the outputs of the most recently used node executions in memory. Values are immutable, so a hit
 * hands out the same objects to every consumer.
 */
public final class MemoryCache implements NodeCache {
    private final Map<String, Outputs> map;

    public MemoryCache(int maxEntries) {
        this.map = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Outputs> eldest) {
                return size() > maxEntries;
            }
        };
    }

    @Override
    public synchronized Outputs get(String key) {
        return map.get(key);
    }

    @Override
    public synchronized void put(String key, Outputs outputs) {
        map.put(key, outputs);
    }

    @Override
    public synchronized void clear() {
        map.clear();
    }

    public synchronized int size() {
        return map.size();
    }
}
