package org.anneal.editor;

import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.anneal.spec.DataKind;
import org.anneal.spec.InPort;
import org.anneal.spec.NodeDescriptor;
import org.anneal.spec.OutPort;

/**
 * A node's documentation as the inspector shows it: title, the doc with `code` spans in monospace (the
 * docs are written in Markdown for docs/nodes.md), then every port with its kind colour and purpose.
 */
final class NodeDocsView extends TextFlow {
    NodeDocsView() {
        setId("inspectorDocs");
        setLineSpacing(2);
    }

    void show(NodeDescriptor d) {
        getChildren().clear();
        if (d == null) {
            return;
        }
        Text title = new Text(d.title() + "  (" + d.id() + ")\n");
        title.setFont(Font.font(null, FontWeight.BOLD, 12));
        getChildren().add(title);
        markdown(d.doc());
        if (!d.inputs().isEmpty()) {
            heading("\n\nInputs\n");
            for (InPort<?> p : d.inputs()) {
                port(p.name(), p.kind(), (p.isOptional() ? "optional. " : "") + (p.isFitting() ? "fits state on these rows. " : "") + p.doc());
            }
        }
        if (!d.outputs().isEmpty()) {
            heading(d.inputs().isEmpty() ? "\n\nOutputs\n" : "Outputs\n");
            for (OutPort<?> p : d.outputs()) {
                port(p.name(), p.kind(), p.doc());
            }
        }
    }

    private void heading(String s) {
        Text t = new Text(s);
        t.setFont(Font.font(null, FontWeight.BOLD, 11));
        getChildren().add(t);
    }

    private void port(String name, DataKind kind, String doc) {
        Text dot = new Text("● ");
        dot.setFill(Color.web(kind.colour()));
        Text n = new Text(name);
        n.setFont(Font.font("Monospaced", 11));
        Text rest = new Text(" · " + kind.title() + (doc == null || doc.isBlank() ? "" : " — " + doc) + "\n");
        getChildren().addAll(dot, n, rest);
    }

    /** Only what the node docs use: `code`; everything else stays as written. */
    private void markdown(String doc) {
        String[] parts = doc.split("`", -1);
        for (int i = 0; i < parts.length; i++) {
            Text t = new Text(parts[i]);
            if (i % 2 == 1) {
                t.setFont(Font.font("Monospaced", 11));
                t.getStyleClass().add("doc-code");
            }
            getChildren().add(t);
        }
    }
}
