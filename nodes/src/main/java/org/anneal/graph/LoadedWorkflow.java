package org.anneal.graph;

import java.nio.file.Path;
import java.util.List;

/**
 * A workflow together with where it came from: the file (paths inside resolve against its folder), the
 * text locations of its JSON pointers, and what loading had to say (migrations applied).
 *
 * @param file null for a workflow that has never been saved
 */
public record LoadedWorkflow(Workflow workflow, Path file, JsonLocations locations, List<Problem> notes) {
    public LoadedWorkflow {
        notes = List.copyOf(notes);
    }

    public static LoadedWorkflow unsaved(Workflow w, Path baseDir) {
        return new LoadedWorkflow(w, baseDir == null ? null : baseDir.resolve("untitled.json"), JsonLocations.none(""), List.of());
    }

    /** Folder that relative paths in the workflow resolve against. */
    public Path baseDir() {
        return file == null ? Path.of("").toAbsolutePath() : file.toAbsolutePath().getParent();
    }

    /** Location of a node (or one of its fields: {@code "params/lambda"}), by id. */
    public Location locateNode(String nodeId, String field) {
        List<NodeInstance> nodes = workflow.nodes();
        for (int i = 0; i < nodes.size(); i++) {
            if (nodes.get(i).id().equals(nodeId)) {
                return locations.at("/nodes/" + i + (field == null || field.isEmpty() ? "" : "/" + field));
            }
        }
        return locations.at("/nodes");
    }

    /** Location of a wire. */
    public Location locateLink(Link link) {
        int i = workflow.links().indexOf(link);
        return locations.at(i < 0 ? "/links" : "/links/" + i);
    }
}
