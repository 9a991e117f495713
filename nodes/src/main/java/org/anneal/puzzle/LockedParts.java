package org.anneal.puzzle;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.anneal.graph.NodeInstance;
import org.anneal.util.FileDigests;
import org.anneal.spec.NodeDescriptor;
import org.anneal.spec.ParamDescriptor;
import org.anneal.spec.ParamType;
import org.anneal.spec.NodeRegistry;

/**
 * Whether a student's copy of a locked node means the same as the puzzle's, compared by meaning rather than by
 * text: a file parameter by the file it resolves to (relative to each workflow's own folder), or failing that by
 * the file's SHA-256, so "Save as" into the student's own folder (which rewrites {@code ../datasets/x.csv} to
 * {@code ../../course/datasets/x.csv}) or a copy of the dataset beside the workflow is not "a change"; a parameter
 * left out is the same as its declared default. Anything else must be equal as JSON.
 */
public final class LockedParts {
    private final NodeRegistry registry;

    public LockedParts(NodeRegistry registry) {
        this.registry = registry;
    }

    /**
     * Empty when {@code mine} (from a workflow in {@code myBase}) is the locked node {@code original} (from the
     * puzzle in {@code puzzleBase}), else what differs, for the verdict.
     */
    public Optional<String> difference(NodeInstance original, Path puzzleBase, NodeInstance mine, Path myBase) {
        if (!original.type().equals(mine.type())) {
            return Optional.of("its type is " + mine.type() + " instead of " + original.type());
        }
        NodeDescriptor d = registry.find(original.type()).orElse(null);
        Set<String> names = new LinkedHashSet<>();
        original.params().fieldNames().forEachRemaining(names::add);
        mine.params().fieldNames().forEachRemaining(names::add);
        for (String name : names) {
            ParamDescriptor p = d == null ? null : d.params().stream().filter(x -> x.name().equals(name)).findFirst().orElse(null);
            JsonNode a = valueOrDefault(original, name, p);
            JsonNode b = valueOrDefault(mine, name, p);
            if (p != null && p.type() == ParamType.PATH && a != null && b != null && a.isTextual() && b.isTextual()) {
                if (!sameFile(puzzleBase.resolve(a.textValue()), myBase.resolve(b.textValue()))) {
                    return Optional.of("'" + name + "' reads " + b.textValue() + ", not the puzzle's " + a.textValue());
                }
            } else if (!Objects.equals(a, b)) {
                return Optional.of("'" + name + "' is " + (b == null ? "unset" : b) + " instead of " + (a == null ? "unset" : a));
            }
        }
        return Optional.empty();
    }

    private static JsonNode valueOrDefault(NodeInstance n, String name, ParamDescriptor p) {
        JsonNode v = n.params().get(name);
        return v != null || p == null ? v : p.defaultJson();
    }

    /** The same file on disk, or two files with the same content. */
    static boolean sameFile(Path a, Path b) {
        Path na = a.toAbsolutePath().normalize(), nb = b.toAbsolutePath().normalize();
        if (na.equals(nb)) {
            return true;
        }
        try {
            if (Files.isRegularFile(na) && Files.isRegularFile(nb)) {
                return Files.isSameFile(na, nb) || FileDigests.sha256(na).equals(FileDigests.sha256(nb));
            }
        } catch (IOException e) {
            return false; // unreadable: it cannot be shown to be the same data
        }
        return false;
    }
}
