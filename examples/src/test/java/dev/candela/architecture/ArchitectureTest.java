package dev.candela.architecture;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The dependency directions between Candela's modules, checked on the compiled production classes of
 * every module on this module's class path (class folders under {@code mvn test}, jars under
 * {@code mvn verify}).
 */
class ArchitectureTest {

    /** Root package of each module; a package belongs to the first root it starts with. */
    private static final List<String> MODULE_ROOTS = List.of(
            "dev.candela.spi", "dev.candela.core", "dev.candela.cpu", "dev.candela.gpu", "dev.candela.training",
            "dev.candela.optimizer", "dev.candela.visualization", "dev.candela.tck", "dev.candela.cli",
            "dev.candela.examples");

    private static JavaClasses production;

    @BeforeAll
    static void importClasses() {
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.candela");
    }

    @Test
    void importedEveryModuleThatShipsClasses() {
        for (String root : List.of("dev.candela.spi", "dev.candela.core", "dev.candela.cpu", "dev.candela.gpu",
                "dev.candela.cli")) {
            assertTrue(production.stream().anyMatch(c -> c.getPackageName().startsWith(root)),
                    "no production classes found under " + root);
        }
    }

    @Test
    void spiDependsOnTheJdkOnly() {
        ArchRule rule = classes().that().resideInAPackage("dev.candela.spi..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "dev.candela.spi..");
        rule.check(production);
    }

    @Test
    void coreStaysFreeOfNd4jDl4jAndOtherModules() {
        ArchRule rule = noClasses().that().resideInAnyPackage("dev.candela.core..", "dev.candela.spi..")
                .should().dependOnClassesThat().resideInAnyPackage("org.nd4j..", "org.deeplearning4j..",
                        "org.bytedeco..", "dev.candela.cpu..", "dev.candela.gpu..", "dev.candela.training..",
                        "dev.candela.optimizer..", "dev.candela.visualization..", "dev.candela.cli..",
                        "dev.candela.examples..", "dev.candela.tck..");
        rule.check(production);
    }

    @Test
    void cpuBackendDoesNotDependOnGpuBackend() {
        noClasses().that().resideInAPackage("dev.candela.cpu..")
                .should().dependOnClassesThat().resideInAPackage("dev.candela.gpu..")
                .check(production);
    }

    @Test
    void gpuBackendDoesNotDependOnCpuBackend() {
        noClasses().that().resideInAPackage("dev.candela.gpu..")
                .should().dependOnClassesThat().resideInAPackage("dev.candela.cpu..")
                .check(production);
    }

    @Test
    void noModuleReachesIntoAnotherModulesInternalPackages() {
        noClasses().should(accessInternalsOfAnotherModule()).check(production);
    }

    @Test
    void theInternalsRuleCatchesAViolation() {
        JavaClasses fixture = new ClassFileImporter().importClasses(
                dev.candela.cli.fixture.InternalsPeeker.class, dev.candela.examples.internal.HiddenDetail.class);
        AssertionError e = org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class,
                () -> noClasses().should(accessInternalsOfAnotherModule()).check(fixture));
        assertTrue(e.getMessage().contains("InternalsPeeker"), e.getMessage());
    }

    private static ArchCondition<JavaClass> accessInternalsOfAnotherModule() {
        return new ArchCondition<>("access an 'internal' package of another module") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                Optional<String> from = moduleOf(origin.getPackageName());
                for (Dependency d : origin.getDirectDependenciesFromSelf()) {
                    String target = d.getTargetClass().getPackageName();
                    boolean internal = target.contains(".internal");
                    Optional<String> to = moduleOf(target);
                    if (internal && to.isPresent() && !to.equals(from)) {
                        events.add(SimpleConditionEvent.satisfied(d, d.getDescription()));
                    }
                }
            }
        };
    }

    static Optional<String> moduleOf(String pkg) {
        return MODULE_ROOTS.stream().filter(root -> pkg.equals(root) || pkg.startsWith(root + ".")).findFirst();
    }

    @Test
    void moduleOfMapsPackagesToTheirRoot() {
        assertTrue(moduleOf("dev.candela.core.internal.csv").orElseThrow().equals("dev.candela.core"));
        assertTrue(moduleOf("dev.candela.spi").orElseThrow().equals("dev.candela.spi"));
        assertTrue(moduleOf("dev.candela.cpuish").isEmpty());
        assertTrue(moduleOf("org.nd4j.linalg").isEmpty());
    }
}
