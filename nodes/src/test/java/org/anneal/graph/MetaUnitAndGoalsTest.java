package org.anneal.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code meta.unit} and {@code meta.goals}: the course unit and learning goals a lesson shows; before, both were unknown fields. */
class MetaUnitAndGoalsTest {
    private final WorkflowCodec codec = new WorkflowCodec();

    static final String WITH_LESSON = """
            {
              "format": "anneal-workflow",
              "version": 1,
              "meta": {
                "title": "Ridge",
                "description": "Least squares with a penalty.",
                "seed": 7,
                "device": "cpu",
                "unit": "1 · Regression",
                "goals": [
                  "Read a parity plot",
                  "Say why the scaler learns on the training rows"
                ]
              },
              "nodes": [],
              "links": []
            }
            """;

    @Test
    void unitAndGoalsAreReadAndWrittenBackByteForByte() throws Exception {
        Meta m = codec.parse(WITH_LESSON, null, "w.json").workflow().meta();
        assertEquals("1 · Regression", m.unit());
        assertEquals(List.of("Read a parity plot", "Say why the scaler learns on the training rows"), m.goals());
        assertEquals(WITH_LESSON, codec.write(codec.parse(WITH_LESSON, null, "w.json").workflow()));
        assertEquals(m.unit(), m.withSeed(3).withDevice("gpu").unit(), "changing the seed keeps the lesson");
        assertEquals(m.goals(), m.withSeed(3).goals());
    }

    @Test
    void aFileWithoutThemIsWrittenAsBefore() throws Exception {
        String plain = "{\"format\":\"anneal-workflow\",\"version\":1,\"meta\":{\"title\":\"t\",\"seed\":1,\"device\":\"auto\"},\"nodes\":[],\"links\":[]}";
        Meta m = codec.parse(plain, null, "p.json").workflow().meta();
        assertEquals("", m.unit());
        assertEquals(List.of(), m.goals());
        assertTrue(!codec.write(codec.parse(plain, null, "p.json").workflow()).contains("unit"));
    }

    @Test
    void goalsThatAreNotAListOfTextsAreLocated() {
        var e = assertThrows(WorkflowFileException.class, () -> codec.parse(
                "{\"format\":\"anneal-workflow\",\"version\":1,\"meta\":{\"title\":\"t\",\"goals\":\"read plots\"},\"nodes\":[],\"links\":[]}", null, "g.json"));
        assertEquals("format.goals", e.problems().get(0).code());
        assertEquals("/meta/goals", e.problems().get(0).location().pointer());
        var n = assertThrows(WorkflowFileException.class, () -> codec.parse(
                "{\"format\":\"anneal-workflow\",\"version\":1,\"meta\":{\"title\":\"t\",\"goals\":[\"ok\", 3]},\"nodes\":[],\"links\":[]}", null, "g.json"));
        assertEquals("/meta/goals/1", n.problems().get(0).location().pointer());
        var u = assertThrows(WorkflowFileException.class, () -> codec.parse(
                "{\"format\":\"anneal-workflow\",\"version\":1,\"meta\":{\"title\":\"t\",\"unit\":2},\"nodes\":[],\"links\":[]}", null, "u.json"));
        assertEquals("/meta/unit", u.problems().get(0).location().pointer());
    }
}
