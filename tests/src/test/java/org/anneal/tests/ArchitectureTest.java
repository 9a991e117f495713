package org.anneal.tests;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The engine is headless: nothing outside the editor package may touch JavaFX. */
class ArchitectureTest {
    private final JavaClasses anneal = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.anneal");

    @Test
    void engineNeverDependsOnJavaFx() {
        noClasses().that().resideOutsideOfPackages("org.anneal.editor..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..")
                .check(anneal);
    }

    @Test
    void engineNeverDependsOnTheApp() {
        noClasses().that().resideInAnyPackage("org.anneal.spec..", "org.anneal.graph..", "org.anneal.exec..", "org.anneal.nodes..",
                        "org.anneal.data..", "org.anneal.ml..", "org.anneal.device..", "org.anneal.provenance..", "org.anneal.lineage..")
                .should().dependOnClassesThat().resideInAnyPackage("org.anneal.cli..", "org.anneal.editor..")
                .check(anneal);
    }

    /** DL4J stays behind one package, so a later DL4J release or another backend is a change in one place (DESIGN.md, Networks). */
    @Test
    void onlyTheDl4jPackageTouchesDl4j() {
        noClasses().that().resideOutsideOfPackages("org.anneal.nn.dl4j..")
                .should().dependOnClassesThat().resideInAnyPackage("org.deeplearning4j..")
                .check(anneal);
    }
}
