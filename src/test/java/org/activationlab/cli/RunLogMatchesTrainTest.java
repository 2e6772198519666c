package org.activationlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import org.activationlab.export.RunLog;
import org.activationlab.export.TrainingStatsWriter;
import org.activationlab.training.Command;
import org.activationlab.training.Presets;
import org.activationlab.training.Trainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Lab's "export statistics" writes what {@code train --stats} writes: the same run, measured
 * by the trainer's snapshots at steps 0, 10, …, 50, gives the same records and layers.
 */
class RunLogMatchesTrainTest {

  @TempDir
  Path dir;

  @Test
  void snapshotsOfTheTrainerGiveTheRecordsOfTheCommandLine() throws Exception {
    Path cli = dir.resolve("cli.json");
    EvalCommandTest.Result r = EvalCommandTest.run("train", "--preset", "dead-relu", "--steps",
        "50", "--every", "10", "--stats", cli.toString());
    assertThat(r.status()).as(r.err()).isZero();

    RunLog log = new RunLog();
    try (Trainer t = new Trainer(Presets.get("dead-relu").scenario())) {
      log.add(t.latest());
      for (int step = 10; step <= 50; step += 10) {
        t.submit(new Command.Step(10));
        final long goal = step;
        log.add(t.await(s -> s.step() == goal, Duration.ofSeconds(30)));
      }
    }
    Path gui = dir.resolve("gui.json");
    TrainingStatsWriter.write(gui, log.run());

    ObjectMapper json = new ObjectMapper();
    JsonNode a = json.readTree(cli.toFile());
    JsonNode b = json.readTree(gui.toFile());
    assertThat(b.get("format")).isEqualTo(a.get("format"));
    assertThat(b.get("layers")).isEqualTo(a.get("layers"));
    assertThat(b.get("records").size()).isEqualTo(6);
    assertThat(b.get("records")).isEqualTo(a.get("records"));
    assertThat(b.get("diverged")).isEqualTo(a.get("diverged"));
  }
}
