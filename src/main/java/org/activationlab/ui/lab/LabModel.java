package org.activationlab.ui.lab;

import java.util.List;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.activationlab.export.LocalizedText;
import org.activationlab.render.DecadeRange;
import org.activationlab.render.HistoryMetric;
import org.activationlab.training.Command;
import org.activationlab.training.Comparison;
import org.activationlab.training.Presets;
import org.activationlab.training.Scenario;
import org.activationlab.training.Trainer;
import org.activationlab.training.TrainingSnapshot;

/**
 * The Lab's state on the FX side: the scenario as the user set it, the preset or lesson it came
 * from, the lesson's notes and whether they are shown, and the {@link Trainer} that runs it on its
 * own thread. Verbs translate user actions into commands;
 * every settings change sends the whole new scenario ({@link Command.Configure}), and the
 * trainer applies live what the running network can take. The model outlives the view (a language switch rebuilds the view).
 */
public final class LabModel implements AutoCloseable {

  /** The preset shown first: the shallow network that learns the circle. */
  public static final String FIRST_PRESET = "playground";

  /** Speeds offered, in steps per second; 0 = as fast as possible. */
  public static final List<Double> SPEEDS =
      List.of(1.0, 10.0, 20.0, 50.0, 100.0, 1000.0, 10000.0, 0.0);

  /** A class watches a preset or lesson unfold to its designed step in at most this long. */
  public static final double WATCH_SECONDS = 20;

  /** The speed at start, before a preset is loaded. */
  public static final double DEFAULT_SPEED = 100;

  private final Trainer trainer;
  private final ReadOnlyObjectWrapper<Scenario> scenario = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyStringWrapper preset = new ReadOnlyStringWrapper(FIRST_PRESET);
  private final ReadOnlyDoubleWrapper speed =
      new ReadOnlyDoubleWrapper(DEFAULT_SPEED);
  private final ObjectProperty<HistoryMetric> historyMetric =
      new SimpleObjectProperty<>(HistoryMetric.MEAN_ABS_DELTA);
  private final BooleanProperty logLoss = new SimpleBooleanProperty(true);
  private final ReadOnlyObjectWrapper<LocalizedText> lessonTitle =
      new ReadOnlyObjectWrapper<>(LocalizedText.EMPTY);
  private final ReadOnlyObjectWrapper<LocalizedText> lessonNotes =
      new ReadOnlyObjectWrapper<>(LocalizedText.EMPTY);
  private final BooleanProperty notesShown = new SimpleBooleanProperty(false);
  private final BooleanProperty notesShownFullView = new SimpleBooleanProperty(false);
  /** The hidden layer (0-based) whose activations the Lab shows: kept across language switches. */
  private int activationLayer;
  /** The gradient colour range the user locked (empty: fitted to each snapshot). */
  private final ObjectProperty<Optional<DecadeRange>> gradientLock =
      new SimpleObjectProperty<>(Optional.empty());
  /** Runs A and B trained side by side, or empty for one run. */
  private final ReadOnlyObjectWrapper<Optional<Comparison>> comparison =
      new ReadOnlyObjectWrapper<>(Optional.empty());
  /** While comparing: whether the settings shown and changed are run B's (else A's). */
  private final BooleanProperty editingB = new SimpleBooleanProperty(true);

  public LabModel() {
    this(Presets.get(FIRST_PRESET).scenario());
  }

  public LabModel(Scenario first) {
    scenario.set(first);
    trainer = new Trainer(first);
    trainer.submit(new Command.SetSpeed(speed.get()));
  }

  /**
   * The scenario the settings show and change: the one run's, or while comparing the side being
   * edited ({@link #editingBProperty()}).
   */
  public ReadOnlyObjectProperty<Scenario> scenarioProperty() {
    return scenario.getReadOnlyProperty();
  }

  public Scenario scenario() {
    return scenario.get();
  }

  /** Runs A and B side by side, or empty when one run trains. */
  public ReadOnlyObjectProperty<Optional<Comparison>> comparisonProperty() {
    return comparison.getReadOnlyProperty();
  }

  public Optional<Comparison> comparison() {
    return comparison.get();
  }

  /** Run A's settings: the one run's, or the first of a comparison (what a file saves as the lab). */
  public Scenario scenarioA() {
    return comparison.get().map(Comparison::a).orElse(scenario.get());
  }

  /** While comparing, whether the settings edit run B (true) or run A. */
  public BooleanProperty editingBProperty() {
    return editingB;
  }

  /**
   * Trains {@code pair} side by side: both runs new at step 0, paused; the settings then edit
   * run B. The notes of a lesson stay.
   */
  public void compare(Comparison pair) {
    comparison.set(Optional.of(pair));
    editingB.set(true);
    scenario.set(pair.b());
    trainer.submit(new Command.Pause());
    trainer.submit(new Command.Compare(pair, true));
    setSpeed(watchSpeed(pair.a().steps()));
  }

  /** Compares the run with a copy of itself, whose settings the user then changes. */
  public void compareWithCopy() {
    compare(Comparison.ofCopy(scenarioA()));
  }

  /** Goes back to one run: A goes on where it is; B is dropped. */
  public void endComparison() {
    if (comparison.get().isEmpty()) {
      return;
    }
    Scenario a = scenarioA();
    comparison.set(Optional.empty());
    scenario.set(a);
    trainer.submit(new Command.EndCompare());
  }

  /** While comparing, shows and edits run A's settings ({@code false}) or B's ({@code true}). */
  public void editB(boolean b) {
    editingB.set(b);
    comparison.get().ifPresent(c -> scenario.set(b ? c.b() : c.a()));
  }

  /** The preset the scenario started from, or empty once the user changed a rebuild setting. */
  public ReadOnlyStringProperty presetProperty() {
    return preset.getReadOnlyProperty();
  }

  /** The newest snapshot (never null). */
  public TrainingSnapshot latest() {
    return trainer.latest();
  }

  Trainer trainer() {
    return trainer;
  }

  /** Waits for a snapshot matching {@code condition} (see {@link Trainer#await}). */
  public TrainingSnapshot await(java.util.function.Predicate<TrainingSnapshot> condition,
      java.time.Duration timeout)
      throws InterruptedException, java.util.concurrent.TimeoutException {
    return trainer.await(condition, timeout);
  }

  /** What the gradient history plots (a view option, saved with a scenario). */
  public ObjectProperty<HistoryMetric> historyMetricProperty() {
    return historyMetric;
  }

  /** Whether the loss axis is logarithmic (a view option, saved with a scenario). */
  public BooleanProperty logLossProperty() {
    return logLoss;
  }

  /**
   * The gradient colour range locked to compare moments of a run (heatmap and network), or
   * empty when each snapshot's range is fitted to it. Kept across resets and language switches.
   */
  public ObjectProperty<Optional<DecadeRange>> gradientLockProperty() {
    return gradientLock;
  }

  public Optional<DecadeRange> gradientLock() {
    return gradientLock.get();
  }

  /** The hidden layer (0-based) whose activations are shown. */
  public int activationLayer() {
    return activationLayer;
  }

  void setActivationLayer(int layer) {
    activationLayer = layer;
  }

  /**
   * The name of the lesson the scenario came from, empty when none or once a preset was loaded or
   * a setting changed that needs a new network (as {@link #presetProperty()} is then).
   */
  public ReadOnlyObjectProperty<LocalizedText> lessonTitleProperty() {
    return lessonTitle.getReadOnlyProperty();
  }

  /** The notes of the lesson opened last (empty when none); kept while its settings change. */
  public ReadOnlyObjectProperty<LocalizedText> lessonNotesProperty() {
    return lessonNotes.getReadOnlyProperty();
  }

  /** Whether the lesson notes are shown beside the pictures (opening a lesson shows them). */
  public BooleanProperty notesShownProperty() {
    return notesShown;
  }

  /**
   * Whether the lesson notes are shown in full screen and in focus mode, where the pictures have
   * the room unless the teacher opens the notes there.
   */
  public BooleanProperty notesShownFullViewProperty() {
    return notesShownFullView;
  }

  /** Loads a preset: a new network, paused at step 0. The notes of a lesson stay. */
  public void loadPreset(String name) {
    Presets.Preset p = Presets.get(name);
    comparison.set(Optional.empty());
    scenario.set(p.scenario());
    lessonTitle.set(LocalizedText.EMPTY);
    preset.set(p.name());
    trainer.submit(new Command.Pause());
    trainer.submit(Command.Configure.fresh(p.scenario()));
    setSpeed(watchSpeed(p.scenario().steps()));
  }

  /** Replaces the whole scenario: a new network, paused at step 0; no lesson. */
  public void load(Scenario s) {
    loadLesson(s, LocalizedText.EMPTY, LocalizedText.EMPTY);
  }

  /**
   * Opens a lesson: its scenario (a new network, paused at step 0), its name for the preset
   * chooser and its notes, which are shown when it has any.
   */
  public void loadLesson(Scenario s, LocalizedText title, LocalizedText notes) {
    loadLesson(s, title, notes, Optional.empty());
  }

  /**
   * Opens a lesson whose runs may be compared: as {@link #loadLesson(Scenario, LocalizedText,
   * LocalizedText)}, with run B beside A when {@code compareWith} holds a comparison.
   */
  public void loadLesson(Scenario s, LocalizedText title, LocalizedText notes,
      Optional<Comparison> compareWith) {
    comparison.set(Optional.empty());
    scenario.set(s);
    lessonTitle.set(title == null ? LocalizedText.EMPTY : title);
    lessonNotes.set(notes == null ? LocalizedText.EMPTY : notes);
    if (!lessonNotes.get().isBlank()) {
      notesShown.set(true);
    }
    preset.set("");
    trainer.submit(new Command.Pause());
    if (compareWith.isPresent()) {
      compare(compareWith.get());
      return;
    }
    trainer.submit(Command.Configure.fresh(s));
    setSpeed(watchSpeed(s.steps()));
  }

  /**
   * Changes one setting ({@link Scenario#withSetting} keys) given as text (a field the user typed).
   *
   * @return the reason when the value is refused (the scenario is then unchanged)
   */
  public Optional<String> set(String key, String value) {
    try {
      return configure(scenario.get().withSetting(key, value));
    } catch (IllegalArgumentException e) {
      return Optional.of(e.getMessage());
    }
  }

  /**
   * Applies new settings: what the running network can take keeps its weights ({@link
   * Scenario#needsRebuild}); anything else rebuilds the network at step 0.
   *
   * @return empty, or while comparing the reason B cannot take these settings (other data
   *     than A's)
   */
  public Optional<String> configure(Scenario next) {
    Scenario before = scenario.get();
    if (next.equals(before)) {
      return Optional.empty();
    }
    if (comparison.get().isPresent()) {
      return configurePair(next);
    }
    if (before.needsRebuild(next)) {
      lessonTitle.set(LocalizedText.EMPTY);
      preset.set("");
    }
    scenario.set(next);
    trainer.submit(Command.Configure.to(next));
    return Optional.empty();
  }

  /**
   * Changes the side being edited of a comparison; B refuses other data than A's (with the
   * reason), and A's data settings carry over to B.
   */
  private Optional<String> configurePair(Scenario next) {
    Comparison pair = comparison.get().orElseThrow();
    Comparison changed;
    try {
      changed = editingB.get() ? pair.withB(next) : pair.withA(next);
    } catch (IllegalArgumentException e) {
      return Optional.of(e.getMessage());
    }
    if (scenario.get().needsRebuild(next)) {
      lessonTitle.set(LocalizedText.EMPTY);
      preset.set("");
    }
    comparison.set(Optional.of(changed));
    scenario.set(editingB.get() ? changed.b() : changed.a());
    trainer.submit(new Command.Compare(changed, false));
    return Optional.empty();
  }

  /** The learning rate (a slider's value). */
  public Optional<String> setLearningRate(double learningRate) {
    try {
      return configure(scenario.get().toBuilder().learningRate(learningRate).build());
    } catch (IllegalArgumentException e) {
      return Optional.of(e.getMessage());
    }
  }

  /** Changes the activation of one hidden layer (0-based) without losing the weights. */
  public Optional<String> setLayerActivation(int layer, String spec) {
    try {
      return configure(scenario.get().toBuilder().activation(layer, spec).build());
    } catch (IllegalArgumentException e) {
      return Optional.of(e.getMessage());
    }
  }

  public void play() {
    trainer.submit(new Command.Play());
  }

  public void pause() {
    trainer.submit(new Command.Pause());
  }

  /** Plays when paused, pauses when playing (by the newest snapshot). */
  public void togglePlay() {
    if (latest().status().playing()) {
      pause();
    } else {
      play();
    }
  }

  /** Pauses and trains exactly one step. */
  public void step() {
    trainer.submit(new Command.Step(1));
  }

  /** Shows the run as it was after {@code step} (paused); a step at or past the live one: live. */
  public void view(long step) {
    trainer.submit(new Command.View(Math.max(0, step)));
  }

  /** Continues the run from the step shown ("continue from here"): later steps are dropped. */
  public void continueFrom(long step) {
    trainer.submit(new Command.ContinueFrom(Math.max(0, step)));
  }

  /** Swaps the run with the branch it was continued from (kept until a reset). */
  public void switchBranch() {
    trainer.submit(new Command.SwitchBranch());
  }

  /** Back to step 0 with the same settings and seed. */
  public void reset() {
    trainer.submit(new Command.Reset());
  }

  /** Steps per second while playing; 0 = as fast as possible. */
  public void setSpeed(double stepsPerSecond) {
    speed.set(stepsPerSecond);
    trainer.submit(new Command.SetSpeed(stepsPerSecond));
  }

  public double speed() {
    return speed.get();
  }

  /** The speed (a preset or lesson sets it when loaded). */
  public ReadOnlyDoubleProperty speedProperty() {
    return speed.getReadOnlyProperty();
  }

  /**
   * The speed at which {@code steps} take between half of {@link #WATCH_SECONDS} and all of it:
   * the slowest offered that is fast enough (300 steps: 20 steps/s, 15 s; 1500: 100, 15 s).
   */
  public static double watchSpeed(int steps) {
    for (double s : SPEEDS) {
      if (s > 0 && steps / s <= WATCH_SECONDS) {
        return s;
      }
    }
    return 0;
  }

  /** Stops the trainer thread (window closed). */
  @Override
  public void close() {
    trainer.close();
  }
}
