package org.anneal.tests.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import org.anneal.spec.NodeDescriptor;
import org.anneal.spec.NodeRegistry;
import org.anneal.spec.Phase;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/** The palette: every registered type under phase headings; the search needs every word to match. */
class PaletteTest extends EditorTestBase {

    @Test
    void searchNarrowsByEveryWordAndHeadingsFollowThePhases() throws Exception {
        start("workflows/01-linear-regression.json");
        ListView<NodeDescriptor> palette = lookup("#palette").queryListView();
        assertEquals(NodeRegistry.standard().all().size(), palette.getItems().size(), "every registered type");
        String firstHeading = lookup("#palette .palette-phase").queryAs(Label.class).getText();
        assertEquals(palette.getItems().get(0).phase().title().toUpperCase(Locale.ROOT), firstHeading);

        clickOn("#paletteSearch").write("split group");
        WaitForAsyncUtils.waitForFxEvents();
        List<String> ids = palette.getItems().stream().map(NodeDescriptor::id).toList();
        assertTrue(ids.contains("split.group"), ids.toString());
        for (NodeDescriptor d : palette.getItems()) {
            String all = (d.title() + " " + d.id() + " " + d.doc()).toLowerCase(Locale.ROOT);
            assertTrue(all.contains("split") && all.contains("group"), d.id() + " matches both words");
        }
        Phase first = palette.getItems().get(0).phase();
        assertEquals(first.title().toUpperCase(Locale.ROOT), lookup("#palette .palette-phase").queryAs(Label.class).getText(),
                "the heading follows the filtered list");
    }
}
