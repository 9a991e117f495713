package org.anneal.graph;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * One node on the canvas. Params stay JSON until validation binds them, so a file with an unknown type or
 * a misspelt parameter still loads, shows, and saves without losing anything.
 *
 * @param typeVersion the version of the node type the params were written for
 * @param position    canvas position, or null when the file has none
 */
public record NodeInstance(String id, String type, int typeVersion, ObjectNode params, Position position) {
    public NodeInstance {
        Objects.requireNonNull(id);
        Objects.requireNonNull(type);
        params = params == null ? JsonNodeFactory.instance.objectNode() : params.deepCopy();
    }

    public static NodeInstance of(String id, String type) {
        return new NodeInstance(id, type, 1, null, null);
    }

    /** A defensive copy: records cannot stop callers mutating the JSON tree. */
    @Override
    public ObjectNode params() {
        return params.deepCopy();
    }

    public NodeInstance withParams(ObjectNode p) {
        return new NodeInstance(id, type, typeVersion, p, position);
    }

    public NodeInstance withParam(String name, Object value) {
        ObjectNode p = params();
        p.set(name, Json.MAPPER.valueToTree(value));
        return withParams(p);
    }

    public NodeInstance withPosition(Position p) {
        return new NodeInstance(id, type, typeVersion, params, p);
    }

    public NodeInstance withTypeVersion(int v) {
        return new NodeInstance(id, type, v, params, position);
    }

    /** Canvas coordinates. */
    public record Position(double x, double y) {
    }
}
