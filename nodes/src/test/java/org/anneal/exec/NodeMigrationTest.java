package org.anneal.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.anneal.graph.LoadedWorkflow;
import org.anneal.graph.Meta;
import org.anneal.graph.Workflow;
import org.anneal.spec.ConfigContext;
import org.anneal.spec.DataKind;
import org.anneal.spec.ExecContext;
import org.anneal.spec.Inputs;
import org.anneal.spec.LeakageRole;
import org.anneal.spec.Node;
import org.anneal.spec.NodeRegistry;
import org.anneal.spec.NodeType;
import org.anneal.spec.OutPort;
import org.anneal.spec.Outputs;
import org.anneal.spec.Param;
import org.anneal.spec.Phase;
import org.anneal.spec.Specs;
import org.anneal.spec.ValueSpec;
import org.junit.jupiter.api.Test;

/** A node type at version 2 renamed its parameter; files saved with version 1 still load and mean the same. */
class NodeMigrationTest {
    @NodeType(id = "test.renamed", title = "Renamed", phase = Phase.DATA, role = LeakageRole.SOURCE, doc = "v2 renamed 'frac' to 'fraction'.", version = 2)
    public static final class Renamed implements Node<Renamed.Params> {
        public record Params(@Param(doc = "share", def = "0.5", min = 0, max = 1) double fraction) {
        }

        static final OutPort<Double> OUT = OutPort.of("out", DataKind.METRICS, Double.class, "");

        @Override
        public Specs configure(Specs in, Params p, ConfigContext ctx) {
            return Specs.of(OUT, ValueSpec.of(DataKind.METRICS));
        }

        @Override
        public Outputs execute(Inputs in, Params p, ExecContext ctx) {
            return Outputs.of(OUT, p.fraction());
        }

        @Override
        public void migrate(int fromVersion, ObjectNode params) {
            if (fromVersion == 1 && params.has("frac")) {
                params.set("fraction", params.remove("frac"));
            }
        }
    }

    private static Validation validate(int typeVersion) {
        var n = ExecutorTest.node("r", "test.renamed", "{\"frac\": 0.3}").withTypeVersion(typeVersion);
        Workflow w = new Workflow(Meta.defaults(), List.of(n), List.of(), Map.of());
        return new Validator(new NodeRegistry(List.of(new Renamed()))).validate(LoadedWorkflow.unsaved(w, Path.of(".")),
                FileAccess.unrestricted(Path.of(".")));
    }

    @Test
    void oldParamsAreMigratedBeforeBinding() {
        Validation v = validate(1);
        assertEquals(List.of(), v.problems());
        assertEquals(0.3, ((Renamed.Params) v.params().get("r")).fraction());
    }

    @Test
    void atTheCurrentVersionTheOldNameIsUnknown() {
        assertEquals("param.unknown", validate(2).problems().get(0).code());
    }

    @Test
    void aNewerTypeVersionIsRefusedWithAReason() {
        assertEquals("node.newer-version", validate(3).problems().get(0).code());
    }
}
