package dev.servinglab;

import static com.tngtech.archunit.base.DescribedPredicate.or;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.properties.CanBeAnnotated.Predicates.annotatedWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.Test;

/**
 * Locks the structure the README's layout section describes: dependencies point one way (the site's pages →
 * the features → the model), no package cycle at any depth, and services never reach up into REST resources,
 * pages or lesson widgets.
 *
 * <p>The rules run as plain JUnit tests over the imported main classes (archunit-junit5's own engine finds no test on
 * this JUnit Platform).
 */
class ArchitectureTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.servinglab");

    private static final String[] FEATURES = {
        "dev.servinglab.predict..", "dev.servinglab.oip..", "dev.servinglab.evaluation..", "dev.servinglab.training.."
    };

    @Test
    void noCycleBetweenFeatures() {
        slices().matching("dev.servinglab.(*)..")
                .namingSlices("$1")
                .should()
                .beFreeOfCycles()
                .check(MAIN);
    }

    @Test
    void noCycleBetweenAnyPackages() {
        slices().matching("dev.servinglab.(**)")
                .namingSlices("$1")
                .should()
                .beFreeOfCycles()
                .check(MAIN);
    }

    @Test
    void dependenciesPointOneWay() {
        layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .layer("site")
                .definedBy("dev.servinglab.site..")
                .layer("workshop")
                .definedBy("dev.servinglab.workshop..")
                .layer("quiz")
                .definedBy("dev.servinglab.quiz..")
                .layer("features")
                .definedBy(FEATURES)
                .layer("lesson engine")
                .definedBy("dev.servinglab.lesson..")
                .layer("model")
                .definedBy("dev.servinglab.model..")
                .layer("content")
                .definedBy("dev.servinglab.content..")
                .layer("web")
                .definedBy("dev.servinglab.web..")
                .whereLayer("site")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("workshop")
                .mayOnlyBeAccessedByLayers("site")
                .whereLayer("quiz")
                .mayOnlyBeAccessedByLayers("workshop", "site")
                .whereLayer("features")
                .mayOnlyBeAccessedByLayers("workshop", "site")
                .whereLayer("lesson engine")
                .mayOnlyBeAccessedByLayers("features", "quiz", "workshop", "site")
                .whereLayer("model")
                .mayOnlyBeAccessedByLayers("features", "workshop", "site")
                .whereLayer("content")
                .mayOnlyBeAccessedByLayers("model", "features", "lesson engine", "quiz", "workshop", "site")
                .whereLayer("web")
                .mayOnlyBeAccessedByLayers("content", "model", "features", "lesson engine", "quiz", "workshop", "site")
                .check(MAIN);
    }

    /** REST resources, pages and lesson widgets: the classes that face the browser or an HTTP client. */
    private static final DescribedPredicate<JavaClass> REST_OR_PAGE = or(
                    resideInAnyPackage("..rest..", "..widget..", "dev.servinglab.site.."), annotatedWith(Path.class))
            .as("REST resources, pages or lesson widgets");

    @Test
    void servicesDoNotDependOnRestOrPages() {
        noClasses()
                .that()
                .resideInAnyPackage(
                        "..service..", "..data..", "..blas..", "dev.servinglab.content..", "dev.servinglab.lesson")
                .should()
                .dependOnClassesThat(REST_OR_PAGE)
                .check(MAIN);
    }

    @Test
    void servicesDoNotUseRestTypes() {
        noClasses()
                .that()
                .resideInAnyPackage("..service..", "..data..", "..blas..", "dev.servinglab.content..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("jakarta.ws.rs..", "org.jboss.resteasy..", "io.quarkus.qute..")
                .because("a service answers in its own types; turning them into HTTP answers or pages is the REST "
                        + "layer's job")
                .check(MAIN);
    }

    @Test
    void resourcesLiveInRestOrSitePackages() {
        noClasses()
                .that()
                .areAnnotatedWith(Path.class)
                .should()
                .resideOutsideOfPackages("..rest..", "..widget..", "dev.servinglab.site..")
                .check(MAIN);
    }
}
