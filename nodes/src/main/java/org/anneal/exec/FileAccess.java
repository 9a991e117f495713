package org.anneal.exec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.anneal.spec.ConfigContext;
import org.anneal.spec.ConfigError;

/**
 * Resolves path parameters against the workflow file's folder. With allowed roots set (grading
 * untrusted hand-ins), a path that leaves them ({@code ../} escapes, absolute paths elsewhere, symbolic
 * links out) is refused. Dataset folders are where a file that is not beside the workflow is looked up by
 * name: hand-ins are collected into one folder, away from the datasets they were written against.
 */
public final class FileAccess implements ConfigContext {
    private final Path baseDir;
    private final List<Path> allowedRoots;
    private final List<Path> datasetFolders;

    public FileAccess(Path baseDir, List<Path> allowedRoots) {
        this(baseDir, allowedRoots, List.of());
    }

    public FileAccess(Path baseDir, List<Path> allowedRoots, List<Path> datasetFolders) {
        this.baseDir = baseDir.toAbsolutePath().normalize();
        this.allowedRoots = allowedRoots.stream().map(p -> p.toAbsolutePath().normalize()).toList();
        this.datasetFolders = datasetFolders.stream().map(p -> p.toAbsolutePath().normalize()).toList();
    }

    /** Any path is allowed: the user's own workflows on the user's own machine. */
    public static FileAccess unrestricted(Path baseDir) {
        return new FileAccess(baseDir, List.of());
    }

    /** Only the hand-in folder and the dataset folders may be read; datasets are found there by name. */
    public static FileAccess sandboxed(Path baseDir, List<Path> datasetFolders) {
        List<Path> roots = new java.util.ArrayList<>(datasetFolders);
        roots.add(baseDir);
        return new FileAccess(baseDir, roots, datasetFolders);
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
        if (allowedRoots.isEmpty()) {
            return p;
        }
        if ((!Files.exists(p) || !allowed(p)) && p.getFileName() != null) { // a root ("/") has no name to look up
            Path name = p.getFileName();
            for (Path folder : datasetFolders) {
                Path candidate = folder.resolve(name).normalize();
                if (Files.isRegularFile(candidate) && allowed(candidate)) {
                    return candidate;
                }
            }
        }
        if (!allowed(p)) {
            throw ConfigError.atParam(param, "The path '" + path + "' leads outside the folders this run may read.",
                    "Keep datasets inside " + allowedRoots.stream().map(Path::toString).toList() + ".");
        }
        return p;
    }

    /** Inside an allowed root, also after following symbolic links. */
    private boolean allowed(Path p) {
        if (allowedRoots.stream().noneMatch(p::startsWith)) {
            return false;
        }
        try {
            Path real = Files.exists(p) ? p.toRealPath() : p;
            return allowedRoots.stream().anyMatch(r -> {
                try {
                    return real.startsWith(Files.exists(r) ? r.toRealPath() : r);
                } catch (java.io.IOException e) {
                    return false;
                }
            });
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
