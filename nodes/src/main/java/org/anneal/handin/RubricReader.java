package org.anneal.handin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.anneal.graph.Json;
import org.anneal.graph.JsonLocations;
import org.anneal.ml.MetricNames;
import org.anneal.spec.Names;
import org.anneal.spec.NodeRegistry;

/**
 * Reads a rubric strictly (issue 13): a misspelt key, metric, rule or block type would otherwise make a criterion
 * silently "not met" for the whole class, so every problem is reported at once with its line and column, the way
 * workflow files report theirs ({@link JsonLocations}).
 */
final class RubricReader {
    static final Set<String> TOP_KEYS = Set.of("format", "version", "datasets", "tolerance", "timeLimitSeconds", "criteria");
    static final Set<String> CRITERION_KEYS = Set.of("id", "text", "points", "metric", "min", "max", "noFindings", "requiresNodeType");
    /** Leakage rules L1, L2, ... and run-time checks D1, D2, ...; {@code errors} is every error-level finding. */
    private static final Pattern RULE = Pattern.compile("[LD][1-9][0-9]?|errors");
    private static final int MAX_TIME_LIMIT = 24 * 3600;

    private final List<String> problems = new ArrayList<>();
    private final JsonLocations where;

    private RubricReader(JsonLocations where) {
        this.where = where;
    }

    static Rubric read(Path file) throws IOException {
        if (Files.size(file) > (1 << 20)) {
            throw new IOException(file + " is larger than 1 MiB; a rubric is a short file.");
        }
        String text = Files.readString(file);
        JsonNode r;
        try {
            r = Json.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            var l = e.getLocation();
            throw new IOException(file + (l == null ? "" : ":" + l.getLineNr() + ":" + l.getColumnNr()) + ": not valid JSON: " + e.getOriginalMessage());
        }
        if (r == null || !r.isObject() || !"anneal-rubric".equals(r.path("format").asText())) {
            throw new IOException(file + " is not a rubric (it lacks \"format\": \"anneal-rubric\"); the README's section on grading has an example.");
        }
        RubricReader reader = new RubricReader(JsonLocations.scan(file.toString(), text));
        Rubric rubric = reader.rubric(r, file.toAbsolutePath().getParent());
        if (!reader.problems.isEmpty()) {
            throw new IOException("the rubric has " + reader.problems.size() + " problem(s):\n  " + String.join("\n  ", reader.problems));
        }
        return rubric;
    }

    private Rubric rubric(JsonNode r, Path base) {
        keys(r, "", TOP_KEYS);
        if (r.has("version") && !(r.get("version").canConvertToInt() && r.get("version").asInt() == 1)) {
            problem("/version", "version " + r.get("version") + " is not one this Anneal reads (1).");
        }
        List<Path> datasets = new ArrayList<>();
        JsonNode ds = r.path("datasets");
        if (!ds.isMissingNode() && !ds.isArray()) {
            problem("/datasets", "\"datasets\" is a list of folders, e.g. [\"../datasets\"].");
        }
        for (int i = 0; i < ds.size(); i++) {
            JsonNode d = ds.get(i);
            Path folder = d.isTextual() ? base.resolve(d.asText()).normalize() : null;
            if (folder == null || !Files.isDirectory(folder)) {
                problem("/datasets/" + i, (folder == null ? d + " is not a folder name" : "the folder " + folder + " does not exist")
                        + "; hand-ins read their datasets from these folders only.");
            } else {
                datasets.add(folder);
            }
        }
        double tolerance = number(r, "", "tolerance", 1e-9, 0, 1);
        double limit = number(r, "", "timeLimitSeconds", 120, 1, MAX_TIME_LIMIT);
        if (limit != Math.rint(limit)) {
            problem("/timeLimitSeconds", "timeLimitSeconds is a whole number of seconds.");
        }
        JsonNode cs = r.path("criteria");
        if (!cs.isArray() || cs.isEmpty()) {
            problem(cs.isMissingNode() ? "" : "/criteria", "\"criteria\" is a non-empty list: what earns points.");
        }
        List<Rubric.Criterion> criteria = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < cs.size(); i++) {
            Rubric.Criterion c = criterion(cs.get(i), "/criteria/" + i);
            if (c != null && !ids.add(c.id())) {
                problem("/criteria/" + i + "/id", "two criteria are called '" + c.id() + "'; each needs its own id (it heads a column of the report).");
            }
            if (c != null) {
                criteria.add(c);
            }
        }
        return new Rubric(List.copyOf(datasets), tolerance, (int) limit, List.copyOf(criteria));
    }

    private Rubric.Criterion criterion(JsonNode c, String at) {
        if (!c.isObject()) {
            problem(at, "a criterion is an object: {\"id\": ..., \"points\": ..., and one of metric, noFindings, requiresNodeType}.");
            return null;
        }
        keys(c, at, CRITERION_KEYS);
        String id = c.path("id").asText("");
        if (!c.path("id").isTextual() || id.isBlank()) {
            problem(at, "a criterion needs an \"id\" (a short name, the column's heading in the report).");
        }
        double points = number(c, at, "points", 1, 0, 1e6);
        List<String> kinds = new ArrayList<>();
        for (String k : List.of("metric", "noFindings", "requiresNodeType")) {
            if (c.has(k)) {
                kinds.add(k);
            }
        }
        if (kinds.size() != 1) {
            problem(at, "criterion '" + id + "' needs exactly one of \"metric\", \"noFindings\", \"requiresNodeType\""
                    + (kinds.isEmpty() ? "" : " (it has " + String.join(" and ", kinds) + ")") + ".");
        }
        String metric = c.has("metric") ? metric(c.get("metric"), at + "/metric") : null;
        if (metric == null && (c.has("min") || c.has("max"))) {
            problem(at + (c.has("min") ? "/min" : "/max"), "\"min\" and \"max\" go with a \"metric\".");
        }
        double min = number(c, at, "min", Double.NEGATIVE_INFINITY, -Double.MAX_VALUE, Double.MAX_VALUE);
        double max = number(c, at, "max", Double.POSITIVE_INFINITY, -Double.MAX_VALUE, Double.MAX_VALUE);
        if (min > max) {
            problem(at + "/max", "max " + max + " is below min " + min + "; no hand-in could meet it.");
        }
        List<String> rules = new ArrayList<>();
        JsonNode nf = c.path("noFindings");
        if (c.has("noFindings") && (!nf.isArray() || nf.isEmpty())) {
            problem(at + "/noFindings", "\"noFindings\" is a non-empty list of rules, e.g. [\"L1\", \"L2\"] or [\"errors\"].");
        }
        for (int i = 0; i < nf.size(); i++) {
            String rule = nf.get(i).asText("");
            if (!nf.get(i).isTextual() || !RULE.matcher(rule).matches()) {
                problem(at + "/noFindings/" + i, "'" + nf.get(i).asText() + "' is not a rule: use L1, L2, ... (static), D1, D2, ... (run-time) "
                        + "or \"errors\" (any error-level finding).");
            }
            rules.add(rule);
        }
        String type = c.has("requiresNodeType") ? nodeType(c.get("requiresNodeType"), at + "/requiresNodeType") : null;
        return new Rubric.Criterion(id, c.path("text").asText(id), points, metric, min, max, List.copyOf(rules), type);
    }

    /** "node.metric": the node's id in the hand-ins, then a name Anneal computes. */
    private String metric(JsonNode m, String at) {
        String s = m.asText("");
        int dot = s.indexOf('.');
        if (!m.isTextual() || dot <= 0 || dot == s.length() - 1) {
            problem(at, "\"metric\" is NODE.METRIC, the id of the scoring node in the hand-ins and the metric's name, e.g. \"score.r2\".");
            return s;
        }
        String name = s.substring(dot + 1);
        if (!MetricNames.known(name)) {
            problem(at, MetricNames.unknown(name) + " Metrics: " + MetricNames.listed() + ".");
        }
        return s;
    }

    private String nodeType(JsonNode t, String at) {
        String s = t.asText("");
        var ids = NodeRegistry.standard().ids();
        if (!t.isTextual() || !ids.contains(s)) {
            String near = Names.closest(s, ids);
            problem(at, "'" + s + "' is not a block type" + (near == null ? "" : " (did you mean '" + near + "'?)") + "; `anneal nodes` lists them.");
        }
        return s;
    }

    private double number(JsonNode parent, String at, String key, double absent, double lo, double hi) {
        JsonNode v = parent.get(key);
        if (v == null) {
            return absent;
        }
        if (!v.isNumber() || !Double.isFinite(v.asDouble()) || v.asDouble() < lo || v.asDouble() > hi) {
            problem(at + "/" + key, "\"" + key + "\" is " + v + "; it takes a number" + (lo > -Double.MAX_VALUE ? " from " + fmt(lo) + " to " + fmt(hi) : "") + ".");
            return absent;
        }
        return v.asDouble();
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    private void keys(JsonNode object, String at, Set<String> known) {
        object.fieldNames().forEachRemaining(k -> {
            if (!known.contains(k)) {
                String near = Names.closest(k, known);
                problem(at + "/" + k, "unknown key \"" + k + "\"" + (near == null ? "" : " (did you mean \"" + near + "\"?)") + "; known: "
                        + String.join(", ", new java.util.TreeSet<>(known)) + ".");
            }
        });
    }

    private void problem(String pointer, String message) {
        problems.add(where.at(pointer) + ": " + message);
    }
}
