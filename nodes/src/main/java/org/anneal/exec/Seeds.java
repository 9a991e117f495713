package org.anneal.exec;

import java.nio.charset.StandardCharsets;

/**
 * Per-node seeds derived from the workflow seed and the node's id: adding or removing other nodes never
 * changes a node's random numbers, and the same file gives the same numbers on every machine.
 */
public final class Seeds {
    private Seeds() {
    }

    public static long forNode(long workflowSeed, String nodeId) {
        long h = 0xcbf29ce484222325L; // FNV-1a over the id's UTF-8 bytes
        for (byte b : nodeId.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return mix(workflowSeed ^ h);
    }

    /** SplitMix64 finaliser: spreads nearby inputs over all 64 bits. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
