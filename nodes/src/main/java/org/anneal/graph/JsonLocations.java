package org.anneal.graph;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Line and column of every JSON pointer in a document. Jackson's trees forget where values came from, so
 * a second streaming pass records it; problems found later on the tree can then say "line 14, column 7".
 */
public final class JsonLocations {
    private final String file;
    private final Map<String, int[]> byPointer;

    private JsonLocations(String file, Map<String, int[]> byPointer) {
        this.file = file;
        this.byPointer = byPointer;
    }

    public static JsonLocations none(String file) {
        return new JsonLocations(file, Map.of());
    }

    /** Scans well-formed JSON text (call only after the tree parsed). */
    public static JsonLocations scan(String file, String text) {
        Map<String, int[]> map = new HashMap<>();
        try (JsonParser p = Json.MAPPER.getFactory().createParser(text)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                JsonStreamContext ctx = p.getParsingContext();
                String pointer;
                if (t == JsonToken.FIELD_NAME) {
                    pointer = ctx.pathAsPointer().toString();
                } else if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                    pointer = ctx.getParent() == null ? "" : ctx.getParent().pathAsPointer().toString();
                } else if (t.isScalarValue()) {
                    pointer = ctx.pathAsPointer().toString();
                } else {
                    continue;
                }
                JsonLocation loc = p.currentTokenLocation();
                map.putIfAbsent(pointer, new int[] {loc.getLineNr(), loc.getColumnNr()});
            }
        } catch (IOException e) {
            return none(file);
        }
        return new JsonLocations(file, map);
    }

    /** The location of {@code pointer}, or of its closest ancestor that was found. */
    public Location at(String pointer) {
        String p = pointer;
        while (true) {
            int[] lc = byPointer.get(p);
            if (lc != null) {
                return new Location(file, pointer, lc[0], lc[1]);
            }
            if (p.isEmpty()) {
                return new Location(file, pointer, 0, 0);
            }
            p = p.substring(0, p.lastIndexOf('/'));
        }
    }

    public String file() {
        return file;
    }
}
