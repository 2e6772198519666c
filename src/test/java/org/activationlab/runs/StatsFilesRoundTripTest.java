package org.activationlab.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.activationlab.export.TrainingStatsWriter;
import org.activationlab.export.TrainingStatsWriter.Layer;
import org.activationlab.export.TrainingStatsWriter.Record;
import org.activationlab.training.LayerRecord;
import org.activationlab.training.LayerSnapshot;
import org.activationlab.training.Presets;
import org.activationlab.training.RecordedLayer;
import org.activationlab.training.RecordedRun;
import org.activationlab.training.RecordedStep;
import org.activationlab.training.Run;
import org.activationlab.training.Scenario;
import org.activationlab.training.TrainingSnapshot;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code train --stats} writes reads back exactly: a real short run written by {@link
 * TrainingStatsWriter} as JSON and CSV, and as JSON Lines made from the same document, gives
 * every value of its snapshots.
 */
class StatsFilesRoundTripTest {

  @TempDir
  static Path dir;

  static TrainingStatsWriter.Run written;

  @BeforeAll
  static void trainAShortRun() {
    Scenario s = Presets.get("dead-relu").scenario();
    Run run = new Run(s);
    List<Record> records = new ArrayList<>();
    TrainingSnapshot last = run.snapshot(false);
    records.add(Record.of(last));
    for (int k = 1; k <= 30; k++) {
      run.step();
      if (k % 10 == 0) {
        last = run.snapshot(false);
        records.add(Record.of(last));
      }
    }
    written = new TrainingStatsWriter.Run(s, Layer.of(last), records, -1);
  }

  @Test
  void jsonDocumentReadsBackEveryValue() throws Exception {
    Path file = dir.resolve("run.json");
    TrainingStatsWriter.write(file, written);
    RecordedRun run = StatsFiles.read(file);
    assertSame(run, true);
    assertThat(run.complete()).isTrue();
    assertThat(run.diverged()).isFalse();
    assertThat(run.meta()).containsEntry("dataset", written.scenario().dataset().id())
        .containsEntry("activation", written.scenario().activation());
  }

  @Test
  void csvReadsBackEveryValue() throws Exception {
    Path file = dir.resolve("run.csv");
    TrainingStatsWriter.write(file, written);
    RecordedRun run = StatsFiles.read(file);
    assertSame(run, false);
    assertThat(run.meta()).isEmpty();
  }

  @Test
  void jsonLinesOfTheSameRunReadBackEveryValue() throws Exception {
    Path file = dir.resolve("run.jsonl");
    Files.write(file, Jsonl.fromDocument(TrainingStatsWriter.json(written), true));
    RecordedRun run = StatsFiles.read(file);
    assertSame(run, true);
    assertThat(run.complete()).isTrue();
  }

  @Test
  void theLayoutIsFoundFromTheContentNotTheName() throws Exception {
    Path lines = dir.resolve("lines-named.json");
    Files.write(lines, Jsonl.fromDocument(TrainingStatsWriter.json(written), false));
    Path csv = dir.resolve("csv-named.txt");
    Files.write(csv, TrainingStatsWriter.csv(written));
    assertSame(StatsFiles.read(lines), true);
    assertThat(StatsFiles.read(lines).complete()).isFalse(); // no end line: still running
    assertSame(StatsFiles.read(csv), false);
  }

  /** Equal as Double.equals says: NaN equals NaN, the same bits otherwise. */
  static void same(double actual, double expected) {
    assertThat(Double.valueOf(actual)).isEqualTo(Double.valueOf(expected));
  }

  /** Every value read equals the snapshot's (NaN where the writer wrote null or nothing). */
  static void assertSame(RecordedRun run, boolean json) {
    assertThat(run.source()).isEqualTo(RecordedRun.Source.ACTIVATION_LAB);
    assertThat(run.layers()).hasSize(written.layers().size());
    for (int l = 0; l < written.layers().size(); l++) {
      Layer w = written.layers().get(l);
      RecordedLayer r = run.layers().get(l);
      assertThat(r.index()).isEqualTo(w.index());
      assertThat(r.name()).isEqualTo(String.valueOf(w.index()));
      assertThat(r.kind()).isEqualTo(w.kind());
      assertThat(r.type()).isEqualTo("dense");
      assertThat(r.width()).isEqualTo(w.width());
      assertThat(r.activation()).isEqualTo(w.activation());
    }
    assertThat(run.size()).isEqualTo(written.records().size());
    for (int i = 0; i < run.size(); i++) {
      Record w = written.records().get(i);
      RecordedStep r = run.record(i);
      assertThat(r.step()).isEqualTo(w.step());
      same(r.loss(), w.loss());
      same(r.testLoss(), w.testLoss());
      same(r.accuracy(), w.accuracy());
      assertThat(r.layers()).hasSize(w.layers().size());
      for (int l = 0; l < w.layers().size(); l++) {
        LayerSnapshot ws = w.layers().get(l);
        LayerRecord rl = r.layer(l);
        same(rl.gradMeanAbs(), ws.gradMeanAbs());
        same(rl.gradWeightRms(), ws.gradWeightRms());
        same(rl.deadFraction(), ws.deadFraction());
        same(rl.inactiveFraction(), ws.inactiveFraction());
        same(rl.saturatedFraction(), ws.saturatedFraction());
        same(rl.activationMean(), ws.activationMean());
        same(rl.activationStd(), ws.activationStd());
        assertThat(rl.units()).isEqualTo(ws.width());
        for (int j = 0; j < ws.width(); j++) {
          same(rl.neuronGrad(j), ws.neuronGrad(j));
          assertThat(rl.isDead(j)).isEqualTo(ws.isDead(j));
        }
        assertThat(rl.updateRatio()).isNaN(); // not written by train --stats
        assertThat(rl.histogram()).isNull();
      }
    }
  }
}
