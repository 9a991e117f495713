package org.anneal.editor;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.anneal.exec.Validation;
import org.anneal.graph.NodeInstance;
import org.anneal.spec.InPort;
import org.anneal.spec.NodeDescriptor;
import org.anneal.spec.OutPort;
import org.anneal.spec.ParamDescriptor;
import org.anneal.spec.Spec;
import org.anneal.spec.TableSpec;
import org.controlsfx.control.PropertySheet;

/**
 * The inspector: the selected node's parameters in a ControlsFX PropertySheet generated from its
 * declaration (see {@link ParamEditors}), and the node's documentation below. Rebuilt when the workflow
 * changes under it (undo, redo, a quick fix), but not after its own commits, so typing is never interrupted.
 */
final class InspectorView extends VBox {
    private final WorkflowViewModel vm;
    private final PropertySheet sheet = new PropertySheet();
    private final NodeDocsView docs = new NodeDocsView();
    /** Instructors only: lock the selected node into the puzzle (the authoring pane lists the same locks). */
    private final javafx.scene.control.CheckBox lock = new javafx.scene.control.CheckBox("Locked in the puzzle");
    private String nodeId;
    private boolean committing;

    InspectorView(WorkflowViewModel vm) {
        super(6);
        this.vm = vm;
        setId("inspector");
        sheet.setId("propertySheet");
        sheet.setModeSwitcherVisible(false);
        sheet.setSearchBoxVisible(false);
        sheet.setMode(PropertySheet.Mode.NAME);
        sheet.setPropertyEditorFactory(item -> ParamEditors.create(item, context()));
        docs.setPadding(new Insets(4, 2, 4, 2));
        docs.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE); // the whole doc; the side panel scrolls
        VBox.setVgrow(sheet, Priority.SOMETIMES);
        lock.setId("inspectorLock");
        lock.visibleProperty().bind(vm.authoringProperty());
        lock.managedProperty().bind(lock.visibleProperty());
        lock.setOnAction(e -> {
            if (nodeId != null) {
                String id = nodeId;
                boolean on = lock.isSelected();
                vm.editPuzzle(b -> PuzzleBlock.withNodeLocked(b, id, on));
            }
        });
        getChildren().addAll(lock, sheet, docs);
        vm.workflowProperty().addListener((o, a, lw) -> {
            if (!committing && nodeId != null) {
                NodeInstance n = lw == null ? null : lw.workflow().node(nodeId).orElse(null);
                show(n, n == null ? null : vm.registry().find(n.type()).orElse(null));
            }
        });
    }

    void show(NodeInstance n, NodeDescriptor d) {
        nodeId = n == null ? null : n.id();
        if (n == null || d == null) {
            sheet.getItems().clear();
            sheet.setMinHeight(0);
            docs.show(null);
            return;
        }
        List<PropertySheet.Item> items = new ArrayList<>();
        for (ParamDescriptor p : d.params()) {
            items.add(new ParamItem(vm.workflowProperty().get().file(), n.id(), p, n.params().get(p.name())));
        }
        sheet.getItems().setAll(FXCollections.observableArrayList(items));
        JsonNode block = vm.puzzleBlock();
        boolean locked = false;
        for (JsonNode x : block == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : block.path("locked").path("nodes")) {
            locked |= x.asText().equals(n.id());
        }
        lock.setSelected(locked);
        // every row visible without scrolling the sheet itself, up to a dozen; the side panel scrolls instead
        sheet.setMinHeight(Math.min(12, items.size()) * 30 + 8);
        docs.show(d);
    }

    private ParamEditors.Context context() {
        return new ParamEditors.Context() {
            @Override
            public String commit(ParamItem item, JsonNode value) {
                committing = true;
                List<String> before = columns();
                try {
                    if (!java.util.Objects.equals(item.file(), vm.workflowProperty().get().file()) || vm.current().node(item.nodeId()).isEmpty()) {
                        return null; // another workflow was opened, or the node deleted, while its field was being edited
                    }
                    String problem = vm.setParam(item.nodeId(), item.getName(), value == null ? "" : value.toString());
                    if (!"locked".equals(problem)) {
                        item.committed(value);
                    }
                    return problem;
                } finally {
                    committing = false;
                    if (!before.equals(columns())) {
                        // a new file (or an upstream change) brings other columns: the column pickers must offer them
                        String id = nodeId;
                        javafx.application.Platform.runLater(() -> vm.current().node(id).ifPresent(n -> show(n, vm.registry().find(n.type()).orElse(null))));
                    }
                }
            }

            @Override
            public List<String> columns() {
                var n = nodeId == null ? java.util.Optional.<NodeInstance>empty() : vm.current().node(nodeId);
                if (n.isEmpty()) {
                    return List.of(); // the sheet was cleared (another workflow opened) while a field still had the focus
                }
                return columnsOf(vm.findings().validation(), nodeId, vm.registry().find(n.get().type()).orElse(null));
            }

            @Override
            public Path baseDir() {
                var lw = vm.workflowProperty().get();
                return lw == null ? Path.of("").toAbsolutePath() : lw.baseDir();
            }

            @Override
            public void reset(ParamItem item) {
                if (java.util.Objects.equals(item.file(), vm.workflowProperty().get().file()) && vm.current().node(item.nodeId()).isPresent()) {
                    vm.setParam(item.nodeId(), item.getName(), ""); // not marked as our own commit: the sheet redraws with the default
                }
            }

            @Override
            public String problemOf(String param) {
                return vm.problems().stream().filter(p -> java.util.Objects.equals(nodeId, p.nodeId()) && param.equals(p.param()))
                        .map(org.anneal.graph.Problem::message).findFirst().orElse(null);
            }

            @Override
            public javafx.stage.Window window() {
                return getScene() == null ? null : getScene().getWindow();
            }
        };
    }

    /** The Param.Hint.COLUMN contract: the node's first table input, or its own first table output for a source. */
    static List<String> columnsOf(Validation v, String nodeId, NodeDescriptor d) {
        if (v == null || d == null) {
            return List.of();
        }
        var in = v.inSpecs().get(nodeId);
        if (in != null) {
            for (InPort<?> port : d.inputs()) {
                Spec s = in.asMap().get(port.name());
                if (s instanceof TableSpec t) {
                    return t.names();
                }
            }
        }
        var out = v.outSpecs().get(nodeId);
        if (d.inputs().isEmpty() && out != null) {
            for (OutPort<?> port : d.outputs()) {
                Spec s = out.asMap().get(port.name());
                if (s instanceof TableSpec t) {
                    return t.names();
                }
            }
        }
        return List.of();
    }
}
