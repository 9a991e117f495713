package org.anneal.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import org.anneal.exec.FileAccess;
import org.anneal.exec.Validation;
import org.anneal.exec.Validator;
import org.anneal.graph.Json;
import org.anneal.graph.LoadedWorkflow;
import org.anneal.graph.Problem;
import org.anneal.graph.WorkflowCodec;
import org.junit.jupiter.api.Test;

/** Enum, integer-list, number-list and tunable params: declared once on the record, read by the descriptor. */
class ParamTypesTest {

    enum Padding { SAME, VALID, @Choice("k-means++") PLUS_PLUS, MOST_FREQUENT }

    @NodeType(id = "test.layer", title = "Layer", phase = Phase.MODEL, role = LeakageRole.STATELESS, doc = "A test layer.")
    static final class LayerNode implements Node<LayerNode.Params> {
        record Params(@Param(doc = "How the edges are padded", def = "\"same\"") Padding padding,
                      @Param(doc = "Kernel size per axis", def = "[3, 3]", min = 1, max = 64) List<Integer> kernel,
                      @Param(doc = "Dropout per layer", min = 0, max = 1) List<Double> dropout,
                      @Param(doc = "Learning rate", def = "0.01", min = 0, max = 1, tunable = true) double rate,
                      @Param(doc = "Units", def = "8", min = 1, max = 100, tunable = true) int units,
                      @Param(doc = "Not tuned", def = "2", min = 0) double other) {
        }

        static final OutPort<Object> OUT = OutPort.of("out", DataKind.LEARNER, Object.class, "it");

        @Override
        public Specs configure(Specs in, Params p, ConfigContext ctx) {
            return Specs.of(OUT, ValueSpec.of(DataKind.LEARNER));
        }

        @Override
        public Outputs execute(Inputs in, Params p, ExecContext ctx) {
            return Outputs.of(OUT, p);
        }
    }

    @NodeType(id = "test.bad", title = "Bad", phase = Phase.MODEL, role = LeakageRole.STATELESS, doc = "Bad.")
    static final class BadNode implements Node<BadNode.Params> {
        record Params(@Param(doc = "A flag", def = "true", tunable = true) boolean flag) {
        }

        @Override
        public Specs configure(Specs in, Params p, ConfigContext ctx) {
            return Specs.of(java.util.Map.of());
        }

        @Override
        public Outputs execute(Inputs in, Params p, ExecContext ctx) {
            return null; // never run: the declaration is refused
        }
    }

    private static final NodeDescriptor LAYER = NodeDescriptor.of(new LayerNode());

    private static ObjectNode json(String text) throws Exception {
        return (ObjectNode) Json.MAPPER.readTree(text);
    }

    @Test
    void anEnumComponentIsAChoiceOfItsConstantsStoredUnderStableNames() throws Exception {
        ParamDescriptor padding = LAYER.param("padding").orElseThrow();
        assertEquals(ParamType.CHOICE, padding.type());
        assertEquals(List.of("same", "valid", "k-means++", "most-frequent"), padding.choices());
        assertEquals(Padding.PLUS_PLUS, ((LayerNode.Params) LAYER.bind(json("{\"padding\": \"k-means++\"}")).params()).padding());
        assertEquals(Padding.SAME, ((LayerNode.Params) LAYER.defaults()).padding());
        var wrong = LAYER.bind(json("{\"padding\": \"PLUS_PLUS\"}"));
        assertEquals("padding", wrong.issues().get(0).param());
        assertTrue(wrong.issues().get(0).message().contains("one of same, valid, k-means++, most-frequent"), wrong.issues().toString());
        assertEquals("most-frequent", Choices.name(Padding.MOST_FREQUENT));
        assertEquals(Padding.VALID, Choices.parse(Padding.class, "valid").orElseThrow());
    }

    @Test
    void integerAndNumberListsBindWithARangePerElement() throws Exception {
        assertEquals(ParamType.INTEGER_LIST, LAYER.param("kernel").orElseThrow().type());
        assertEquals(ParamType.REAL_LIST, LAYER.param("dropout").orElseThrow().type());
        LayerNode.Params p = (LayerNode.Params) LAYER.bind(json("{\"kernel\": [5, 1, 64], \"dropout\": [0.5, 0]}")).params();
        assertEquals(List.of(5, 1, 64), p.kernel());
        assertEquals(List.of(0.5, 0.0), p.dropout());
        assertEquals(List.of(3, 3), ((LayerNode.Params) LAYER.defaults()).kernel());
        assertEquals(List.of(), ((LayerNode.Params) LAYER.defaults()).dropout(), "a list without a default is empty");

        var zero = LAYER.bind(json("{\"kernel\": [3, 0]}")).issues().get(0);
        assertEquals("kernel/1", zero.path());
        assertEquals("'kernel' element 2 of 2 is 0 but must be between 1 and 64.", zero.message());
        var half = LAYER.bind(json("{\"kernel\": [3, 2.5]}")).issues().get(0);
        assertEquals("kernel/1", half.path());
        assertTrue(half.message().contains("must be a whole number"), half.message());
        var notList = LAYER.bind(json("{\"kernel\": 3}")).issues().get(0);
        assertEquals("kernel", notList.path());
        assertTrue(notList.fix().contains("[3,3]"), notList.fix());
        assertEquals("dropout/2", LAYER.bind(json("{\"dropout\": [0.1, 0.2, 1.5]}")).issues().get(0).path());
    }

    @Test
    void aBadListElementIsLocatedInTheFileDownToTheElement() throws Exception {
        String text = """
                { "format": "anneal-workflow", "version": 1,
                  "nodes": [
                    { "id": "conv", "type": "test.layer",
                      "params": { "kernel": [3,
                                             0] } } ],
                  "links": [] }
                """;
        LoadedWorkflow lw = new WorkflowCodec().parse(text, Path.of("net.json"), "net.json");
        Validation v = new Validator(new NodeRegistry(List.of(new LayerNode()))).validate(lw, FileAccess.unrestricted(Path.of(".")));
        Problem p = v.problemsOf("conv").get(0);
        assertEquals("param.invalid", p.code());
        assertEquals("kernel", p.param());
        assertEquals("/nodes/0/params/kernel/1", p.location().pointer());
        assertEquals(5, p.location().line(), "the line of the 0, not of the list: " + p.location());
    }

    @Test
    void listsAndEnumsRoundTripThroughTheFileFormat() throws Exception {
        String text = """
                { "format": "anneal-workflow", "version": 1,
                  "nodes": [ { "id": "conv", "type": "test.layer",
                               "params": { "padding": "k-means++", "kernel": [5, 5], "dropout": [0.25] } } ],
                  "links": [] }
                """;
        WorkflowCodec codec = new WorkflowCodec();
        var first = codec.parse(text, Path.of("a.json"), "a.json").workflow();
        var again = codec.parse(codec.write(first), Path.of("a.json"), "a.json").workflow();
        ObjectNode params = again.node("conv").orElseThrow().params();
        assertEquals("{\"padding\":\"k-means++\",\"kernel\":[5,5],\"dropout\":[0.25]}", params.toString());
        LayerNode.Params p = (LayerNode.Params) LAYER.bind(params).params();
        assertEquals(Padding.PLUS_PLUS, p.padding());
        assertEquals(List.of(5, 5), p.kernel());
    }

    @Test
    void tunablesAreReadFromTheAnnotationsAndBoundThroughTheDescriptor() throws Exception {
        assertEquals(List.of("rate", "units"), LAYER.tunables());
        assertTrue(LAYER.param("rate").orElseThrow().tunable());
        LayerNode.Params base = (LayerNode.Params) LAYER.bind(json("{\"kernel\": [5, 5]}")).params();
        LayerNode.Params faster = (LayerNode.Params) LAYER.with(base, "rate", 0.1);
        assertEquals(0.1, faster.rate());
        assertEquals(List.of(5, 5), faster.kernel(), "the other params stay");
        assertEquals(12, ((LayerNode.Params) LAYER.with(base, "units", 11.6)).units(), "whole-number params take the value rounded");
        assertEquals(0.01, LAYER.numberOf(base, "rate"));

        var tooBig = assertThrows(ParamDescriptor.Invalid.class, () -> LAYER.with(base, "rate", 2));
        assertEquals("'rate' is 2 but must be between 0 and 1.", tooBig.getMessage());
        var notTunable = assertThrows(ParamDescriptor.Invalid.class, () -> LAYER.with(base, "other", 1));
        assertTrue(notTunable.getMessage().contains("no tunable hyperparameter 'other'"), notTunable.getMessage());
        assertEquals("Tunable: rate, units", notTunable.fix());
    }

    @Test
    void declarationsThatCannotWorkAreRefusedWhenTheNodeIsRead() {
        var e = assertThrows(IllegalArgumentException.class, () -> NodeDescriptor.of(new BadNode()));
        assertTrue(e.getMessage().contains("only a number can be tunable"), e.getMessage());
        assertNull(LAYER.param("kernel").orElseThrow().enumType());
    }

    @NodeType(id = "test.subset", title = "Subset", phase = Phase.MODEL, role = LeakageRole.STATELESS, doc = "Offers some paddings.")
    static final class SubsetNode implements Node<SubsetNode.Params> {
        record Params(@Param(doc = "Padding", def = "\"valid\"", choices = {"valid", "same"}) Padding padding) {
        }

        @Override
        public Specs configure(Specs in, Params p, ConfigContext ctx) {
            return Specs.of(java.util.Map.of());
        }

        @Override
        public Outputs execute(Inputs in, Params p, ExecContext ctx) {
            return null; // only declared
        }
    }

    @Test
    void aSharedEnumMayOfferOnlySomeOfItsConstantsInTheListedOrder() throws Exception {
        NodeDescriptor subset = NodeDescriptor.of(new SubsetNode());
        assertEquals(List.of("valid", "same"), subset.param("padding").orElseThrow().choices());
        assertEquals(Padding.SAME, ((SubsetNode.Params) subset.bind(json("{\"padding\": \"same\"}")).params()).padding());
        var refused = subset.bind(json("{\"padding\": \"most-frequent\"}")).issues().get(0);
        assertEquals("'padding' is \"most-frequent\" but must be one of valid, same.", refused.message());
    }
}
