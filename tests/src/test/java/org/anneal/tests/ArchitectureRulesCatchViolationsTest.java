package org.anneal.tests;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

/**
 * The rules of {@link ArchitectureTest}, applied to two miniatures in {@code archfixture}: a clean one they must
 * accept, and a broken one with each fault Anneal once had (the validator reaching into the leakage package, a
 * cycle between two node packages, a node naming the executor, a value naming Tribuo, a package in no layer). A rule
 * that stopped seeing its fault would make the real check pass for the wrong reason.
 */
class ArchitectureRulesCatchViolationsTest {
    private static final String CLEAN = "org.anneal.tests.archfixture.clean";
    private static final String BROKEN = "org.anneal.tests.archfixture.broken";

    private static JavaClasses classes(String root) {
        return new ClassFileImporter().importPackages(root);
    }

    private static String failures(ArchRule rule, String root) {
        EvaluationResult r = rule.evaluate(classes(root));
        assertTrue(r.hasViolation(), "the rule must fail on " + root + ": " + rule.getDescription());
        return String.join("\n", r.getFailureReport().getDetails());
    }

    @Test
    void theCleanMiniaturePassesEveryRule() {
        JavaClasses clean = classes(CLEAN);
        for (ArchRule rule : new ArchRule[] {ArchitectureTest.layers(CLEAN), ArchitectureTest.noCyclesBetweenTopPackages(CLEAN),
                ArchitectureTest.noCyclesBetweenNodePackages(CLEAN), ArchitectureTest.valuesNameNoBackend(CLEAN),
                ArchitectureTest.dl4jStaysBehindItsPackage(CLEAN)}) {
            EvaluationResult r = rule.evaluate(clean);
            assertFalse(r.hasViolation(), r.getFailureReport().toString());
        }
    }

    @Test
    void anUpwardDependencyANodeNamingTheExecutorAndAPackageInNoLayerBreakTheLayerRule() {
        String report = failures(ArchitectureTest.layers(BROKEN), BROKEN);
        assertTrue(report.contains("broken.exec.Validator.check()> calls constructor <" + BROKEN + ".lineage.Thresholds"), report);
        assertTrue(report.contains("broken.nodes.pipeline.Step.validator> has type <" + BROKEN + ".exec.Validator>"), report);
        assertTrue(report.contains("Class <" + BROKEN + ".scratch.Helper> is not contained in architecture"), report);
    }

    @Test
    void aCycleBetweenTopPackagesBreaksTheCycleRule() {
        String report = failures(ArchitectureTest.noCyclesBetweenTopPackages(BROKEN), BROKEN);
        assertTrue(report.contains("Cycle detected: Slice exec -> \n                Slice lineage -> \n                Slice exec"), report);
    }

    @Test
    void aCycleBetweenNodePackagesBreaksTheNodeCycleRule() {
        String report = failures(ArchitectureTest.noCyclesBetweenNodePackages(BROKEN), BROKEN);
        assertTrue(report.contains("Cycle detected: Slice loss -> \n                Slice model -> \n                Slice loss"), report);
    }

    @Test
    void aValueNamingTribuoBreaksTheBackendRule() {
        String report = failures(ArchitectureTest.valuesNameNoBackend(BROKEN), BROKEN);
        assertTrue(report.contains("broken.ml.TribuoLoss.objective> has type <org.tribuo.regression.sgd.objectives.SquaredLoss>"), report);
    }

    @Test
    void aLayerBlockNamingDl4jOutsideItsNestedDl4jClassBreaksTheDl4jRule() {
        String report = failures(ArchitectureTest.dl4jStaysBehindItsPackage(BROKEN), BROKEN);
        assertTrue(report.contains("broken.nodes.nn.LeakyBlock.dl4j()> calls constructor <org.deeplearning4j.nn.conf.layers.DenseLayer$Builder"), report);
    }
}
