package org.activationlab.ui.explorer;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * A lower panel's title with a "?" button that shows or hides its explanation (hidden at first,
 * as the Lab's pictures do), so on a 720p projector the picture gets the height and the
 * explanation is one click away; the tooltip of the button holds it too.
 */
final class PanelHeader extends VBox {

  private final ToggleButton help = new ToggleButton("?");
  private final Label explanation;

  PanelHeader(String id, String title, String explanationText) {
    super(2);
    Label name = new Label(title);
    name.getStyleClass().add("panel-title");
    help.setId(id + "-help");
    help.getStyleClass().addAll("small-button", "help-button");
    help.setTooltip(org.activationlab.ui.FxNodes.explanation(explanationText));
    HBox line = new HBox(8, name, help);
    line.setAlignment(Pos.CENTER_LEFT);
    explanation = new Label(explanationText);
    explanation.getStyleClass().add("hint");
    explanation.setWrapText(true);
    explanation.setId(id + "-explanation");
    explanation.visibleProperty().bind(help.selectedProperty());
    explanation.managedProperty().bind(help.selectedProperty());
    getChildren().addAll(line, explanation);
  }

  /** Whether the explanation is shown. */
  boolean explanationShown() {
    return help.isSelected();
  }

  void showExplanation(boolean shown) {
    help.setSelected(shown);
  }
}
