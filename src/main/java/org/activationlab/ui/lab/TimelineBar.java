package org.activationlab.ui.lab;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.activationlab.training.TrainingSnapshot;
import org.activationlab.ui.I18n;

/**
 * The timeline under the Lab's pictures: drag to any past step and every picture shows the run
 * as it was then (rebuilt exactly by the trainer); "Live" returns to the run's own step;
 * "Continue from here" trains on from the step shown as a new branch; "Other branch" goes back to
 * the branch it left (and again), until a reset.
 */
final class TimelineBar extends HBox {

  private final LabModel model;
  private final Slider slider = new Slider(0, 1, 0);
  private final Label where = new Label();
  private final Button live = new Button(I18n.text("lab.timeline.live"));
  private final Button fork = new Button(I18n.text("lab.timeline.continue"));
  private final Button other = new Button(I18n.text("lab.timeline.switch"));
  /** Set while the bar itself moves the slider, so that this does not send a command. */
  private boolean following;

  TimelineBar(LabModel model) {
    super(8);
    this.model = model;
    setId("lab-timeline");
    setAlignment(Pos.CENTER_LEFT);
    setPadding(new Insets(2, 8, 2, 8));
    getStyleClass().add("lab-timeline");
    slider.setId("timeline-slider");
    slider.setTooltip(new Tooltip(I18n.text("lab.timeline.tooltip")));
    HBox.setHgrow(slider, Priority.ALWAYS);
    slider.setMaxWidth(Double.MAX_VALUE);
    where.setId("timeline-step");
    where.setMinWidth(Label.USE_PREF_SIZE);
    live.setId("timeline-live");
    live.getStyleClass().add("small-button");
    live.setTooltip(new Tooltip(I18n.text("lab.timeline.live.tooltip")));
    fork.setId("timeline-continue");
    fork.getStyleClass().add("small-button");
    fork.setTooltip(new Tooltip(I18n.text("lab.timeline.continue.tooltip")));
    other.setId("timeline-switch");
    other.getStyleClass().add("small-button");
    live.setMinWidth(Button.USE_PREF_SIZE);
    fork.setMinWidth(Button.USE_PREF_SIZE);
    other.setMinWidth(Button.USE_PREF_SIZE);
    other.setDisable(true);
    Label name = new Label(I18n.text("lab.timeline"));
    name.setMinWidth(Label.USE_PREF_SIZE);
    getChildren().addAll(name, slider, where, live, fork, other);

    slider.valueProperty().addListener((o, was, now) -> {
      if (!following) {
        model.view(Math.round(now.doubleValue()));
      }
    });
    live.setOnAction(e -> model.view(Long.MAX_VALUE));
    fork.setOnAction(e -> model.continueFrom(Math.round(slider.getValue())));
    other.setOnAction(e -> model.switchBranch());
  }

  /** Follows the snapshot shown: the slider spans the run, its knob at the step shown. */
  void show(TrainingSnapshot s) {
    long liveStep = Math.max(s.step(), s.status().liveStep());
    boolean past = s.step() < liveStep;
    following = true;
    try {
      slider.setMax(Math.max(1, liveStep));
      if (!slider.isValueChanging() && Math.round(slider.getValue()) != s.step()) {
        slider.setValue(s.step());
      }
    } finally {
      following = false;
    }
    where.setText(past ? I18n.text("lab.timeline.past", s.step(), liveStep)
        : I18n.text("lab.timeline.now", s.step()));
    live.setDisable(!past);
    fork.setDisable(!past);
    long parted = s.status().otherBranch();
    other.setDisable(parted < 0);
    other.setTooltip(parted < 0 ? null
        : new Tooltip(I18n.text("lab.timeline.switch.tooltip", parted)));
  }

  Slider slider() {
    return slider;
  }
}
