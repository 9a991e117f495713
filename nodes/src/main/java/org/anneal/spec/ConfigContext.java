package org.anneal.spec;

import java.nio.file.Path;

/** What configure may ask of the outside world. */
public interface ConfigContext {
    /** Resolves a path parameter against the workflow file's folder, enforcing the allowed folders. */
    Path resolve(String path, String param) throws ConfigError;

    /** Id of the node being configured or run: splits name their partitions after it. */
    String nodeId();
}
