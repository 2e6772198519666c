package org.activationlab.bench;

import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.activationlab.activation.AbstractActivation;
import org.activationlab.activation.Activation;
import org.activationlab.activation.ActivationFunction;
import org.activationlab.activation.Catalog;
import org.activationlab.nn.DataSplit;
import org.activationlab.nn.DatasetKind;
import org.activationlab.nn.DatasetSpec;
import org.activationlab.nn.Datasets;
import org.activationlab.nn.NetworkSpec;
import org.activationlab.nn.OptimizerSpec;
import org.activationlab.nn.Task;
import org.activationlab.nn.TrainingSession;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Training throughput in samples per second (issue 3, section 6) on 500 points of the circle data
 * set, SGD (learning rate 0.03), Glorot-uniform weights, zero biases:
 *
 * <ul>
 *   <li>A: 2-[4,2]-1 tanh, batch 10
 *   <li>B: 2-[8×8]-1 sigmoid, batch 10
 *   <li>C: 2-[16×6]-1 ReLU, batch 32
 * </ul>
 *
 * Each invocation trains on {@value #SAMPLES} samples (32 steps of 10 or 10 steps of 32), so the
 * score is samples/s. Run with {@code ./mvnw -Pjmh test-compile exec:exec
 * -Djmh.args="TrainingThroughput -f 1 -wi 3 -i 5 -prof gc"}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class TrainingThroughputBenchmark {
  static final int SAMPLES = 320;

  @Param({"A", "B", "C"})
  public String config;

  @Param({"true", "false"})
  public boolean stats;

  private TrainingSession session;
  private int stepsPerInvocation;

  @Setup
  public void setUp() {
    DataSplit circle = Datasets.generate(new DatasetSpec(DatasetKind.CIRCLE, 500, 0.0, 0.0, 1));
    List<Integer> hidden;
    Activation f;
    int batch;
    switch (config) {
      case "A" -> {
        hidden = List.of(4, 2);
        f = Catalog.find("tanh").map(ActivationFunction::withDefaults).orElseGet(
            TrainingThroughputBenchmark::ownTanh);
        batch = 10;
      }
      case "B" -> {
        hidden = Collections.nCopies(8, 8);
        f = Catalog.get("sigmoid").withDefaults();
        batch = 10;
      }
      case "C" -> {
        hidden = Collections.nCopies(6, 16);
        f = Catalog.get("relu").withDefaults();
        batch = 32;
      }
      default -> throw new IllegalArgumentException(config);
    }
    session = new TrainingSession(NetworkSpec.of(2, hidden, f, Task.BINARY, 1), circle,
        OptimizerSpec.sgd(0.03), batch, 1);
    session.setStatisticsEnabled(stats);
    stepsPerInvocation = SAMPLES / batch;
  }

  @Benchmark
  @OperationsPerInvocation(SAMPLES)
  public double train() {
    double loss = 0;
    for (int i = 0; i < stepsPerInvocation; i++) {
      loss += session.step();
    }
    return loss;
  }

  /** tanh for when the catalog does not have it yet (id "tanh" gets the engine's fast kernel). */
  static Activation ownTanh() {
    return ActivationFunction.builder("tanh", "Tanh (benchmark)")
        .latex("\\tanh x", "1 - \\tanh^2 x")
        .factory((fn, p) -> new AbstractActivation(fn, p) {
          @Override
          public double value(double x) {
            return Math.tanh(x);
          }

          @Override
          public double derivative(double x) {
            double t = Math.tanh(x);
            return 1 - t * t;
          }
        })
        .build()
        .withDefaults();
  }
}
