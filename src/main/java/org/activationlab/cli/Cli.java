package org.activationlab.cli;

import java.io.PrintStream;
import java.util.Set;

/** Headless commands: {@code list}, {@code eval}, {@code plot}. Exit 0 on success, 2 on bad input. */
public final class Cli {

  private static final Set<String> COMMANDS = Set.of("list", "eval", "plot", "help", "--help");

  private Cli() {}

  public static boolean isCommand(String word) {
    return COMMANDS.contains(word);
  }

  /** Runs a command; returns the process exit status. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    out.println("usage: activation-lab (list|eval|plot) ...");
    return 0;
  }
}
