package org.anneal.editor;

import javafx.application.Application;

/**
 * The workbench's look: AtlantaFX's Primer Light (flat, high contrast, larger hit areas) instead of JavaFX's 2012
 * Modena. {@code -Danneal.theme=modena} brings the old look back (for comparing screenshots).
 */
final class Theme {
    private Theme() {
    }

    static boolean modena() {
        return System.getProperty("anneal.theme", "primer").equals("modena");
    }

    /** The few names ControlsFX looks up in Modena, given AtlantaFX's colours, for the workbench's scene. */
    static void style(javafx.scene.Scene scene) {
        if (!modena()) {
            scene.getStylesheets().add(java.util.Objects.requireNonNull(Theme.class.getResource("theme.css")).toExternalForm());
        }
    }

    static void apply() {
        if (modena()) {
            Application.setUserAgentStylesheet(Application.STYLESHEET_MODENA);
            return;
        }
        Application.setUserAgentStylesheet(new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
    }
}
