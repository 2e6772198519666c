package org.activationlab.ui.run;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.activationlab.render.RunDrawings;
import org.activationlab.render.RunMetric;
import org.activationlab.runs.RunFiles;
import org.activationlab.runs.RunFollower;
import org.activationlab.training.RecordedRun;
import org.activationlab.training.RunAlerts;
import org.activationlab.ui.I18n;

/**
 * The run viewer's state: the run file open (read and followed on a background thread, never the
 * FX thread), the record shown and the view options. It outlives the window (a language switch
 * rebuilds the view, not this). A file that cannot be read is reported and changes nothing: the
 * run shown before stays.
 */
public final class RunViewerModel implements RunDrawings.View, AutoCloseable {

  private final ReadOnlyObjectWrapper<RecordedRun> run = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyObjectWrapper<Path> file = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
  private final ReadOnlyObjectWrapper<Path> opening = new ReadOnlyObjectWrapper<>();
  /** Whether the shown record follows the newest as records arrive. */
  private final BooleanProperty stickToLatest = new SimpleBooleanProperty(true);
  private final IntegerProperty index = new SimpleIntegerProperty(0);
  private final ObjectProperty<RunMetric> metric = new SimpleObjectProperty<>(
      RunMetric.MEAN_ABS_DELTA);
  private final BooleanProperty logLoss = new SimpleBooleanProperty(true);
  private final IntegerProperty firstLayer = new SimpleIntegerProperty(0);
  private final IntegerProperty activationLayer = new SimpleIntegerProperty(0);
  private List<RunAlerts.Span> alerts = List.of();
  private RunFollower follower;
  /** The follower of a file being opened, until its first run arrives. */
  private RunFollower pending;
  private boolean live;
  /** Why following stopped before the run's end, or null. */
  private String stoppedReason;

  public RunViewerModel() {
    stickToLatest.addListener((o, was, now) -> {
      if (now && run.get() != null) {
        index.set(run.get().size() - 1);
      }
    });
  }

  /**
   * Opens {@code path}: read on a background thread, then followed while it grows. {@code
   * onError} gets a one-line message (FX thread) if it cannot be read; the run shown stays.
   */
  public void open(Path path, Consumer<String> onError) {
    if (pending != null) {
      pending.close();
    }
    opening.set(path);
    status.set(I18n.text("run.status.reading", path.getFileName()));
    RunFollower[] self = new RunFollower[1];
    self[0] = new RunFollower(RunFiles.follow(path), new RunFollower.Listener() {
      @Override
      public void updated(RecordedRun r) {
        Platform.runLater(() -> arrived(self[0], path, r));
      }

      @Override
      public void notice(String message) {
        Platform.runLater(() -> status.set(message));
      }

      @Override
      public void stopped(IOException error) {
        Platform.runLater(() -> ended(self[0], error, onError));
      }
    });
    pending = self[0];
  }

  private void arrived(RunFollower from, Path path, RecordedRun r) {
    if (from == pending) { // the file opened: it replaces the run shown
      if (follower != null) {
        follower.close();
      }
      follower = from;
      pending = null;
      opening.set(null);
      file.set(path);
      firstLayer.set(0);
      activationLayer.set(0);
      live = true;
      stoppedReason = null;
      show(r, true);
    } else if (from == follower) {
      show(r, false);
    }
  }

  private void show(RecordedRun r, boolean fresh) {
    alerts = RunAlerts.of(r);
    run.set(r);
    if (fresh || stickToLatest.get()) {
      index.set(Math.max(0, r.size() - 1));
    }
    status.set(statusOf(r));
  }

  private String statusOf(RecordedRun r) {
    if (stoppedReason != null) {
      return I18n.text("run.status.stopped", stoppedReason);
    }
    if (r.complete()) {
      return I18n.text(r.diverged() ? "run.status.diverged" : "run.status.finished", r.size(),
          r.divergedAtStep());
    }
    return live ? I18n.text("run.status.following", r.size())
        : I18n.text("run.status.partial", r.size());
  }

  private void ended(RunFollower from, IOException error, Consumer<String> onError) {
    if (from == pending) {
      pending = null;
      opening.set(null);
      from.close();
      status.set(run.get() == null ? "" : statusOf(run.get()));
      if (error != null) {
        onError.accept(error.getMessage());
      }
      return;
    }
    if (from == follower) {
      live = false;
      stoppedReason = error == null ? null : error.getMessage();
      RecordedRun r = run.get();
      status.set(r == null ? "" : statusOf(r));
    }
  }

  /** Says the state again in the window's language (after a language switch). */
  public void refreshStatus() {
    RecordedRun r = run.get();
    if (opening.get() == null && r != null) {
      status.set(statusOf(r));
    }
  }

  /** Stops following; the run read stays shown. */
  @Override
  public void close() {
    if (follower != null) {
      follower.close();
    }
    if (pending != null) {
      pending.close();
    }
    live = false;
  }

  // ---------------------------------------------------------------------- RunDrawings.View

  @Override
  public RecordedRun run() {
    return run.get();
  }

  @Override
  public int index() {
    RecordedRun r = run.get();
    return r == null ? 0 : Math.max(0, Math.min(index.get(), r.size() - 1));
  }

  @Override
  public RunMetric metric() {
    return metric.get();
  }

  @Override
  public boolean logLoss() {
    return logLoss.get();
  }

  @Override
  public int firstLayer() {
    return firstLayer.get();
  }

  @Override
  public int activationLayer() {
    RecordedRun r = run.get();
    return r == null ? 0 : Math.max(0, Math.min(activationLayer.get(), r.layers().size() - 1));
  }

  @Override
  public List<RunAlerts.Span> alerts() {
    return alerts;
  }

  // ------------------------------------------------------------------------- properties

  public ReadOnlyObjectProperty<RecordedRun> runProperty() {
    return run.getReadOnlyProperty();
  }

  public ReadOnlyObjectProperty<Path> fileProperty() {
    return file.getReadOnlyProperty();
  }

  /** The file being read before it replaces the run shown, or null. */
  public ReadOnlyObjectProperty<Path> openingProperty() {
    return opening.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty statusProperty() {
    return status.getReadOnlyProperty();
  }

  public BooleanProperty stickToLatestProperty() {
    return stickToLatest;
  }

  public IntegerProperty indexProperty() {
    return index;
  }

  public ObjectProperty<RunMetric> metricProperty() {
    return metric;
  }

  public BooleanProperty logLossProperty() {
    return logLoss;
  }

  public IntegerProperty firstLayerProperty() {
    return firstLayer;
  }

  public IntegerProperty activationLayerProperty() {
    return activationLayer;
  }

  /** Whether the file is still being followed (it may grow). */
  public boolean live() {
    return live;
  }

  /** Shows record i (leaves "follow the newest" unless it is the newest). */
  public void showRecord(int i) {
    RecordedRun r = run.get();
    if (r == null) {
      return;
    }
    int clamped = Math.max(0, Math.min(i, r.size() - 1));
    stickToLatest.set(clamped == r.size() - 1);
    index.set(clamped);
  }
}
