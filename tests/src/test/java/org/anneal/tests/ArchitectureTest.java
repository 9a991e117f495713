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
                .layer("App").definedBy(in(root, "cli", "editor", "plots", "bench", "viewers"))
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

    /**
     * DL4J stays behind one package, so a later DL4J release or another backend is a change in one place (DESIGN.md,
     * Networks) — with one exception: a layer block ({@code org.anneal.nodes.nn}) says how it becomes a DL4J layer in a
     * nested class named {@code Dl4j}, so that a new block is one class instead of a record, a translation branch and a
     * block in three packages. The JVM loads that nested class only when a network trains (the block's layer record
     * reaches it through a static call, returned as Object), which {@code NetworkNodesTest} checks with a class loader of
     * its own; a DL4J upgrade then touches {@code nn.dl4j} and these nested classes, all found by this rule's name.
     */
    static ArchRule dl4jStaysBehindItsPackage(String root) {
        return noClasses().that().resideOutsideOfPackages(root + ".nn.dl4j..")
                .and(com.tngtech.archunit.base.DescribedPredicate.not(layerBlockTranslation(root)))
                .should().dependOnClassesThat().resideInAnyPackage("org.deeplearning4j..");
    }

    private static com.tngtech.archunit.base.DescribedPredicate<com.tngtech.archunit.core.domain.JavaClass> layerBlockTranslation(String root) {
        return com.tngtech.archunit.base.DescribedPredicate.describe("the nested Dl4j class of a layer block",
                c -> c.getPackageName().equals(root + ".nodes.nn") && c.getSimpleName().equals("Dl4j") && c.getEnclosingClass().isPresent());
    }

    @Test
    void onlyTheDl4jPackageTouchesDl4j() {
        dl4jStaysBehindItsPackage(ROOT).check(anneal);
    }
}
