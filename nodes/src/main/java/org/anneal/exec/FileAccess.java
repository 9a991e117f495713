package org.anneal.exec;

import java.nio.file.Path;
import java.util.List;
import org.anneal.spec.ConfigContext;
import org.anneal.spec.ConfigError;

/**
 * Resolves path parameters against the workflow file's folder. With allowed roots set (grading
 * untrusted hand-ins), a path that leaves them (../ or absolute elsewhere) is refused.
 */
public final class FileAccess implements ConfigContext {
    private final Path baseDir;
    private final List<Path> allowedRoots;

    public FileAccess(Path baseDir, List<Path> allowedRoots) {
        this.baseDir = baseDir.toAbsolutePath().normalize();
        this.allowedRoots = allowedRoots.stream().map(p -> p.toAbsolutePath().normalize()).toList();
    }

    /** Any path is allowed: the user's own workflows on the user's own machine. */
    public static FileAccess unrestricted(Path baseDir) {
        return new FileAccess(baseDir, List.of());
    }

    public Path baseDir() {
        return baseDir;
    }

    /** The same access, as seen by one node. */
    public ConfigContext forNode(String id) {
        FileAccess self = this;
        return new ConfigContext() {
            @Override
            public Path resolve(String path, String param) throws ConfigError {
                return self.resolve(path, param);
            }

            @Override
            public String nodeId() {
                return id;
            }
        };
    }

    @Override
    public String nodeId() {
        return "";
    }

    @Override
    public Path resolve(String path, String param) throws ConfigError {
        if (path == null || path.isBlank()) {
            throw ConfigError.atParam(param, "No file is set.", "Set '" + param + "' to a file path, relative to the workflow file.");
        }
        Path p;
        try {
            p = baseDir.resolve(path).normalize();
        } catch (java.nio.file.InvalidPathException e) {
            throw ConfigError.atParam(param, "'" + path + "' is not a valid file path.", "Use a path like datasets/alloys.csv.");
        }
        if (!allowedRoots.isEmpty() && allowedRoots.stream().noneMatch(p::startsWith)) {
            throw ConfigError.atParam(param, "The path '" + path + "' leads outside the folders this run may read.",
                    "Keep datasets inside " + allowedRoots.stream().map(Path::toString).toList() + ".");
        }
        return p;
    }
}
