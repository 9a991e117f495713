package org.anneal.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class NodeDescriptorTest {
    @Test
    void everyRegisteredNodeHasAWellFormedDeclaration() {
        NodeRegistry reg = NodeRegistry.standard();
        assertTrue(reg.ids().containsAll(List.of("data.csv", "split.holdout", "prepare.standardize", "prepare.apply",
                "model.ridge", "train.fit", "evaluate.regression")), reg.ids().toString());
        for (NodeDescriptor d : reg.all()) {
            assertTrue(d.id().matches("[a-z]+\\.[a-z0-9-]+"), d.id());
            assertFalse(d.doc().isBlank(), d.id());
            assertFalse(d.outputs().isEmpty(), d.id() + " has outputs");
            for (ParamDescriptor p : d.params()) {
                assertFalse(p.doc().isBlank(), d.id() + "." + p.name());
                if (p.hasDefault()) {
                    assertTrue(d.bind(d.defaultParamsJson()).issues().stream().noneMatch(i -> i.param().equals(p.name())),
                            d.id() + "." + p.name() + " default must satisfy its own range");
                }
            }
        }
    }

    @Test
    void paramDescriptorsComeFromTheRecordAndItsAnnotations() {
        NodeDescriptor csv = NodeRegistry.standard().find("data.csv").orElseThrow();
        ParamDescriptor path = csv.param("path").orElseThrow();
        assertEquals(ParamType.PATH, path.type());
        assertTrue(path.required());
        ParamDescriptor delim = csv.param("delimiter").orElseThrow();
        assertEquals(ParamType.CHOICE, delim.type());
        assertEquals(List.of("auto", ",", ";", "tab", "|"), delim.choices());
        assertEquals(ParamType.COLUMN, csv.param("target").orElseThrow().type());
        NodeDescriptor split = NodeRegistry.standard().find("split.holdout").orElseThrow();
        assertEquals(0.2, split.param("test").orElseThrow().defaultJson().doubleValue());
        assertEquals(LeakageRole.SPLIT, split.role());
        assertEquals(List.of("train", "test"), split.outputs().stream().map(OutPort::name).toList());
    }

    @Test
    void missingRequiredParamIsReported() {
        NodeDescriptor csv = NodeRegistry.standard().find("data.csv").orElseThrow();
        var b = csv.bind(com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode());
        assertEquals("path", b.issues().get(0).param());
        assertTrue(b.issues().get(0).message().contains("Required parameter 'path'"));
    }

    /** The committed reference must be what the declarations generate: docs can never drift from code. */
    @Test
    void committedNodeReferenceIsUpToDate() throws Exception {
        Path committed = Path.of("..", "docs", "nodes.md");
        String generated = NodeDocs.markdown(NodeRegistry.standard().all(), org.anneal.provenance.AnnealVersion.get());
        if (Boolean.getBoolean("anneal.updateSnapshots") || !Files.exists(committed)) {
            Files.createDirectories(committed.getParent());
            Files.writeString(committed, generated);
        }
        assertEquals(Files.readString(committed), generated, "run `./anneal docs -o docs/nodes.md` and commit it");
    }
}
