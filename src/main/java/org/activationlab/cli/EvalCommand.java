package org.activationlab.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.activationlab.activation.Activation;
import org.activationlab.activation.Catalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code eval FUNC[:param=value,...] --from A --to B --step H}: CSV {@code x,f,df} on stdout. */
@Command(name = "eval", description = "Evaluate a function and its derivative on a grid; CSV x,f,df.")
final class EvalCommand implements Callable<Integer> {

  /** Refuse grids that would print more lines than anyone can use. */
  static final long MAX_POINTS = 10_000_000;

  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FUNC", description = "e.g. sigmoid or leaky_relu:negative_slope=0.1")
  String function;

  @Option(names = "--from", required = true, description = "first x")
  double from;

  @Option(names = "--to", required = true, description = "last x (included when on the grid)")
  double to;

  @Option(names = "--step", required = true, description = "grid step, > 0")
  double step;

  @Override
  public Integer call() {
    Activation f = Catalog.parse(function);
    if (!(step > 0) || Double.isInfinite(step)) {
      throw new Cli.UsageException("--step must be a positive number (got " + step + ")");
    }
    if (!Double.isFinite(from) || !Double.isFinite(to)) {
      throw new Cli.UsageException("--from and --to must be finite numbers");
    }
    if (to < from) {
      throw new Cli.UsageException("--to (" + to + ") must not be less than --from (" + from + ")");
    }
    // x_i = from + i*step, computed by multiplication so error does not accumulate
    long count = (long) Math.floor((to - from) / step * (1 + 1e-12) + 1e-9) + 1;
    if (count > MAX_POINTS) {
      throw new Cli.UsageException("the grid has " + count + " points; at most " + MAX_POINTS
          + " are allowed (use a larger --step)");
    }
    PrintWriter out = spec.commandLine().getOut();
    StringBuilder line = new StringBuilder(80);
    out.print("x,f,df\n");
    for (long i = 0; i < count; i++) {
      double x = from + i * step;
      line.setLength(0);
      line.append(x).append(',').append(f.value(x)).append(',').append(f.derivative(x)).append('\n');
      out.print(line);
    }
    out.flush();
    return 0;
  }
}
