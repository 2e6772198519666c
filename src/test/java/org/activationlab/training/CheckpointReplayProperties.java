package org.activationlab.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.activationlab.nn.TrainingSession;
import org.junit.jupiter.api.Test;

/**
 * A run restored from a checkpoint repeats what followed it bit for bit: for every optimiser,
 * with epochs ending between (data reshuffled), in a fresh session or in the same one.
 */
class CheckpointReplayProperties {

  @Property(tries = 60)
  void replayFromACheckpointIsBitIdentical(
      @ForAll @IntRange(min = 0, max = 4) int optimizerIndex,
      @ForAll @IntRange(min = 0, max = 3) int activationIndex,
      @ForAll @IntRange(min = 1, max = 40) int batch,
      @ForAll @IntRange(min = 0, max = 120) int at,
      @ForAll @IntRange(min = 1, max = 120) int more,
      @ForAll @LongRange(min = 1, max = 50) long seed) {
    String optimizer = new String[] {"sgd", "momentum", "nesterov", "rmsprop", "adam"}
        [optimizerIndex];
    String activation = new String[] {"sigmoid", "tanh", "relu", "gelu"}[activationIndex];
    Scenario sc = Scenario.defaults().withSettings(Map.of("optimizer", optimizer,
        "activation", activation, "batchSize", String.valueOf(batch), "hidden", "5,3",
        "samples", "60", "seed", String.valueOf(seed), "learningRate", "0.05",
        "l2", "0.001"));
    TrainingSession original = sc.session();
    original.steps(at);
    TrainingSession.Checkpoint c = original.checkpoint();
    original.steps(more);

    TrainingSession replay = sc.session();
    replay.restore(c);
    assertThat(replay.stepCount()).isEqualTo(at);
    replay.steps(more);
    assertThat(replay.network().parameters()).isEqualTo(original.network().parameters());
    assertThat(replay.stepCount()).isEqualTo(original.stepCount());
    assertThat(replay.epoch()).isEqualTo(original.epoch());

    // the same session, back in time and forward again
    double[] end = original.network().parameters().clone();
    original.restore(c);
    original.steps(more);
    assertThat(original.network().parameters()).isEqualTo(end);
  }

  @Test
  void aCheckpointDoesNotChangeWhenTheRunGoesOn() {
    TrainingSession s = Scenario.defaults().session();
    s.steps(5);
    TrainingSession.Checkpoint c = s.checkpoint();
    double[] saved = c.parameters().clone();
    s.steps(5);
    assertThat(c.parameters()).isEqualTo(saved);
  }

  @Test
  void aCheckpointOfAnotherShapeOrOptimiserIsRefused() {
    TrainingSession.Checkpoint small = Scenario.defaults()
        .withSettings(Map.of("hidden", "3")).session().checkpoint();
    assertThatThrownBy(() -> Scenario.defaults().withSettings(Map.of("hidden", "4")).session()
        .restore(small)).isInstanceOf(IllegalArgumentException.class);
    TrainingSession.Checkpoint adam = Scenario.defaults()
        .withSettings(Map.of("optimizer", "adam")).session().checkpoint();
    assertThatThrownBy(() -> Scenario.defaults().withSettings(Map.of("optimizer", "sgd"))
        .session().restore(adam)).hasMessageContaining("adam");
  }
}
