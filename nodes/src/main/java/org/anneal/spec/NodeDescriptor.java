package org.anneal.spec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything about a node type, read once from its declaration: the palette, the inspector, the JSON
 * codec, validation, the docs and the leakage analysis all read this and nothing else.
 */
public final class NodeDescriptor {
    private static final ObjectMapper LITERALS = new ObjectMapper();

    private final Node<Record> node;
    private final NodeType decl;
    private final List<InPort<?>> inputs;
    private final List<OutPort<?>> outputs;
    private final Class<? extends Record> paramsType;
    private final List<ParamDescriptor> params;
    private final Constructor<? extends Record> paramsConstructor;

    @SuppressWarnings("unchecked")
    private NodeDescriptor(Node<?> node) {
        Class<?> cls = node.getClass();
        this.node = (Node<Record>) node;
        this.decl = cls.getAnnotation(NodeType.class);
        if (decl == null) {
            throw new IllegalArgumentException(cls.getName() + " lacks @NodeType");
        }
        this.inputs = List.copyOf(NodeDescriptor.<InPort<?>>staticFields(cls, InPort.class));
        this.outputs = List.copyOf(NodeDescriptor.<OutPort<?>>staticFields(cls, OutPort.class));
        this.paramsType = paramsType(cls);
        this.params = List.copyOf(readParams(paramsType, decl.id()));
        try {
            Class<?>[] types = java.util.Arrays.stream(paramsType.getRecordComponents())
                    .map(RecordComponent::getType).toArray(Class<?>[]::new);
            this.paramsConstructor = paramsType.getDeclaredConstructor(types);
            this.paramsConstructor.setAccessible(true);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
        checkUniquePorts();
    }

    public static NodeDescriptor of(Node<?> node) {
        return new NodeDescriptor(node);
    }

    public String id() {
        return decl.id();
    }

    public String title() {
        return decl.title();
    }

    public Phase phase() {
        return decl.phase();
    }

    public LeakageRole role() {
        return decl.role();
    }

    public String doc() {
        return decl.doc();
    }

    /** First sentence of the doc, for tooltips and listings. */
    public String summary() {
        String d = decl.doc();
        int dot = d.indexOf(". ");
        return dot < 0 ? d : d.substring(0, dot + 1);
    }

    public boolean usesTarget() {
        return decl.usesTarget();
    }

    public boolean filtersRows() {
        return decl.filtersRows();
    }

    public boolean expandsRows() {
        return decl.expandsRows();
    }

    public boolean usesDevice() {
        return decl.usesDevice();
    }

    public boolean usesSeed() {
        return decl.usesSeed();
    }

    public SplitStrategy splitStrategy() {
        return decl.split();
    }

    public int version() {
        return decl.version();
    }

    public List<InPort<?>> inputs() {
        return inputs;
    }

    public List<OutPort<?>> outputs() {
        return outputs;
    }

    public List<ParamDescriptor> params() {
        return params;
    }

    public Optional<InPort<?>> input(String name) {
        return inputs.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    public Optional<OutPort<?>> output(String name) {
        return outputs.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    public Optional<ParamDescriptor> param(String name) {
        return params.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    public Node<Record> node() {
        return node;
    }

    /** The default params as they would be written to a file. */
    public ObjectNode defaultParamsJson() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        for (ParamDescriptor p : params) {
            if (p.hasDefault()) {
                o.set(p.name(), p.defaultJson().deepCopy());
            }
        }
        return o;
    }

    /**
     * A problem with one named parameter (unknown name, wrong type, out of range, missing).
     *
     * @param element where inside a list value the fault is ("1" = second element), or ""
     */
    public record ParamIssue(String param, String message, String fix, boolean unknownName, String element) {
        public ParamIssue(String param, String message, String fix, boolean unknownName) {
            this(param, message, fix, unknownName, "");
        }

        /** The JSON pointer tail below {@code params}: {@code kernel/1} for the second element of a kernel. */
        public String path() {
            return element.isEmpty() ? param : param + "/" + element;
        }
    }

    /** Result of binding JSON params: the record (null if any issue) and the issues. */
    public record Binding(Record params, List<ParamIssue> issues) {
        public boolean ok() {
            return issues.isEmpty();
        }
    }

    /** Turns JSON params into the params record, collecting every issue rather than stopping at the first. */
    public Binding bind(ObjectNode json) {
        List<ParamIssue> issues = new ArrayList<>();
        List<String> known = params.stream().map(ParamDescriptor::name).toList();
        for (Iterator<String> it = json.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!known.contains(name)) {
                String closest = Names.closest(name, known);
                issues.add(new ParamIssue(name, "Node type '" + id() + "' has no parameter '" + name + "'.",
                        (closest != null ? "Did you mean '" + closest + "'? " : "")
                                + (known.isEmpty() ? "This node has no parameters." : "Its parameters are: " + String.join(", ", known)),
                        true));
            }
        }
        Object[] values = new Object[params.size()];
        for (int i = 0; i < params.size(); i++) {
            ParamDescriptor p = params.get(i);
            JsonNode v = json.get(p.name());
            if (v == null || v.isNull()) {
                if (!p.hasDefault()) {
                    issues.add(new ParamIssue(p.name(), "Required parameter '" + p.name() + "' is not set.",
                            "Set '" + p.name() + "': " + p.doc(), false));
                    continue;
                }
                v = p.defaultJson();
            }
            try {
                values[i] = p.convert(v);
            } catch (ParamDescriptor.Invalid e) {
                issues.add(new ParamIssue(p.name(), e.getMessage(), e.fix(), false, e.element()));
            }
        }
        if (!issues.isEmpty()) {
            return new Binding(null, List.copyOf(issues));
        }
        try {
            return new Binding(paramsConstructor.newInstance(values), List.of());
        } catch (java.lang.reflect.InvocationTargetException e) {
            // a compact constructor may reject a combination of values; its message is meant for the user
            String msg = e.getCause() != null && e.getCause().getMessage() != null ? e.getCause().getMessage() : e.toString();
            return new Binding(null, List.of(new ParamIssue("", msg, "Change the parameters so they agree.", false)));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The names of the params declared {@link Param#tunable()}, in declaration order. */
    public List<String> tunables() {
        return params.stream().filter(ParamDescriptor::tunable).map(ParamDescriptor::name).toList();
    }

    /**
     * A copy of {@code params} with one tunable param set to {@code value}, built through this descriptor: the
     * declared range and the record's own checks apply, so tuning cannot try what a file could not hold.
     *
     * @throws ParamDescriptor.Invalid naming the param when it is not tunable or the value is out of range
     */
    public Record with(Record params, String name, double value) throws ParamDescriptor.Invalid {
        RecordComponent[] components = paramsType.getRecordComponents();
        Object[] values = new Object[components.length];
        boolean found = false;
        for (int i = 0; i < components.length; i++) {
            ParamDescriptor p = this.params.get(i);
            if (p.name().equals(name) && p.tunable()) {
                values[i] = p.tuned(value);
                found = true;
            } else {
                try {
                    values[i] = components[i].getAccessor().invoke(params);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        if (!found) {
            List<String> tunable = tunables();
            throw new ParamDescriptor.Invalid("'" + id() + "' has no tunable hyperparameter '" + name + "'.",
                    tunable.isEmpty() ? "Use a learner with hyperparameters." : "Tunable: " + String.join(", ", tunable));
        }
        try {
            return paramsConstructor.newInstance(values);
        } catch (java.lang.reflect.InvocationTargetException e) {
            String msg = e.getCause() != null && e.getCause().getMessage() != null ? e.getCause().getMessage() : e.toString();
            throw new ParamDescriptor.Invalid(msg, "Change the values tried for '" + name + "'.");
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every tunable param with its value in {@code params}, in declaration order: what a tune node may vary, and from where. */
    public Map<String, Double> tunableValues(Record params) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (String name : tunables()) {
            out.put(name, numberOf(params, name));
        }
        return out;
    }

    /** The current value of one param as a number (for a tune node's curve), or NaN when it is not numeric. */
    public double numberOf(Record params, String name) {
        for (RecordComponent rc : paramsType.getRecordComponents()) {
            if (rc.getName().equals(name)) {
                try {
                    Object v = rc.getAccessor().invoke(params);
                    return v instanceof Number n ? n.doubleValue() : Double.NaN;
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return Double.NaN;
    }

    /** The params record with every default; node types without defaults for required params fail here. */
    public Record defaults() {
        Binding b = bind(JsonNodeFactory.instance.objectNode());
        if (!b.ok()) {
            throw new IllegalStateException(id() + " has required params: " + b.issues());
        }
        return b.params();
    }

    public Specs configure(Specs in, Record p, ConfigContext ctx) throws ConfigError {
        return node.configure(in, p, ctx);
    }

    public java.util.List<Fingerprint> externalFingerprints(Record p, ConfigContext ctx) throws java.io.IOException, ConfigError {
        return node.externalFingerprints(p, ctx);
    }

    public Outputs execute(Inputs in, Record p, ExecContext ctx) throws Exception {
        return node.execute(in, p, ctx);
    }

    /**
     * The static port fields of the class and of its superclasses, base class first, so a family (fitted transforms,
     * pipeline steps, layer blocks) declares its ports once. A field that re-exposes a base port adds nothing.
     */
    @SuppressWarnings("unchecked")
    private static <T> List<T> staticFields(Class<?> cls, Class<?> type) {
        List<Class<?>> chain = new ArrayList<>();
        for (Class<?> c = cls; c != null && c != Object.class; c = c.getSuperclass()) {
            chain.add(0, c);
        }
        List<T> out = new ArrayList<>();
        for (Class<?> c : chain) {
            // getDeclaredFields keeps source order on HotSpot; port order only matters for display
            for (Field f : c.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers()) && type.isAssignableFrom(f.getType())) {
                    try {
                        f.setAccessible(true);
                        T port = (T) f.get(null);
                        if (out.stream().noneMatch(p -> p == port)) {
                            out.add(port);
                        }
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        }
        return out;
    }

    /** The {@code P} of {@code Node<P>}, declared on the class or on a generic base class that the class binds. */
    @SuppressWarnings("unchecked")
    private static Class<? extends Record> paramsType(Class<?> cls) {
        java.util.Map<java.lang.reflect.TypeVariable<?>, Type> bound = new java.util.HashMap<>();
        for (Class<?> c = cls; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Type t : c.getGenericInterfaces()) {
                if (t instanceof ParameterizedType pt && pt.getRawType() == Node.class) {
                    Type arg = resolve(pt.getActualTypeArguments()[0], bound);
                    if (arg instanceof Class<?> k && Record.class.isAssignableFrom(k)) {
                        return (Class<? extends Record>) k;
                    }
                }
            }
            if (c.getGenericSuperclass() instanceof ParameterizedType sup) {
                java.lang.reflect.TypeVariable<?>[] vars = ((Class<?>) sup.getRawType()).getTypeParameters();
                Type[] args = sup.getActualTypeArguments();
                for (int i = 0; i < vars.length; i++) {
                    bound.put(vars[i], resolve(args[i], bound));
                }
            }
        }
        throw new IllegalArgumentException(cls.getName() + " must implement Node<Params>, directly or through a base class that names Params");
    }

    private static Type resolve(Type t, java.util.Map<java.lang.reflect.TypeVariable<?>, Type> bound) {
        while (t instanceof java.lang.reflect.TypeVariable<?> v && bound.containsKey(v)) {
            t = bound.get(v);
        }
        return t;
    }

    private static List<ParamDescriptor> readParams(Class<? extends Record> type, String nodeId) {
        List<ParamDescriptor> out = new ArrayList<>();
        for (RecordComponent rc : type.getRecordComponents()) {
            Param a = rc.getAnnotation(Param.class);
            if (a == null) {
                throw new IllegalArgumentException(nodeId + ": param '" + rc.getName() + "' lacks @Param");
            }
            ParamType pt = paramType(rc, a, nodeId);
            JsonNode def;
            if (!a.def().isEmpty()) {
                try {
                    def = LITERALS.readTree(a.def());
                } catch (JsonProcessingException e) {
                    throw new IllegalArgumentException(nodeId + ": default of '" + rc.getName() + "' is not JSON: " + a.def());
                }
            } else {
                def = a.required() ? null : ParamDescriptor.emptyFor(pt);
                if (def == null && !a.required()) {
                    throw new IllegalArgumentException(nodeId + ": param '" + rc.getName() + "' needs def or required");
                }
            }
            Class<? extends Enum<?>> enumType = enumType(rc);
            List<String> choices = List.of(a.choices());
            if (enumType != null) {
                // choices on an enum name the constants this node offers (a shared enum, fewer options here)
                List<String> all = Choices.names(enumType);
                if (!all.containsAll(choices)) {
                    throw new IllegalArgumentException(nodeId + ": choices of '" + rc.getName() + "' must be among " + all);
                }
                choices = choices.isEmpty() ? all : choices;
            }
            if (a.tunable() && pt != ParamType.REAL && pt != ParamType.INTEGER) {
                throw new IllegalArgumentException(nodeId + ": only a number can be tunable, not '" + rc.getName() + "'");
            }
            out.add(new ParamDescriptor(rc.getName(), pt, def, a.min(), a.max(), choices, a.doc(), a.required(), enumType, a.tunable()));
        }
        return out;
    }

    private static ParamType paramType(RecordComponent rc, Param a, String nodeId) {
        Class<?> t = rc.getType();
        if (t == double.class) {
            return ParamType.REAL;
        }
        if (t == int.class) {
            return ParamType.INTEGER;
        }
        if (t == boolean.class) {
            return ParamType.BOOLEAN;
        }
        if (t == String.class) {
            if (a.choices().length > 0) {
                return ParamType.CHOICE;
            }
            return switch (a.hint()) {
                case COLUMN -> ParamType.COLUMN;
                case PATH -> ParamType.PATH;
                default -> ParamType.TEXT;
            };
        }
        if (t.isEnum()) {
            return ParamType.CHOICE;
        }
        if (t == List.class) {
            Type element = rc.getGenericType() instanceof ParameterizedType pt ? pt.getActualTypeArguments()[0] : String.class;
            if (element == Integer.class) {
                return ParamType.INTEGER_LIST;
            }
            if (element == Double.class) {
                return ParamType.REAL_LIST;
            }
            if (element != String.class) {
                throw new IllegalArgumentException(nodeId + ": unsupported list element " + element + " of '" + rc.getName() + "'");
            }
            return a.hint() == Param.Hint.COLUMNS ? ParamType.COLUMNS : ParamType.TEXT_LIST;
        }
        throw new IllegalArgumentException(nodeId + ": unsupported param type " + t + " of '" + rc.getName() + "'");
    }

    @SuppressWarnings("unchecked")
    private static Class<? extends Enum<?>> enumType(RecordComponent rc) {
        return rc.getType().isEnum() ? (Class<? extends Enum<?>>) rc.getType() : null;
    }

    private void checkUniquePorts() {
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (InPort<?> p : inputs) {
            if (!seen.add("in:" + p.name())) {
                throw new IllegalStateException(id() + ": duplicate input " + p.name());
            }
        }
        for (OutPort<?> p : outputs) {
            if (!seen.add("out:" + p.name())) {
                throw new IllegalStateException(id() + ": duplicate output " + p.name());
            }
        }
    }
}
