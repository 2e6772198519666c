package org.activationlab.ui.lab;

import java.util.Optional;
import javafx.collections.FXCollections;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import org.activationlab.ui.DisplayNames;
import org.activationlab.ui.I18n;

/** Asks what to record as an animated GIF: picture, frames, spacing, speed, size, looping. */
final class RecordDialog {

  private RecordDialog() {}

  /** The plan without its file, or empty if cancelled. */
  static Optional<GifRecording.Plan> ask(Window owner, LabPicture initial) {
    Dialog<GifRecording.Plan> dialog = new Dialog<>();
    if (owner != null) {
      dialog.initOwner(owner);
    }
    dialog.setTitle(I18n.text("record.title"));
    dialog.setHeaderText(I18n.text("record.header"));
    ChoiceBox<LabPicture> picture =
        new ChoiceBox<>(FXCollections.observableArrayList(LabPicture.values()));
    picture.setValue(initial);
    picture.setConverter(DisplayNames.of(LabPicture::displayName));
    Spinner<Integer> frames = spinner(2, 500, 60, "record.frames.tooltip");
    Spinner<Integer> every = spinner(1, 100_000, 10, "record.every.tooltip");
    ChoiceBox<Boolean> unit = new ChoiceBox<>(FXCollections.observableArrayList(false, true));
    unit.setValue(false);
    unit.setConverter(DisplayNames.of((Boolean seconds) ->
        I18n.text(seconds ? "record.unit.seconds" : "record.unit.steps")));
    javafx.scene.layout.HBox spacing = new javafx.scene.layout.HBox(6, every, unit);
    Spinner<Integer> delay = spinner(20, 10_000, 100, "record.delay.tooltip");
    Spinner<Integer> width = spinner(64, 4096, 1000, "record.size.tooltip");
    Spinner<Integer> height = spinner(64, 4096, 560, "record.size.tooltip");
    CheckBox loop = new CheckBox(I18n.text("record.loop"));
    loop.setSelected(true);
    GridPane grid = new GridPane();
    grid.setHgap(8);
    grid.setVgap(8);
    grid.addRow(0, new Label(I18n.text("record.picture")), picture);
    grid.addRow(1, new Label(I18n.text("record.frames")), frames);
    grid.addRow(2, new Label(I18n.text("record.every")), spacing);
    grid.addRow(3, new Label(I18n.text("record.delay")), delay);
    grid.addRow(4, new Label(I18n.text("export.width")), width);
    grid.addRow(5, new Label(I18n.text("export.height")), height);
    grid.add(loop, 1, 6);
    dialog.getDialogPane().setContent(grid);
    ButtonType start = new ButtonType(I18n.text("record.start"), ButtonBar.ButtonData.OK_DONE);
    dialog.getDialogPane().getButtonTypes().addAll(start, ButtonType.CANCEL);
    dialog.setResultConverter(b -> b == start
        ? new GifRecording.Plan(picture.getValue(), frames.getValue(), every.getValue(),
            unit.getValue(), width.getValue(), height.getValue(), delay.getValue(),
            loop.isSelected(), null)
        : null);
    return dialog.showAndWait();
  }

  private static Spinner<Integer> spinner(int min, int max, int value, String tooltipKey) {
    Spinner<Integer> s = new Spinner<>(min, max, value);
    s.setEditable(true);
    s.setTooltip(new Tooltip(I18n.text(tooltipKey)));
    return s;
  }
}
