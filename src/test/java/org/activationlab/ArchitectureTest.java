package org.activationlab;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps the core free of UI toolkits and JSON, and the package arrows pointing downwards
 * (docs/architecture.md).
 */
class ArchitectureTest {

  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("org.activationlab");
  }

  @Test
  void coreUsesNeitherJavaFxNorAwt() {
    ArchRule rule = noClasses()
        .that().resideInAnyPackage("..activation..", "..nn..", "..training..")
        .should().dependOnClassesThat().resideInAnyPackage("javafx..", "java.awt..", "javax.swing..");
    rule.check(classes);
  }

  @Test
  void coreReadsAndWritesNoJson() {
    noClasses()
        .that().resideInAnyPackage("..activation..", "..nn..", "..training..")
        .should().dependOnClassesThat().resideInAnyPackage("com.fasterxml..")
        .check(classes);
  }

  @Test
  void activationDependsOnNothingAbove() {
    noClasses().that().resideInAPackage("org.activationlab.activation..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "org.activationlab.nn..", "org.activationlab.training..", "org.activationlab.render..",
            "org.activationlab.export..", "org.activationlab.ui..", "org.activationlab.cli..")
        .allowEmptyShould(true) // the package may not exist yet
        .check(classes);
  }

  @Test
  void nnDependsOnlyOnActivation() {
    noClasses().that().resideInAPackage("org.activationlab.nn..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "org.activationlab.training..", "org.activationlab.render..",
            "org.activationlab.export..", "org.activationlab.ui..", "org.activationlab.cli..")
        .allowEmptyShould(true) // the package may not exist yet
        .check(classes);
  }

  @Test
  void trainingDoesNotReachUp() {
    noClasses().that().resideInAPackage("org.activationlab.training..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "org.activationlab.render..", "org.activationlab.export..", "org.activationlab.ui..",
            "org.activationlab.cli..")
        .allowEmptyShould(true) // the package may not exist yet
        .check(classes);
  }

  @Test
  void renderDoesNotReachUp() {
    noClasses().that().resideInAPackage("org.activationlab.render..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "javafx..", "org.activationlab.export..", "org.activationlab.ui..", "org.activationlab.cli..")
        .allowEmptyShould(true) // the package may not exist yet
        .check(classes);
  }

  @Test
  void exportDoesNotReachUp() {
    noClasses().that().resideInAPackage("org.activationlab.export..")
        .should().dependOnClassesThat().resideInAnyPackage("org.activationlab.ui..", "org.activationlab.cli..")
        .allowEmptyShould(true) // the package may not exist yet
        .check(classes);
  }

  @Test
  void cliNeverTouchesJavaFx() {
    noClasses().that().resideInAPackage("org.activationlab.cli..")
        .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.activationlab.ui..")
        .allowEmptyShould(true) // the package may not exist yet
        .check(classes);
  }

  @Test
  void runsReadersDoNotReachUp() {
    noClasses().that().resideInAPackage("org.activationlab.runs..")
        .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.activationlab.ui..",
            "org.activationlab.cli..")
        .check(classes);
  }
}
