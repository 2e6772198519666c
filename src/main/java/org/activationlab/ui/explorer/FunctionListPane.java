package org.activationlab.ui.explorer;

import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;
import javafx.collections.FXCollections;
import javafx.collections.transformation.FilteredList;
import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import org.activationlab.activation.ActivationFunction;
import org.activationlab.activation.Catalog;
import org.activationlab.ui.I18n;

/**
 * The searchable list of every catalog function: a check box shows or hides a function on the
 * plot (at most six), a click selects it for the info card.
 */
final class FunctionListPane extends VBox {

  private final org.activationlab.ui.ViewListeners listeners =
      new org.activationlab.ui.ViewListeners();

  private final ExplorerModel model;
  private final IntFunction<Color> slotColour;
  private final ListView<ActivationFunction> list;
  private final Label message = new Label();

  /** The look the "New function…" dialog typesets its preview in. */
  private final java.util.function.Supplier<org.activationlab.render.Theme> theme;

  FunctionListPane(ExplorerModel model, IntFunction<Color> slotColour,
      java.util.function.Supplier<org.activationlab.render.Theme> theme) {
    super(6);
    this.model = model;
    this.slotColour = slotColour;
    this.theme = theme;
    getStyleClass().add("function-list-pane");

    TextField search = new TextField();
    search.setId("function-search");
    search.setPromptText(I18n.text("explorer.search.prompt"));
    search.setTooltip(new Tooltip(I18n.text("explorer.search.tooltip")));

    // the catalog's functions, then the user's own (typed as formulas) as they are made
    javafx.collections.ObservableList<ActivationFunction> all =
        FXCollections.observableArrayList(Catalog.all());
    all.addAll(model.custom());
    model.custom().addListener((javafx.collections.ListChangeListener<ActivationFunction>) c -> {
      while (c.next()) {
        all.addAll(c.getAddedSubList());
        all.removeAll(c.getRemoved());
      }
    });
    FilteredList<ActivationFunction> filtered = new FilteredList<>(all);
    search.textProperty().addListener((o, was, now) -> filtered.setPredicate(f -> matches(f, now)));

    list = new ListView<>(filtered);
    list.setId("function-list");
    list.setCellFactory(v -> new FunctionCell());
    list.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
      if (now != null) {
        model.selectedProperty().set(now);
      }
    });
    listeners.on(model.selectedProperty(),
        () -> list.getSelectionModel().select(model.selectedProperty().get()));
    list.getSelectionModel().select(model.selectedProperty().get());
    listeners.on(model.shown(), list::refresh);
    VBox.setVgrow(list, Priority.ALWAYS);

    message.getStyleClass().add("field-error");
    message.setWrapText(true);
    message.setManaged(false);
    message.setVisible(false);

    Label title = new Label(I18n.text("explorer.functions"));
    title.getStyleClass().add("section-title");
    javafx.scene.control.Button create = new javafx.scene.control.Button(
        I18n.text("explorer.newFunction"), new org.kordamp.ikonli.javafx.FontIcon("mdi2f-function-variant"));
    create.setId("new-function");
    create.setMaxWidth(Double.MAX_VALUE);
    create.setTooltip(new Tooltip(I18n.text("explorer.newFunction.tooltip")));
    create.setOnAction(e -> NewFunctionDialog.ask(getScene() == null ? null
        : getScene().getWindow(), theme.get()).ifPresent(this::addAndShow));
    getChildren().addAll(title, search, create, message, list);
  }

  /** A function the user made: listed, shown (if a colour is free) and described. */
  void addAndShow(ActivationFunction f) {
    model.addCustom(f);
    if (!model.show(f)) {
      showMessage(I18n.text("explorer.tooMany", ExplorerModel.MAX_SHOWN));
    }
    model.selectedProperty().set(f);
    list.scrollTo(f);
  }

  /** Matches the id, aliases or display name, ignoring case, '-', '_' and spaces. */
  static boolean matches(ActivationFunction f, String query) {
    String q = squash(query);
    if (q.isEmpty()) {
      return true;
    }
    return squash(f.id()).contains(q) || squash(f.displayName()).contains(q)
        || f.aliases().stream().anyMatch(a -> squash(a).contains(q));
  }

  private static String squash(String s) {
    return s == null ? "" : s.toLowerCase(Locale.ROOT).replaceAll("[\\s_\\-]", "");
  }

  /** Shows or hides; refuses a seventh function with a message. */
  private void toggle(ActivationFunction f, boolean show) {
    if (!show) {
      model.hide(f);
      showMessage(null);
    } else if (!model.show(f)) {
      showMessage(I18n.text("explorer.tooMany", ExplorerModel.MAX_SHOWN));
    } else {
      showMessage(null);
      model.selectedProperty().set(f);
    }
    list.refresh();
  }

  private void showMessage(String text) {
    message.setText(text == null ? "" : text);
    message.setVisible(text != null);
    message.setManaged(text != null);
  }

  private final class FunctionCell extends ListCell<ActivationFunction> {
    private final CheckBox check = new CheckBox();
    private final Region swatch = new Region();
    private final Label name = new Label();
    private final HBox box = new HBox(6, check, swatch, name);

    FunctionCell() {
      box.setAlignment(Pos.CENTER_LEFT);
      swatch.getStyleClass().add("swatch");
      swatch.setMinSize(14, 14);
      swatch.setMaxSize(14, 14);
      check.setOnAction(e -> toggle(getItem(), check.isSelected()));
      // fit the list's width (long names get an ellipsis) instead of scrolling sideways
      setPrefWidth(0);
      name.setMinWidth(0);
    }

    @Override
    protected void updateItem(ActivationFunction f, boolean empty) {
      super.updateItem(f, empty);
      if (empty || f == null) {
        setGraphic(null);
        setText(null);
        setTooltip(null);
        return;
      }
      var shown = model.find(f);
      check.setSelected(shown.isPresent());
      check.setId("show-" + f.id());
      // the colour square appears only for shown functions, so it never looks like a second box
      shown.ifPresent(s -> swatch.setStyle(
          "-fx-background-color: " + web(slotColour.apply(s.paletteSlot())) + ";"));
      swatch.setVisible(shown.isPresent());
      name.setText(f.displayName());
      setTooltip(new Tooltip(f.id() + (f.aliases().isEmpty() ? "" : " (" + String.join(", ",
          f.aliases()) + ")") + "\n" + I18n.text("explorer.list.tooltip")));
      setGraphic(box);
      setText(null);
    }
  }

  static String web(Color c) {
    return String.format(Locale.ROOT, "#%02x%02x%02x", Math.round(c.getRed() * 255),
        Math.round(c.getGreen() * 255), Math.round(c.getBlue() * 255));
  }
}
