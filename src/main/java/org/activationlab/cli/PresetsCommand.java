package org.activationlab.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.activationlab.training.Presets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code presets}: name, default steps and title of every training preset. */
@Command(name = "presets", description = "List the training presets (name, default steps, title).")
final class PresetsCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Option(names = "--lang", defaultValue = "en", description = "en or zh")
  String lang;

  @Option(names = "--explain", description = "also print what to look for")
  boolean explain;

  @Override
  public Integer call() {
    Locale locale = switch (lang.toLowerCase(Locale.ROOT)) {
      case "en" -> Locale.ROOT;
      case "zh" -> Locale.CHINESE;
      default -> throw new Cli.UsageException("unknown language '" + lang + "'; valid: en, zh");
    };
    PrintWriter out = spec.commandLine().getOut();
    for (Presets.Preset p : Presets.all()) {
      out.printf(Locale.ROOT, "%-13s %6d  %s%n", p.name(), p.steps(), p.title(locale));
      if (explain) {
        out.println("              " + p.explanation(locale));
      }
    }
    out.flush();
    return 0;
  }
}
