package org.activationlab.bench;

import java.util.concurrent.TimeUnit;
import org.activationlab.activation.Activation;
import org.activationlab.activation.Catalog;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * A typed formula against the catalog's SiLU on the same grid of 1 M points in [−8, 8]: ns per
 * value for f and f' through {@code values}/{@code derivatives} (the hot-loop entry points).
 * {@code ./mvnw -B -q -o -Pjmh test-compile exec:exec -Djmh.args="FormulaEval -f 1 -wi 3 -i 5"}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class FormulaEvalBenchmark {

  static final int N = 1_000_000;

  @Param({"silu", "formula:x*sigmoid(beta*x);beta=1 in [0,10]", "formula:x/(1+exp(-x))"})
  public String function;

  private Activation activation;
  private final double[] in = new double[N];
  private final double[] out = new double[N];

  @Setup
  public void setUp() {
    activation = Catalog.parse(function);
    for (int i = 0; i < N; i++) {
      in[i] = -8 + 16.0 * i / (N - 1);
    }
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public double[] value() {
    activation.values(in, out, 0, N);
    return out;
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public double[] derivative() {
    activation.derivatives(in, out, 0, N);
    return out;
  }
}
