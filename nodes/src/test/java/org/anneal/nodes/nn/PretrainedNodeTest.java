package org.anneal.nodes.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.anneal.graph.Problem;
import org.anneal.session.Checked;
import org.anneal.spec.NetworkSpec;
import org.junit.jupiter.api.Test;

/** nn.pretrained at configure time: the pretrained layers' shapes and weights on the canvas, and located errors. */
class PretrainedNodeTest {

    private static ExampleEdits withPretrained(Map<String, Object> params) {
        return ExampleEdits.empty(1)
                .add("gen", "data.generate-micrographs", Map.of("specimens", 6, "fieldsPerSpecimen", 2, "size", 48, "pixelSize", 2.0))
                .add("pre", "nn.pretrained", params).link("gen:table", "pre:table");
    }

    @Test
    void theNetworkStartsWithThePretrainedLayersEndingInAVectorOf32() throws Exception {
        Checked c = withPretrained(Map.of()).check();
        assertEquals(List.of(), c.validation().problems());
        NetworkSpec net = (NetworkSpec) c.validation().outSpecs().get("pre").get("network");
        assertEquals(List.of(48, 48, 1), net.inputShape());
        assertEquals(List.of(32), net.outputShape());
        assertEquals(4800, net.totalParams());
        assertEquals(5, net.layers().size());
    }

    @Test
    void aColumnThatIsNoImageAndAFreezeBeyondTheLayersAreLocated() throws Exception {
        List<Problem> column = withPretrained(Map.of("column", "grain_size_um")).check().validation().problems();
        assertEquals("column", column.get(0).param(), column.toString());
        assertTrue(column.get(0).message().contains("images"), column.get(0).message());
        List<Problem> freeze = withPretrained(Map.of("freeze", 6)).check().validation().problems();
        assertEquals("freeze", freeze.get(0).param(), freeze.toString());
    }
}
