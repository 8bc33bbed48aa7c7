package io.taskforge.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Keeps the module boundaries of docs/decisions/0006: dependencies point inward, from the HTTP
 * API to the engine and the read side, and from both to the domain; the handler SPI knows only
 * the domain, and the hardware adapter only the handler SPI (and the domain's messages).
 */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.taskforge");

    private static final String[] DOMAIN = {
        "io.taskforge.task",
        "io.taskforge.task.command..",
        "io.taskforge.task.event..",
        "io.taskforge.task.policy..",
        "io.taskforge.task.processing..",
        "io.taskforge.worker.."
    };
    private static final String[] READ_SIDE = {
        "io.taskforge.task.query..", "io.taskforge.task.timeline..", "io.taskforge.task.attempts..",
        "io.taskforge.task.dlq..", "io.taskforge.task.counts..", "io.taskforge.task.storage..",
        "io.taskforge.task.workers.."
    };
    private static final String HANDLER_SPI = "io.taskforge.handler..";
    private static final String ENGINE = "io.taskforge.engine..";
    private static final String API = "io.taskforge.api..";
    private static final String HARDWARE = "io.taskforge.hardware..";
    private static final String WEB = "org.springframework.web..";

    private static final ArchRule domainKnowsNoSpringNoStorageAndNoOuterModule = noClasses()
            .that()
            .resideInAnyPackage(DOMAIN)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.springframework..",
                    "jakarta.persistence..",
                    "org.hibernate..",
                    "java.sql..",
                    HANDLER_SPI,
                    ENGINE,
                    API,
                    READ_SIDE[0],
                    READ_SIDE[1],
                    READ_SIDE[2],
                    READ_SIDE[3],
                    READ_SIDE[4],
                    READ_SIDE[5],
                    READ_SIDE[6]);

    private static final ArchRule handlerSpiKnowsOnlyTheDomain = noClasses()
            .that()
            .resideInAPackage(HANDLER_SPI)
            .should()
            .dependOnClassesThat()
            .resideOutsideOfPackages(concat(DOMAIN, "java..", HANDLER_SPI));

    private static final ArchRule engineHasNoWebAndKnowsNeitherTheApiNorTheReadSide = noClasses()
            .that()
            .resideInAPackage(ENGINE)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(concat(READ_SIDE, WEB, "jakarta.servlet..", "org.springframework.boot.actuate..", API));

    private static final ArchRule readSideHasNoWebAndKnowsNeitherTheEngineNorTheApi = noClasses()
            .that()
            .resideInAnyPackage(READ_SIDE)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(WEB, "jakarta.servlet..", HANDLER_SPI, ENGINE, API);

    private static final ArchRule apiUsesTheEngineThroughItsPortsNotItsMachinery = noClasses()
            .that()
            .resideInAPackage(API)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "io.taskforge.engine.queue..",
                    "io.taskforge.engine.persistence..",
                    "io.taskforge.engine.axon..",
                    "io.taskforge.engine.builtin..",
                    "jakarta.persistence..",
                    "org.axonframework.eventsourcing..");

    private static final ArchRule hardwareAdapterKnowsOnlyTheHandlerSpi = noClasses()
            .that()
            .resideInAPackage(HARDWARE)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(concat(READ_SIDE, ENGINE, API, "org.axonframework.."));

    private static final ArchRule onlyTheApiAssemblesTheHardwareAdapter = noClasses()
            .that()
            .resideOutsideOfPackages(API, HARDWARE)
            .should()
            .dependOnClassesThat()
            .resideInAPackage(HARDWARE);

    private static final ArchRule onlyTheApiServesHttp = noClasses()
            .that()
            .resideOutsideOfPackages(API)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(WEB, "jakarta.servlet..");

    private static final ArchRule noCyclesBetweenModules =
            slices().matching("io.taskforge.(*)..").should().beFreeOfCycles();

    private static final ArchRule noCyclesBetweenEnginePackages =
            slices().matching("io.taskforge.engine.(*)..").should().beFreeOfCycles();

    private static final ArchRule noCyclesBetweenApiPackages =
            slices().matching("io.taskforge.api.(**)").should().beFreeOfCycles();

    private static final ArchRule noCyclesBetweenReadModels =
            slices().matching("io.taskforge.task.(*)..").should().beFreeOfCycles();

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void holds(String name, ArchRule rule) {
        rule.check(CLASSES);
    }

    static Stream<Arguments> rules() {
        return Stream.of(
                Arguments.of(
                        "domainKnowsNoSpringNoStorageAndNoOuterModule", domainKnowsNoSpringNoStorageAndNoOuterModule),
                Arguments.of("handlerSpiKnowsOnlyTheDomain", handlerSpiKnowsOnlyTheDomain),
                Arguments.of(
                        "engineHasNoWebAndKnowsNeitherTheApiNorTheReadSide",
                        engineHasNoWebAndKnowsNeitherTheApiNorTheReadSide),
                Arguments.of(
                        "readSideHasNoWebAndKnowsNeitherTheEngineNorTheApi",
                        readSideHasNoWebAndKnowsNeitherTheEngineNorTheApi),
                Arguments.of(
                        "apiUsesTheEngineThroughItsPortsNotItsMachinery",
                        apiUsesTheEngineThroughItsPortsNotItsMachinery),
                Arguments.of("hardwareAdapterKnowsOnlyTheHandlerSpi", hardwareAdapterKnowsOnlyTheHandlerSpi),
                Arguments.of("onlyTheApiAssemblesTheHardwareAdapter", onlyTheApiAssemblesTheHardwareAdapter),
                Arguments.of("onlyTheApiServesHttp", onlyTheApiServesHttp),
                Arguments.of("noCyclesBetweenModules", noCyclesBetweenModules),
                Arguments.of("noCyclesBetweenEnginePackages", noCyclesBetweenEnginePackages),
                Arguments.of("noCyclesBetweenApiPackages", noCyclesBetweenApiPackages),
                Arguments.of("noCyclesBetweenReadModels", noCyclesBetweenReadModels));
    }

    private static String[] concat(String[] packages, String... more) {
        String[] all = java.util.Arrays.copyOf(packages, packages.length + more.length);
        System.arraycopy(more, 0, all, packages.length, more.length);
        return all;
    }
}
