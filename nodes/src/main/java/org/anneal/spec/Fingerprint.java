package org.anneal.spec;

/**
 * Digest of something outside the graph a node reads, such as a dataset file. It feeds the cache key
 * (change the file and the node re-runs) and the provenance of results and hand-ins.
 *
 * @param what   what was read, e.g. the path as written in the workflow
 * @param sha256 lowercase hex SHA-256 of its bytes
 */
public record Fingerprint(String what, String sha256) {
}
