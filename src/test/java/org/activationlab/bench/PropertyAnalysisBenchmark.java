package org.activationlab.bench;

import java.util.concurrent.TimeUnit;
import org.activationlab.activation.Activation;
import org.activationlab.activation.ActivationProperties;
import org.activationlab.activation.Catalog;
import org.activationlab.activation.PropertyAnalysis;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * How long the info card waits for a function's properties after a parameter changes.
 * {@code ./mvnw -Pjmh test-compile exec:exec -Djmh.args="PropertyAnalysis -f 1 -wi 3 -i 5"}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class PropertyAnalysisBenchmark {

  @Param({"sigmoid", "relu", "gelu", "silu", "softplus", "exponential"})
  public String function;

  private Activation activation;

  @Setup
  public void setUp() {
    activation = Catalog.get(function).withDefaults();
  }

  @Benchmark
  public ActivationProperties analyse() {
    return PropertyAnalysis.analyse(activation);
  }
}
