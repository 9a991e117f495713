package org.anneal.editor;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import javafx.beans.value.ObservableValue;
import org.anneal.spec.ParamDescriptor;
import org.controlsfx.control.PropertySheet;

/** One parameter of the selected node as a PropertySheet row: its declaration and the value stored in the workflow. */
final class ParamItem implements PropertySheet.Item {
    private final java.nio.file.Path file;
    private final String nodeId;
    private final ParamDescriptor descriptor;
    private JsonNode stored;

    ParamItem(java.nio.file.Path file, String nodeId, ParamDescriptor descriptor, JsonNode stored) {
        this.file = file;
        this.nodeId = nodeId;
        this.descriptor = descriptor;
        this.stored = stored;
    }

    /** The workflow file this row belongs to: a late commit must never land in another workflow that was opened since. */
    java.nio.file.Path file() {
        return file;
    }

    /** The node this row edits; a field that loses focus after another node was selected still commits here. */
    String nodeId() {
        return nodeId;
    }

    ParamDescriptor descriptor() {
        return descriptor;
    }

    /** The value in the workflow file, or null when the default applies. */
    JsonNode stored() {
        return stored;
    }

    /** After a commit: later edits compare against what is now in the workflow. */
    void committed(JsonNode value) {
        stored = value;
    }

    @Override
    public Class<?> getType() {
        return JsonNode.class;
    }

    @Override
    public String getCategory() {
        return "Parameters";
    }

    @Override
    public String getName() {
        return descriptor.name();
    }

    @Override
    public String getDescription() {
        String allowed = !descriptor.choices().isEmpty() ? "One of: " + String.join(", ", descriptor.choices()) : descriptor.rangeText();
        return descriptor.doc() + (allowed.isEmpty() ? "" : "\n" + allowed) + "\n(" + descriptor.type().title()
                + (descriptor.hasDefault() ? "; default " + ParamText.show(descriptor.defaultJson()) : "; required") + ")";
    }

    @Override
    public Object getValue() {
        return stored != null ? stored : descriptor.defaultJson();
    }

    @Override
    public void setValue(Object value) {
        // editors commit through the view model (one undo step each), never through the sheet
    }

    @Override
    public Optional<ObservableValue<?>> getObservableValue() {
        return Optional.empty();
    }
}
