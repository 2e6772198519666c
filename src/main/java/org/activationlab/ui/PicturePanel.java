package org.activationlab.ui;

import java.util.Optional;
import java.util.function.BiFunction;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;

/**
 * A picture with what a self-learner needs around it: a readout of exact numbers under the
 * pointer, a "?" that opens a short explanation, and an export button (also in the context menu).
 * The readout and explanation sit over the picture's corners so the picture keeps its space.
 */
public final class PicturePanel extends StackPane {

  private final PictureCanvas canvas;
  private final Label readout = new Label();
  private final Label explanation = new Label();
  private final BiFunction<Double, Double, Optional<String>> hover;
  private final HBox tools;
  private double hoverX = Double.NaN;
  private double hoverY = Double.NaN;

  /**
   * @param id node id, e.g. {@code lab-heatmap} (the readout gets {@code id-readout})
   * @param canvas the picture
   * @param explanationText what the picture shows and what to look for
   * @param hover text for a pointer position in canvas coordinates, empty where nothing is
   * @param onExport opens the export dialog for this picture
   * @param onCopy puts the picture on the clipboard
   */
  public PicturePanel(String id, PictureCanvas canvas, String explanationText,
      BiFunction<Double, Double, Optional<String>> hover, Runnable onExport, Runnable onCopy) {
    this.canvas = canvas;
    this.hover = hover;
    setId(id);
    getStyleClass().add("picture-panel");
    readout.setId(id + "-readout");
    readout.getStyleClass().add("picture-readout");
    readout.setMouseTransparent(true);
    readout.setVisible(false);
    readout.setWrapText(true);
    StackPane.setAlignment(readout, Pos.BOTTOM_LEFT);
    StackPane.setMargin(readout, new Insets(0, 0, 4, 4));

    explanation.setId(id + "-explanation");
    explanation.getStyleClass().add("picture-explanation");
    explanation.setText(explanationText);
    explanation.setWrapText(true);
    explanation.setVisible(false);
    explanation.maxWidthProperty().bind(widthProperty().multiply(0.8));
    explanation.setOnMouseClicked(e -> explanation.setVisible(false));
    StackPane.setAlignment(explanation, Pos.TOP_LEFT);
    StackPane.setMargin(explanation, new Insets(34, 8, 8, 8));

    Button help = new Button("?");
    help.setId(id + "-help");
    help.getStyleClass().addAll("small-button", "help-button");
    help.setTooltip(org.activationlab.ui.FxNodes.explanation(explanationText));
    help.setOnAction(e -> explanation.setVisible(!explanation.isVisible()));
    Button export = new Button(null, new org.kordamp.ikonli.javafx.FontIcon("mdi2d-download"));
    export.setId(id + "-export");
    export.getStyleClass().add("small-button");
    export.setTooltip(new Tooltip(I18n.text("explorer.export.tooltip")));
    export.setOnAction(e -> onExport.run());
    tools = new HBox(4, help, export);
    tools.setAlignment(Pos.CENTER_RIGHT);
    tools.setPickOnBounds(false);
    tools.setMaxSize(HBox.USE_PREF_SIZE, HBox.USE_PREF_SIZE);
    StackPane.setAlignment(tools, Pos.TOP_RIGHT);
    // shown while the pointer is over the picture, so titles and legends stay clear on a slide
    tools.visibleProperty().bind(hoverProperty().or(explanation.visibleProperty()));
    StackPane.setMargin(tools, new Insets(4, 6, 0, 0));

    MenuItem exportItem = new MenuItem(I18n.text("explorer.export"));
    exportItem.setOnAction(e -> onExport.run());
    MenuItem copyItem = new MenuItem(I18n.text("export.copy"));
    copyItem.setOnAction(e -> onCopy.run());
    ContextMenu menu = new ContextMenu(exportItem, copyItem);
    canvas.setOnContextMenuRequested(e -> menu.show(canvas, e.getScreenX(), e.getScreenY()));
    canvas.canvas().setOnMouseMoved(e -> hoverAt(e.getX(), e.getY()));
    canvas.canvas().setOnMouseExited(e -> hoverAt(Double.NaN, Double.NaN));
    getChildren().addAll(canvas, readout, explanation, tools);
    setMinSize(160, 120);
  }

  /** Puts a view option (a toggle, a choice) before the "?" and export buttons. */
  public void addTool(javafx.scene.Node tool) {
    tools.getChildren().add(0, tool);
  }

  public PictureCanvas canvas() {
    return canvas;
  }

  /** The readout under the pointer ("" when hidden). */
  public String readoutText() {
    return readout.isVisible() ? readout.getText() : "";
  }

  /** Shows the numbers at (x, y) in canvas coordinates; NaN hides the readout. */
  public void hoverAt(double x, double y) {
    hoverX = x;
    hoverY = y;
    refreshReadout();
  }

  /** Recomputes the readout at the last pointer position (the picture changed under it). */
  public void refreshReadout() {
    Optional<String> text = Double.isNaN(hoverX) ? Optional.empty() : hover.apply(hoverX, hoverY);
    readout.setVisible(text.isPresent());
    readout.setText(text.orElse(""));
  }
}
