package org.activationlab.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Headless commands sharing the app's core and renderers; they never start JavaFX. Exit status:
 * 0 success, 2 bad input (one line on stderr naming the valid choices; nothing written), 3 a
 * training run diverged ({@code train}, {@code explain}; {@code compare}: one of its runs).
 */
public final class Cli {

  /** Exit status for invalid input. */
  public static final int BAD_INPUT = 2;

  private static final Set<String> COMMANDS =
      Set.of("list", "eval", "plot", "train", "compare", "report", "presets", "explain", "help", "--help",
          "-h", "--version", "-V");

  private Cli() {}

  /** Whether the launcher should run {@code word} as a headless command instead of the GUI. */
  public static boolean isCommand(String word) {
    return COMMANDS.contains(word);
  }

  /** Runs a command; returns the process exit status. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    CommandLine cl = new CommandLine(new Root());
    cl.setOut(new PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), true));
    PrintWriter errWriter =
        new PrintWriter(new java.io.OutputStreamWriter(err, StandardCharsets.UTF_8), true);
    cl.setErr(errWriter);
    cl.setParameterExceptionHandler((ex, a) -> {
      errWriter.println("error: " + oneLine(ex.getMessage()));
      return BAD_INPUT;
    });
    cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
      if (ex instanceof UsageException || ex instanceof IllegalArgumentException) {
        errWriter.println("error: " + oneLine(ex.getMessage()));
        return BAD_INPUT;
      }
      throw ex;
    });
    return cl.execute(args);
  }

  private static String oneLine(String message) {
    return message == null ? "invalid input" : message.replaceAll("\\s*\\R\\s*", " ").trim();
  }

  /** Bad input detected by a command after parsing; reported as one line with exit status 2. */
  static final class UsageException extends RuntimeException {
    UsageException(String message) {
      super(message);
    }
  }

  @Command(
      name = "activation-lab",
      mixinStandardHelpOptions = true,
      version = "Activation Lab 0.1",
      description = "Activation functions made visible. Without a command the GUI opens.",
      subcommands = {ListCommand.class, EvalCommand.class, PlotCommand.class, TrainCommand.class,
          CompareCommand.class, ReportCommand.class, PresetsCommand.class, ExplainCommand.class,
          CommandLine.HelpCommand.class})
  static final class Root implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
      spec.commandLine().usage(spec.commandLine().getOut());
    }
  }
}
