package org.anneal.graph;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads and writes workflow files. Reading reports every structural problem with its line, column and
 * JSON pointer; nothing in a file can make Jackson instantiate a class. Writing is canonical (fixed key
 * order and formatting) and atomic, so a save never leaves half a file and a round trip is byte-stable.
 */
public final class WorkflowCodec {
    /** Bounds for untrusted files (hand-ins): larger files are refused before parsing. */
    public static final long MAX_FILE_BYTES = 8L << 20;
    public static final int MAX_NODES = 5_000;
    public static final Set<String> BLOCKS = Set.of("frames", "puzzle", "leakage", "expect", "handin");
    /** Blocks are read and written in this order, whatever order an edit added them in, so saving stays canonical. */
    private static final List<String> BLOCK_ORDER = List.of("frames", "puzzle", "leakage", "expect", "handin");
    public static final Set<String> DEVICES = Set.of("auto", "cpu", "gpu");

    private static final Set<String> TOP_KEYS = Set.of("format", "version", "meta", "nodes", "links");
    private static final Set<String> META_KEYS = Set.of("title", "description", "seed", "device", "unit", "goals");
    private static final Set<String> NODE_KEYS = Set.of("id", "type", "typeVersion", "params", "ui");
    private static final Set<String> LINK_KEYS = Set.of("from", "to");
    private static final Pattern NODE_ID = Pattern.compile("[A-Za-z0-9_.\\-]{1,64}");

    private final WorkflowMigrations migrations;

    public WorkflowCodec() {
        this(WorkflowMigrations.standard());
    }

    public WorkflowCodec(WorkflowMigrations migrations) {
        this.migrations = migrations;
    }

    /** Reads a workflow file; every problem that stops it from loading is in the exception. */
    public LoadedWorkflow read(Path file) throws WorkflowFileException {
        String label = file.toString();
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                throw new WorkflowFileException(Problem.error("file.too-large",
                        "The file is " + size / 1024 + " KiB; workflow files are limited to " + (MAX_FILE_BYTES >> 10) + " KiB.",
                        "Check that this is a workflow file and not a dataset.").at(new Location(label, "", 0, 0)));
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new WorkflowFileException(Problem.error("file.missing", "There is no file '" + label + "'.",
                    "Check the path and the current folder.").at(new Location(label, "", 0, 0)));
        } catch (IOException e) {
            throw new WorkflowFileException(Problem.error("file.unreadable", "Cannot read '" + label + "': " + e.getMessage(),
                    "Check that the file exists and that you may read it.").at(new Location(label, "", 0, 0)));
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new WorkflowFileException(Problem.error("file.encoding", "The file is not UTF-8 text.",
                    "Workflow files are JSON text in UTF-8; re-save it from Anneal or a text editor.").at(new Location(label, "", 0, 0)));
        }
        if (text.startsWith("\uFEFF")) { // a byte-order mark, as some Windows editors write: harmless, skip it
            text = text.substring(1);
        }
        return parse(text, file.toAbsolutePath(), label);
    }

    /** Parses workflow text; {@code file} (may be null) is where relative paths resolve. */
    public LoadedWorkflow parse(String text, Path file, String label) throws WorkflowFileException {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            JsonLocation l = e.getLocation();
            throw new WorkflowFileException(Problem.error("json.syntax", "The file is not valid JSON: " + plainJsonError(e.getOriginalMessage()),
                    "Fix the JSON near this line (a missing comma, quote or bracket is typical), or open an autosaved copy.")
                    .at(new Location(label, "", l == null ? 0 : l.getLineNr(), l == null ? 0 : l.getColumnNr())));
        }
        JsonLocations locs = JsonLocations.scan(label, text);
        List<Problem> problems = new ArrayList<>();
        List<Problem> notes = new ArrayList<>();
        if (root == null || !root.isObject()) {
            throw new WorkflowFileException(Problem.error("format.not-object", "The file holds JSON but not a workflow object.",
                    "A workflow file starts with { \"format\": \"anneal-workflow\", ... }.").at(locs.at("")));
        }
        ObjectNode obj = (ObjectNode) root;
        JsonNode format = obj.get("format");
        if (format == null || !Workflow.FORMAT.equals(format.asText())) {
            throw new WorkflowFileException(Problem.error("format.unknown",
                    "This is not an Anneal workflow file (it lacks \"format\": \"anneal-workflow\").",
                    "Open a file saved by Anneal, or add the format and version fields.").at(locs.at(format == null ? "" : "/format")));
        }
        String[] unwritable = UnwritableValues.find(obj, "");
        if (unwritable != null) {
            throw new WorkflowFileException(Problem.error("format.bad-value", "The value at " + (unwritable[0].isEmpty() ? "the top" : unwritable[0]) + " "
                    + unwritable[1] + ".", "Replace it with plain text or an ordinary number.").at(locs.at(unwritable[0])));
        }
        JsonNode versionNode = obj.get("version");
        if (versionNode == null || !versionNode.isIntegralNumber() || !versionNode.canConvertToInt() || versionNode.intValue() < 1) {
            throw new WorkflowFileException(Problem.error("format.version", "The file has no valid \"version\" (a whole number, 1 or more).",
                    "Add \"version\": " + Workflow.FORMAT_VERSION + " after the format field.").at(locs.at(versionNode == null ? "" : "/version")));
        }
        int version = versionNode.intValue();
        if (version > migrations.current()) {
            throw new WorkflowFileException(Problem.error("format.newer",
                    "This file was saved by a newer Anneal (format version " + version + "; this one reads up to " + migrations.current() + ").",
                    "Update Anneal to open it.").at(locs.at("/version")));
        }
        if (version < migrations.current()) {
            if (!migrations.canMigrate(version)) {
                throw new WorkflowFileException(Problem.error("format.no-migration",
                        "Format version " + version + " cannot be upgraded by this Anneal.", "Open it in the Anneal version that wrote it and save again.")
                        .at(locs.at("/version")));
            }
            obj = migrations.migrate(obj.deepCopy(), version);
            notes.add(Problem.warning("format.migrated", "Upgraded from format version " + version + " to " + migrations.current() + ".",
                    "Save the workflow to keep the new format.").at(locs.at("/version")));
            // line numbers refer to the original text and may no longer match moved fields
        }
        for (Iterator<String> it = obj.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!TOP_KEYS.contains(k) && !BLOCKS.contains(k)) {
                problems.add(unknownKey(k, "the top level", union(TOP_KEYS, BLOCKS), locs.at("/" + k)));
            }
        }
        Meta meta = readMeta(obj.get("meta"), locs, problems);
        List<NodeInstance> nodes = readNodes(obj.get("nodes"), locs, problems);
        List<Link> links = readLinks(obj.get("links"), locs, problems);
        Map<String, JsonNode> blocks = new LinkedHashMap<>();
        if (obj.has(Frames.BLOCK)) {
            problems.addAll(Frames.check(obj.get(Frames.BLOCK), locs));
        }
        for (String b : BLOCK_ORDER) {
            if (obj.has(b)) {
                blocks.put(b, obj.get(b));
            }
        }
        if (!problems.isEmpty()) {
            throw new WorkflowFileException(problems);
        }
        return new LoadedWorkflow(new Workflow(meta, nodes, links, blocks), file, locs, notes);
    }

    private static Meta readMeta(JsonNode m, JsonLocations locs, List<Problem> problems) {
        Meta d = Meta.defaults();
        if (m == null) {
            return d;
        }
        if (!m.isObject()) {
            problems.add(Problem.error("format.meta", "\"meta\" must be an object.", "Write \"meta\": { \"title\": \"...\", \"seed\": 42 }.").at(locs.at("/meta")));
            return d;
        }
        m.fieldNames().forEachRemaining(k -> {
            if (!META_KEYS.contains(k)) {
                problems.add(unknownKey(k, "\"meta\"", META_KEYS, locs.at("/meta/" + k)));
            }
        });
        String title = text(m, "title", d.title(), "/meta/title", locs, problems);
        String description = text(m, "description", "", "/meta/description", locs, problems);
        long seed = d.seed();
        JsonNode s = m.get("seed");
        if (s != null) {
            if (s.isIntegralNumber() && s.canConvertToLong()) {
                seed = s.longValue();
            } else {
                problems.add(Problem.error("format.seed", "\"seed\" must be a whole number, found " + s + ".", "Write for example \"seed\": 42.")
                        .at(locs.at("/meta/seed")));
            }
        }
        String device = text(m, "device", "auto", "/meta/device", locs, problems);
        if (!DEVICES.contains(device)) {
            problems.add(Problem.error("format.device", "\"device\" is \"" + device + "\" but must be auto, cpu or gpu.",
                    "Use \"auto\" to take a GPU when one works and the CPU otherwise.").at(locs.at("/meta/device")));
            device = "auto";
        }
        String unit = text(m, "unit", "", "/meta/unit", locs, problems);
        return new Meta(title, description, seed, device, unit, goals(m.get("goals"), locs, problems));
    }

    /** {@code "goals": ["Read a parity plot", ...]}: learning goals, each a line of text. */
    private static List<String> goals(JsonNode g, JsonLocations locs, List<Problem> problems) {
        List<String> out = new ArrayList<>();
        if (g == null) {
            return out;
        }
        if (!g.isArray()) {
            problems.add(Problem.error("format.goals", "\"goals\" must be a list of texts, found " + g + ".",
                    "Write \"goals\": [\"Read a parity plot\", \"...\"].").at(locs.at("/meta/goals")));
            return out;
        }
        for (int i = 0; i < g.size(); i++) {
            out.add(text(g, i, locs, problems));
        }
        return out;
    }

    private static String text(JsonNode arr, int i, JsonLocations locs, List<Problem> problems) {
        JsonNode v = arr.get(i);
        if (!v.isTextual()) {
            problems.add(Problem.error("format.text", "Goal " + (i + 1) + " must be text in quotes, found " + v + ".", "Put the goal in quotes.")
                    .at(locs.at("/meta/goals/" + i)));
            return "";
        }
        return v.textValue();
    }

    private static List<NodeInstance> readNodes(JsonNode arr, JsonLocations locs, List<Problem> problems) {
        List<NodeInstance> out = new ArrayList<>();
        if (arr == null) {
            return out;
        }
        if (!arr.isArray()) {
            problems.add(Problem.error("format.nodes", "\"nodes\" must be a list [ ... ].", "Write \"nodes\": [ { \"id\": ..., \"type\": ... } ].").at(locs.at("/nodes")));
            return out;
        }
        if (arr.size() > MAX_NODES) {
            problems.add(Problem.error("format.too-many-nodes", "The file has " + arr.size() + " nodes; the limit is " + MAX_NODES + ".",
                    "Split the workflow.").at(locs.at("/nodes")));
            return out;
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < arr.size(); i++) {
            String at = "/nodes/" + i;
            JsonNode n = arr.get(i);
            if (!n.isObject()) {
                problems.add(Problem.error("format.node", "Node " + (i + 1) + " is not an object.", "Each node is { \"id\": ..., \"type\": ... }.").at(locs.at(at)));
                continue;
            }
            n.fieldNames().forEachRemaining(k -> {
                if (!NODE_KEYS.contains(k)) {
                    problems.add(unknownKey(k, "a node", NODE_KEYS, locs.at(at + "/" + k)));
                }
            });
            String id = text(n, "id", null, at + "/id", locs, problems);
            String type = text(n, "type", null, at + "/type", locs, problems);
            if (id == null || type == null) {
                if (!n.has("id") || !n.has("type")) {
                    problems.add(Problem.error("format.node-fields", "Node " + (i + 1) + " needs both \"id\" and \"type\".",
                            "Add the missing field.").at(locs.at(at)));
                }
                continue;
            }
            if (!NODE_ID.matcher(id).matches()) {
                problems.add(Problem.error("format.node-id", "Node id '" + id + "' may use only letters, digits, '_', '.' and '-' (at most 64).",
                        "Rename the node.").at(locs.at(at + "/id")));
                continue;
            }
            if (!ids.add(id)) {
                problems.add(Problem.error("format.duplicate-id", "Two nodes are called '" + id + "'.", "Give each node its own id.").at(locs.at(at + "/id")));
                continue;
            }
            int typeVersion = 1;
            JsonNode tv = n.get("typeVersion");
            if (tv != null) {
                if (!tv.isIntegralNumber() || tv.intValue() < 1) {
                    problems.add(Problem.error("format.type-version", "\"typeVersion\" must be a whole number of at least 1.", "Remove it or fix it.")
                            .at(locs.at(at + "/typeVersion")));
                } else {
                    typeVersion = tv.intValue();
                }
            }
            JsonNode params = n.get("params");
            if (params != null && !params.isObject()) {
                problems.add(Problem.error("format.params", "\"params\" of node '" + id + "' must be an object { \"name\": value }.",
                        "Parameters are stored by name.").at(locs.at(at + "/params")));
                continue;
            }
            NodeInstance.Position pos = null;
            JsonNode ui = n.get("ui");
            if (ui != null) {
                if (ui.isObject() && ui.path("x").isNumber() && ui.path("y").isNumber() && ui.size() == 2) {
                    pos = new NodeInstance.Position(ui.get("x").doubleValue(), ui.get("y").doubleValue());
                } else {
                    problems.add(Problem.error("format.ui", "\"ui\" of node '" + id + "' must be { \"x\": number, \"y\": number }.",
                            "Fix or remove it; the editor will place the node.").at(locs.at(at + "/ui")));
                }
            }
            out.add(new NodeInstance(id, type, typeVersion, (ObjectNode) params, pos));
        }
        return out;
    }

    private static List<Link> readLinks(JsonNode arr, JsonLocations locs, List<Problem> problems) {
        List<Link> out = new ArrayList<>();
        if (arr == null) {
            return out;
        }
        if (!arr.isArray()) {
            problems.add(Problem.error("format.links", "\"links\" must be a list [ ... ].", "Write \"links\": [ { \"from\": \"a:out\", \"to\": \"b:in\" } ].")
                    .at(locs.at("/links")));
            return out;
        }
        for (int i = 0; i < arr.size(); i++) {
            String at = "/links/" + i;
            JsonNode l = arr.get(i);
            if (!l.isObject()) {
                problems.add(Problem.error("format.link", "Link " + (i + 1) + " is not an object.", "Each link is { \"from\": \"node:port\", \"to\": \"node:port\" }.")
                        .at(locs.at(at)));
                continue;
            }
            l.fieldNames().forEachRemaining(k -> {
                if (!LINK_KEYS.contains(k)) {
                    problems.add(unknownKey(k, "a link", LINK_KEYS, locs.at(at + "/" + k)));
                }
            });
            PortRef from = portRef(l, "from", at, locs, problems);
            PortRef to = portRef(l, "to", at, locs, problems);
            if (from != null && to != null) {
                out.add(new Link(from, to));
            }
        }
        return out;
    }

    private static PortRef portRef(JsonNode l, String key, String at, JsonLocations locs, List<Problem> problems) {
        JsonNode v = l.get(key);
        PortRef ref = v != null && v.isTextual() ? PortRef.parse(v.textValue()) : null;
        if (ref == null) {
            problems.add(Problem.error("format.port-ref", "\"" + key + "\" must be text of the form \"node:port\"" + (v == null ? " but is missing." : ", found " + v + "."),
                    "For example \"" + key + "\": \"split:train\".").at(locs.at(at + (v == null ? "" : "/" + key))));
        }
        return ref;
    }

    private static String text(JsonNode o, String key, String dflt, String at, JsonLocations locs, List<Problem> problems) {
        JsonNode v = o.get(key);
        if (v == null) {
            return dflt;
        }
        if (!v.isTextual()) {
            problems.add(Problem.error("format.text", "\"" + key + "\" must be text in quotes, found " + v + ".", "Put the value in quotes.").at(locs.at(at)));
            return dflt;
        }
        return v.textValue();
    }

    private static Problem unknownKey(String key, String where, Set<String> known, Location loc) {
        String closest = org.anneal.spec.Names.closest(key, known);
        return Problem.error("format.unknown-field", "Unknown field \"" + key + "\" in " + where + ".",
                (closest != null ? "Did you mean \"" + closest + "\"? " : "") + "Known fields: " + String.join(", ", new java.util.TreeSet<>(known)) + ".")
                .at(loc);
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> s = new HashSet<>(a);
        s.addAll(b);
        return s;
    }

    /** The canonical text of a workflow: fixed key order, two-space indent, LF, final newline. */
    public String write(Workflow w) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode root = f.objectNode();
        root.put("format", Workflow.FORMAT);
        root.put("version", Workflow.FORMAT_VERSION);
        ObjectNode meta = root.putObject("meta");
        meta.put("title", w.meta().title());
        if (!w.meta().description().isEmpty()) {
            meta.put("description", w.meta().description());
        }
        meta.put("seed", w.meta().seed());
        meta.put("device", w.meta().device());
        if (!w.meta().unit().isEmpty()) {
            meta.put("unit", w.meta().unit());
        }
        if (!w.meta().goals().isEmpty()) {
            w.meta().goals().forEach(meta.putArray("goals")::add);
        }
        var nodes = root.putArray("nodes");
        for (NodeInstance n : w.nodes()) {
            ObjectNode o = nodes.addObject();
            o.put("id", n.id());
            o.put("type", n.type());
            if (n.typeVersion() > 1) {
                o.put("typeVersion", n.typeVersion());
            }
            ObjectNode params = n.params();
            if (!params.isEmpty()) {
                o.set("params", params);
            }
            if (n.position() != null) {
                ObjectNode ui = o.putObject("ui");
                putNumber(ui, "x", n.position().x());
                putNumber(ui, "y", n.position().y());
            }
        }
        var links = root.putArray("links");
        for (Link l : w.links()) {
            ObjectNode o = links.addObject();
            o.put("from", l.from().toString());
            o.put("to", l.to().toString());
        }
        for (String b : BLOCK_ORDER) {
            if (w.blocks().containsKey(b)) {
                root.set(b, w.blocks().get(b));
            }
        }
        w.blocks().forEach((k, v) -> {
            if (!BLOCK_ORDER.contains(k)) {
                root.set(k, v); // not from a file (the reader knows only the ordered ones); kept rather than lost
            }
        });
        try {
            return Json.PRETTY.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void putNumber(ObjectNode o, String key, double v) {
        double rounded = Math.round(v * 10) / 10.0; // canvas positions need no more precision
        if (rounded == Math.rint(rounded)) {
            o.put(key, (long) rounded);
        } else {
            o.put(key, rounded);
        }
    }

    /** A file saved over another keeps the other's permissions (a shared 0664 course file stays 0664). */
    private static void keepPermissions(Path from, Path to) {
        try {
            if (Files.exists(from)) {
                Files.setPosixFilePermissions(to, Files.getPosixFilePermissions(from));
            }
        } catch (UnsupportedOperationException | IOException e) {
            // not a POSIX file system (Windows): the new file has the folder's defaults, as any new file would
        }
    }

    /** Saves atomically: the old file stays intact until the new one is complete on disk. */
    public void save(Workflow w, Path file) throws IOException {
        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        Files.createDirectories(dir);
        // not createTempFile: its 0600 would become the saved file's permissions; this one gets the umask's
        Path tmp = dir.resolve("." + target.getFileName() + "." + Long.toHexString(System.nanoTime()) + ".tmp");
        try {
            Files.writeString(tmp, write(w), StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE);
            keepPermissions(target, tmp);
            try (var ch = java.nio.channels.FileChannel.open(tmp, java.nio.file.StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Jackson's message without its "(start marker at [Source: REDACTED …; line: 1, column: 54])" tail: the
     * problem's own location already says where, and a student should not read parser internals.
     */
    static String plainJsonError(String message) {
        int tail = message == null ? -1 : message.indexOf(" (start marker at [Source:");
        return tail < 0 ? String.valueOf(message) : message.substring(0, tail);
    }
}
