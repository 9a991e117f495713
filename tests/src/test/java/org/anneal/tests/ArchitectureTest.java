package org.anneal.tests;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import org.junit.jupiter.api.Test;

/**
 * The engine is headless, and its packages form layers without cycles:
 * ground ({@code spec data graph ml device util}, and {@code nn}: network values and their DL4J translation) &lt; engine ({@code exec}) &lt; leakage ({@code lineage}) &lt; services
 * ({@code handin puzzle provenance}, the engine entry point) &lt; app ({@code cli editor plots bench}). The node library
 * stands on the ground only: nodes are found through {@code ServiceLoader}, so the executor never names one and a node
 * never names the executor. Each rule takes its root package, so {@link ArchitectureRulesCatchViolationsTest} can show
 * on small offending classes that the same rules do fail.
 */
class ArchitectureTest {
    static final String ROOT = "org.anneal";

    // imported once for all tests (JUnit makes an instance per test)
    private static final JavaClasses anneal = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);

    /** Layers bottom to top; a layer may use the ones below it. */
    static LayeredArchitecture layers(String root) {
        return layeredArchitecture().consideringOnlyDependenciesInLayers()
                .withOptionalLayers(true)
                .ensureAllClassesAreContainedInArchitecture()
                .layer("Ground").definedBy(in(root, "spec", "data", "graph", "ml", "device", "util", "nn"))
                .layer("Node library").definedBy(in(root, "nodes"))
                .layer("Engine").definedBy(in(root, "exec"))
                .layer("Leakage").definedBy(in(root, "lineage"))
                // the engine's single entry point (validate → findings → run → report) is a service; its package name is open
                .layer("Services").definedBy(in(root, "handin", "puzzle", "provenance", "session", "engine", "service", "services"))
                .layer("App").definedBy(in(root, "cli", "editor", "plots", "bench", "viewers", "lesson"))
                .whereLayer("Ground").mayNotAccessAnyLayer()
                .whereLayer("Node library").mayOnlyAccessLayers("Ground")
                .whereLayer("Engine").mayOnlyAccessLayers("Ground")
                .whereLayer("Leakage").mayOnlyAccessLayers("Ground", "Engine")
                .whereLayer("Services").mayOnlyAccessLayers("Ground", "Engine", "Leakage")
                .whereLayer("App").mayOnlyAccessLayers("Ground", "Node library", "Engine", "Leakage", "Services");
    }

    static ArchRule noCyclesBetweenTopPackages(String root) {
        return slices().matching(root + ".(*)..").should().beFreeOfCycles();
    }

    static ArchRule noCyclesBetweenNodePackages(String root) {
        return slices().matching(root + ".nodes.(*)..").should().beFreeOfCycles();
    }

    /** Loss, optimizer and the other values on wires are plain records: each backend (Tribuo, DL4J) translates them. */
    static ArchRule valuesNameNoBackend(String root) {
        return noClasses().that().resideInAnyPackage(in(root, "ml", "spec", "data", "graph"))
                .should().dependOnClassesThat().resideInAnyPackage("org.tribuo..", "org.deeplearning4j..", "org.nd4j..");
    }

    private static String[] in(String root, String... packages) {
        String[] out = new String[packages.length];
        for (int i = 0; i < packages.length; i++) {
            out[i] = root + "." + packages[i] + "..";
        }
        return out;
    }

    @Test
    void engineNeverDependsOnJavaFx() {
        noClasses().that().resideOutsideOfPackages("org.anneal.editor..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..")
                .check(anneal);
    }

    @Test
    void layersOnlyLookDown() {
        layers(ROOT).check(anneal);
    }

    @Test
    void valuesAreBackendNeutral() {
        valuesNameNoBackend(ROOT).check(anneal);
    }

    @Test
    void noPackageCycles() {
        noCyclesBetweenTopPackages(ROOT).check(anneal);
    }

    @Test
    void noCyclesInTheNodeLibrary() {
        noCyclesBetweenNodePackages(ROOT).check(anneal);
    }

    /** DL4J stays behind one package, so a later DL4J release or another backend is a change in one place (DESIGN.md, Networks). */
    @Test
    void onlyTheDl4jPackageTouchesDl4j() {
        noClasses().that().resideOutsideOfPackages("org.anneal.nn.dl4j..")
                .should().dependOnClassesThat().resideInAnyPackage("org.deeplearning4j..")
                .check(anneal);
    }
}
