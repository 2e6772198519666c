package org.activationlab.bench;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import javafx.application.Platform;

/** Starts the JavaFX toolkit for a benchmark and runs work on its thread, waiting for the result. */
final class FxThread {

  private FxThread() {}

  /** Starts the toolkit unless it is running already. */
  static void start() throws InterruptedException {
    CountDownLatch started = new CountDownLatch(1);
    try {
      Platform.startup(started::countDown);
    } catch (IllegalStateException alreadyRunning) {
      started.countDown();
    }
    started.await();
  }

  /** Runs {@code c} on the FX thread and returns its result (or throws its failure). */
  static <T> T call(Callable<T> c) throws Exception {
    CompletableFuture<T> done = new CompletableFuture<>();
    Platform.runLater(() -> {
      try {
        done.complete(c.call());
      } catch (Throwable e) {
        done.completeExceptionally(e);
      }
    });
    return done.get();
  }

  static void run(Runnable r) throws Exception {
    call(() -> {
      r.run();
      return null;
    });
  }
}
