package org.activationlab.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.activationlab.training.Command;
import org.activationlab.training.Presets;
import org.activationlab.training.Scenario;
import org.activationlab.training.Trainer;
import org.activationlab.training.TrainingSnapshot;
import org.junit.jupiter.api.Test;

class RunLogTest {

  @Test
  void keepsStepZeroAndABoundedSpreadAndStartsAgainOnReset() throws Exception {
    RunLog log = new RunLog();
    assertThat(log.run()).isNull();
    try (Trainer t = new Trainer(Presets.get("playground").scenario())) {
      log.add(t.latest());
      log.add(t.latest()); // the same step again: ignored
      assertThat(log.size()).isEqualTo(1);
      int steps = RunLog.CAPACITY * 3;
      for (int k = 1; k <= steps; k++) {
        t.submit(new Command.Step(1));
        final long goal = k;
        log.add(t.await(s -> s.step() == goal, Duration.ofSeconds(30)));
      }
      assertThat(log.size()).isLessThanOrEqualTo(RunLog.CAPACITY).isGreaterThan(RunLog.CAPACITY / 2);
      var records = log.run().records();
      assertThat(records.get(0).step()).isZero();
      assertThat(records.get(records.size() - 1).step()).isEqualTo(steps);
      for (int i = 1; i < records.size(); i++) {
        assertThat(records.get(i).step()).isGreaterThan(records.get(i - 1).step());
      }
      t.submit(new Command.Reset());
      TrainingSnapshot reset = t.await(s -> s.step() == 0 && s.status().commandsApplied() > steps,
          Duration.ofSeconds(30));
      log.add(reset);
      assertThat(log.size()).isEqualTo(1);
    }
  }

  @Test
  void aLiveSettingChangeContinuesTheLog() throws Exception {
    RunLog log = new RunLog();
    Scenario scenario = Presets.get("dead-relu").scenario();
    try (Trainer t = new Trainer(scenario)) {
      log.add(t.latest());
      t.submit(new Command.Step(10));
      log.add(t.await(s -> s.step() == 10, Duration.ofSeconds(30)));
      t.submit(Command.Configure.to(scenario.toBuilder().learningRate(0.05).build()));
      t.submit(new Command.Step(5));
      TrainingSnapshot after = t.await(s -> s.step() == 15, Duration.ofSeconds(30));
      log.add(after);
      assertThat(log.size()).as("steps 0, 10 and 15").isEqualTo(3);
      assertThat(log.run().records().get(0).step()).isZero();
      assertThat(log.run().scenario().learningRate()).isEqualTo(0.05);
      t.submit(Command.Configure.to(scenario.withSetting("hidden", "4")));
      log.add(t.await(s -> s.status().commandsApplied() == 4, Duration.ofSeconds(30)));
      assertThat(log.size()).as("a new network starts a new log").isEqualTo(1);
    }
  }
}
