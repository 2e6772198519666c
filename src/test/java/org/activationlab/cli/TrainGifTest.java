package org.activationlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.activationlab.cli.EvalCommandTest.Result;
import org.activationlab.export.GifFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code train --gif}: frames, size, delay, looping, pictures, errors and divergence. */
class TrainGifTest {

  @TempDir
  Path dir;

  static Result run(String... args) {
    return EvalCommandTest.run(args);
  }

  private List<Path> files() throws Exception {
    try (Stream<Path> s = Files.list(dir)) {
      return s.sorted().toList();
    }
  }

  @Test
  void heatmapGifHasTheRequestedFramesLoopsAndChangesOverTheRun() throws Exception {
    Path gif = dir.resolve("run.gif");
    Result r = run("train", "--preset", "dead-relu", "--steps", "40", "--gif", gif.toString(),
        "--frames", "5");
    assertThat(r.status()).as(r.err()).isZero();
    assertThat(r.out()).contains("wrote " + gif + " (5 frames)");
    assertThat(files()).containsExactly(gif); // no stats asked, none written; no temp file
    GifFiles.Gif g = GifFiles.read(gif);
    assertThat(g.frames()).hasSize(5);
    for (BufferedImage f : g.frames()) {
      assertThat(f.getWidth()).isEqualTo(1000);
      assertThat(f.getHeight()).isEqualTo(80 + 46 * 4); // 3 hidden layers + output
      assertThat(TrainCommandTest.colours(f)).isGreaterThan(20);
    }
    assertThat(GifFiles.loops(g.metadata().get(0))).isTrue();
    assertThat(GifFiles.delay(g, 0)).isEqualTo(10);
    // dead-relu kills units within the first steps: the picture changes from frame to frame
    assertThat(GifFiles.difference(g.frames().get(0), g.frames().get(4))[1]).isGreaterThan(0.5);
    for (int i = 1; i < 5; i++) {
      assertThat(GifFiles.difference(g.frames().get(i - 1), g.frames().get(i))[0])
          .as("frame %d differs from frame %d (its title names its step)", i, i - 1)
          .isGreaterThan(50);
    }
  }

  @Test
  void everyPictureKindWithSizeDelayAndPlayOnce() throws Exception {
    for (String picture : List.of("heatmap", "history", "boundary", "network")) {
      Path gif = dir.resolve(picture + ".gif");
      Result r = run("train", "--preset", "playground", "--steps", "200", "--gif", gif.toString(),
          "--picture", picture, "--frames", "3", "--gif-size", "320x240", "--gif-delay", "250",
          "--gif-once");
      assertThat(r.status()).as(picture + ": " + r.err()).isZero();
      GifFiles.Gif g = GifFiles.read(gif);
      assertThat(g.frames()).as(picture).hasSize(3);
      for (BufferedImage f : g.frames()) {
        assertThat(f.getWidth()).isEqualTo(320);
        assertThat(f.getHeight()).isEqualTo(240);
      }
      assertThat(g.metadata()).as(picture).noneMatch(GifFiles::loops);
      assertThat(GifFiles.delay(g, 2)).isEqualTo(25);
      // the boundary sharpens, the history grows, cells and links change colour
      assertThat(GifFiles.difference(g.frames().get(0), g.frames().get(2))[0]).as(picture)
          .isGreaterThan(30);
    }
  }

  @Test
  void framesDoNotChangeTheStats() throws Exception {
    Path plain = dir.resolve("plain.json");
    Path withGif = dir.resolve("with-gif.json");
    assertThat(run("train", "--preset", "relu-he", "--steps", "50", "--every", "7", "--stats",
        plain.toString()).status()).isZero();
    Result r = run("train", "--preset", "relu-he", "--steps", "50", "--every", "7", "--stats",
        withGif.toString(), "--gif", dir.resolve("a.gif").toString(), "--frames", "13",
        "--picture", "history");
    assertThat(r.status()).as(r.err()).isZero();
    assertThat(Files.readAllBytes(withGif)).isEqualTo(Files.readAllBytes(plain));
  }

  @Test
  void badGifOptionsGiveOneLineStatusTwoAndNoFile() throws Exception {
    String gif = dir.resolve("x.gif").toString();
    String[][] cases = {
        {"train", "--preset", "playground", "--gif", gif, "--frames", "1"},
        {"train", "--preset", "playground", "--gif", gif, "--frames", "501"},
        {"train", "--preset", "playground", "--steps", "10", "--gif", gif, "--frames", "12"},
        {"train", "--preset", "playground", "--gif", gif, "--picture", "pie"},
        {"train", "--preset", "playground", "--gif", gif, "--gif-size", "10x10"},
        {"train", "--preset", "playground", "--gif", gif, "--gif-size", "big"},
        {"train", "--preset", "playground", "--gif", gif, "--gif-delay", "5"},
        {"train", "--preset", "playground", "--gif", dir.resolve("x.png").toString()},
        {"train", "--preset", "playground", "--gif", dir.resolve("no/such/x.gif").toString()},
        {"train", "--preset", "playground", "--frames", "5"},
        {"train", "--preset", "playground", "--stats", dir.resolve("s.json").toString(),
            "--picture", "history"},
        {"train", "--preset", "playground", "--stats", dir.resolve("s.json").toString(),
            "--gif-once"}};
    for (String[] args : cases) {
      Result r = run(args);
      String what = String.join(" ", args);
      assertThat(r.status()).as(what + " → " + r.err()).isEqualTo(2);
      assertThat(r.err().lines().count()).as(what + ": " + r.err()).isEqualTo(1);
      assertThat(files()).as("nothing written: " + what).isEmpty();
    }
    assertThat(run(cases[2]).err()).contains("--frames 12").contains("11");
    assertThat(run(cases[3]).err()).contains("network, boundary, heatmap, loss, history, activations");
    assertThat(run(cases[9]).err()).contains("nothing to write");
    assertThat(run(cases[10]).err()).contains("--picture").contains("add --gif");
  }

  @Test
  void aShortRunGetsAFrameForEveryStepByDefault() throws Exception {
    Path gif = dir.resolve("short.gif");
    Result r = run("train", "--preset", "playground", "--steps", "9", "--gif", gif.toString(),
        "--picture", "network");
    assertThat(r.status()).as(r.err()).isZero();
    assertThat(GifFiles.read(gif).frames()).hasSize(10);
    assertThat(TrainCommand.frameSteps(5, 100)).containsExactly(0, 25, 50, 75, 100);
    assertThat(TrainCommand.frameSteps(4, 10)).containsExactly(0, 3, 7, 10);
    assertThat(TrainCommand.frameSteps(11, 10)).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
  }

  @Test
  void aDivergedRunWritesNoGif() throws Exception {
    Path stats = dir.resolve("d.json");
    Path gif = dir.resolve("d.gif");
    Result r = run("train", "--preset", "exploding", "--set", "learningRate=100", "--stats",
        stats.toString(), "--gif", gif.toString(), "--frames", "50");
    assertThat(r.status()).as(r.err()).isEqualTo(3);
    assertThat(r.err()).contains("diverged").contains("no pictures");
    assertThat(files()).containsExactly(stats); // neither the GIF nor its temporary file

    Result noStats = run("train", "--preset", "exploding", "--set", "learningRate=100",
        "--gif", gif.toString());
    assertThat(noStats.status()).isEqualTo(3);
    assertThat(files()).containsExactly(stats);
  }
}
