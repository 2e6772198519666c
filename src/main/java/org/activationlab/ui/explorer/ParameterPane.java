package org.activationlab.ui.explorer;

import java.util.List;
import java.util.function.IntFunction;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import org.activationlab.activation.Parameter;
import org.activationlab.ui.I18n;

/**
 * Sliders and fields for the parameters of every shown function. Rebuilt only when the set of shown
 * functions changes, never while a slider is dragged.
 */
final class ParameterPane extends VBox {

  private final org.activationlab.ui.ViewListeners listeners =
      new org.activationlab.ui.ViewListeners();

  private final ExplorerModel model;
  private final IntFunction<Color> slotColour;

  ParameterPane(ExplorerModel model, IntFunction<Color> slotColour) {
    super(8);
    this.model = model;
    this.slotColour = slotColour;
    setId("parameter-pane");
    getStyleClass().add("parameter-pane");
    setPadding(new Insets(4, 0, 4, 0));
    listeners.onList(model.shown(), c -> {
      boolean structural = false;
      while (c.next()) {
        structural |= c.wasAdded() || c.wasRemoved() || c.wasPermutated();
      }
      if (structural) {
        rebuild();
      }
    });
    rebuild();
  }

  private void rebuild() {
    getChildren().clear();
    Label title = new Label(I18n.text("explorer.parameters"));
    title.getStyleClass().add("section-title");
    getChildren().add(title);
    boolean any = false;
    for (ShownFunction s : model.shown()) {
      List<Parameter> params = s.function().parameters();
      if (params.isEmpty()) {
        continue;
      }
      any = true;
      getChildren().add(group(s, params));
    }
    if (!any) {
      Label none = new Label(I18n.text("explorer.parameters.none"));
      none.setWrapText(true);
      none.getStyleClass().add("hint");
      getChildren().add(none);
    }
  }

  private VBox group(ShownFunction s, List<Parameter> params) {
    Region swatch = new Region();
    swatch.getStyleClass().add("swatch");
    swatch.setMinSize(12, 12);
    swatch.setMaxSize(12, 12);
    swatch.setStyle("-fx-background-color: " + FunctionListPane.web(slotColour.apply(s.paletteSlot())));
    Label name = new Label(s.function().displayName());
    name.getStyleClass().add("group-title");
    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    Button reset = new Button(I18n.text("explorer.parameters.reset"));
    reset.getStyleClass().add("small-button");
    reset.setTooltip(new Tooltip(I18n.text("explorer.parameters.reset.tooltip")));
    HBox header = new HBox(6, swatch, name, spacer, reset);
    header.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
    VBox box = new VBox(4, header);
    box.setId("parameters-" + s.function().id());
    box.getStyleClass().add("parameter-group");
    double[] values = s.activation().parameterValues();
    for (int i = 0; i < params.size(); i++) {
      int index = i;
      box.getChildren().add(
          new ParameterEditor(params.get(i), values[i], v -> s.setParameter(index, v)));
    }
    reset.setOnAction(e -> {
      s.resetParameters();
      int at = getChildren().indexOf(box);
      if (at >= 0) {
        getChildren().set(at, group(s, params));
      }
    });
    return box;
  }
}
