package org.anneal.exec;

import org.anneal.spec.Outputs;

/** Outputs of earlier executions by cache key (see {@link CacheKeys}). */
public interface NodeCache {
    Outputs get(String key);

    void put(String key, Outputs outputs);

    void clear();

    /** A cache that never hits: every run executes everything. */
    NodeCache NONE = new NodeCache() {
        @Override
        public Outputs get(String key) {
            return null;
        }

        @Override
        public void put(String key, Outputs outputs) {
        }

        @Override
        public void clear() {
        }
    };
}
