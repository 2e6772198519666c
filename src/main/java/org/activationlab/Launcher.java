package org.activationlab;

import org.activationlab.cli.Cli;
import org.activationlab.export.ScenarioFile;
import org.activationlab.ui.ActivationLabApp;

/**
 * Entry point of {@code java -jar activation-lab.jar} and {@code ./mvnw javafx:run}. With a
 * headless command as first argument it runs that command without touching JavaFX; otherwise it
 * opens the GUI with the arguments unchanged. A scenario file as the only argument ({@code
 * java -jar activation-lab.jar lesson.json}, see {@link ScenarioFile#argument}) is not a command
 * ({@link Cli#isCommand}): it reaches the GUI as its argument, which opens it. (JavaFX on a plain
 * classpath needs a main class that is not the Application.)
 */
public final class Launcher {

  private Launcher() {}

  public static void main(String[] args) {
    if (args.length > 0 && Cli.isCommand(args[0])) {
      System.exit(Cli.run(args, System.out, System.err));
    }
    ActivationLabApp.launchApp(args);
  }
}
