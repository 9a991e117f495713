package org.anneal.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.anneal.graph.NodeInstance;
import org.anneal.graph.WorkflowCodec;
import org.junit.jupiter.api.Test;

/** The example workflows, written before params were enums, bind unchanged: every stored choice names a constant. */
class WorkflowParamsTest {
    @Test
    void everyExampleWorkflowBindsAndItsChoicesReadBackAsStored() throws Exception {
        NodeRegistry registry = NodeRegistry.standard();
        List<Path> files;
        try (Stream<Path> s = Files.walk(Path.of("..", "workflows"))) {
            files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertTrue(files.size() > 20, "workflow files found: " + files.size());
        int enumValues = 0;
        for (Path f : files) {
            for (NodeInstance n : new WorkflowCodec().read(f).workflow().nodes()) {
                NodeDescriptor d = registry.find(n.type()).orElse(null);
                if (d == null) {
                    continue; // a puzzle may hold a deliberately unknown type; the validator reports it
                }
                var b = d.bind(n.params());
                if (!b.ok()) {
                    continue; // broken-on-purpose files: their problems are checked by their own tests
                }
                for (ParamDescriptor p : d.params()) {
                    JsonNode stored = n.params().get(p.name());
                    if (p.enumType() != null && stored != null) {
                        Object bound = b.params().getClass().getRecordComponents()[d.params().indexOf(p)].getAccessor().invoke(b.params());
                        assertEquals(stored.textValue(), Choices.name((Enum<?>) bound), f + " " + n.id() + "." + p.name());
                        enumValues++;
                    }
                }
            }
        }
        assertTrue(enumValues > 30, "enum values checked: " + enumValues);
    }
}
