package org.activationlab.ui.lab;

import java.util.ArrayList;
import java.util.List;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.geometry.Rectangle2D;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.activationlab.render.FormulaPicture;
import org.activationlab.render.Theme;
import org.activationlab.ui.FormulaView;
import org.activationlab.ui.I18n;
import org.activationlab.ui.ThemeManager;
import org.activationlab.ui.ViewListeners;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * A lesson's notes beside the Lab's pictures, in the window's language (the other language's when
 * the lesson has only one), wrapped to the panel's width, with the maths between {@code $…$}
 * typeset by JLaTeXMath at the size of the text around it, never smaller ({@value #MATHS_SCALE}×
 * its font size, so that it looks as large as the words). The panel takes at
 * most {@value #MAX_SHARE} of the Lab's width; collapsed, a slim strip reopens it; without notes
 * it takes no room at all.
 *
 * <p>Whether it is open lives in the {@link LabModel}, so it survives a language switch: one
 * choice for the Lab as usual, one for full screen and focus mode, where the notes stay closed
 * unless the teacher opens them there.
 */
final class LessonNotesPane extends StackPane {

  /** The largest share of the Lab's width the open panel takes. */
  static final double MAX_SHARE = 0.28;
  private static final PseudoClass EXPANDED = PseudoClass.getPseudoClass("expanded");
  private static final int OVERSAMPLE = FormulaView.OVERSAMPLE;
  /**
   * Maths is typeset this much larger than the text's font size: JLaTeXMath's Computer Modern
   * digits and letters stand about 0.87 times as tall as those of the UI's sans-serif font at the
   * same size, so at 1× a formula reads smaller than the words around it.
   */
  static final double MATHS_SCALE = 1.15;

  private final LabModel model;
  private final ThemeManager themes;
  private final ViewListeners listeners = new ViewListeners();
  private final VBox open;
  private final Button reopen;
  private final TextFlow text = new TextFlow();
  /** Carries the text's font as CSS sets it: the formulas follow its size. */
  private final Text fontProbe = new Text("");
  private final List<InlineFormula> formulas = new ArrayList<>();
  private boolean fullView;

  LessonNotesPane(LabModel model, ThemeManager themes) {
    this.model = model;
    this.themes = themes;
    setId("lesson-notes");
    getStyleClass().add("lesson-notes");

    Label title = new Label(I18n.text("lab.notes.title"), new FontIcon("mdi2b-book-open-variant"));
    title.getStyleClass().add("section-title");
    title.setMinWidth(0);
    Region gap = new Region();
    HBox.setHgrow(gap, Priority.ALWAYS);
    Button close = new Button(null, new FontIcon("mdi2c-chevron-double-right"));
    close.setId("lesson-notes-close");
    close.getStyleClass().add("small-button");
    close.setTooltip(new Tooltip(I18n.text("lab.notes.hide.tooltip")));
    close.setFocusTraversable(false);
    close.setOnAction(e -> setShown(false));
    HBox header = new HBox(6, title, gap, close);
    header.setAlignment(Pos.CENTER_LEFT);
    header.getStyleClass().add("lesson-notes-header");

    text.setId("lesson-notes-text");
    text.getStyleClass().add("lesson-notes-flow");
    fontProbe.getStyleClass().add("lesson-notes-text");
    fontProbe.fontProperty().addListener((o, was, now) -> typesetFormulas());
    ScrollPane scroll = new ScrollPane(text);
    scroll.setId("lesson-notes-scroll");
    scroll.setFitToWidth(true);
    scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
    scroll.getStyleClass().add("lesson-notes-scroll");
    VBox.setVgrow(scroll, Priority.ALWAYS);
    open = new VBox(4, header, scroll);
    open.getStyleClass().add("lesson-notes-open");

    Label vertical = new Label(I18n.text("lab.notes.title"), new FontIcon("mdi2b-book-open-variant"));
    vertical.setRotate(90);
    reopen = new Button(null, new Group(vertical));
    reopen.setId("lesson-notes-open");
    reopen.getStyleClass().add("lesson-notes-strip");
    reopen.setTooltip(new Tooltip(I18n.text("lab.notes.show.tooltip")));
    reopen.setFocusTraversable(false);
    reopen.setMaxHeight(Double.MAX_VALUE);
    reopen.setOnAction(e -> setShown(true));
    StackPane.setAlignment(reopen, Pos.TOP_RIGHT);

    getChildren().setAll(open, reopen);
    parentProperty().addListener((o, was, now) -> {
      maxWidthProperty().unbind();
      if (now instanceof Region r) {
        maxWidthProperty().bind(r.widthProperty().multiply(MAX_SHARE));
      }
    });
    listeners.on(model.lessonNotesProperty(), this::showNotes);
    listeners.on(model.notesShownProperty(), this::update);
    listeners.on(model.notesShownFullViewProperty(), this::update);
    listeners.on(themes.changes(), this::typesetFormulas);
    showNotes();
  }

  /**
   * Full screen or focus mode (true): the notes follow their own choice there, closed until the
   * teacher opens them; leaving, they are closed there again for next time.
   */
  void setFullView(boolean full) {
    if (full == fullView) {
      return;
    }
    fullView = full;
    if (!full) {
      model.notesShownFullViewProperty().set(false);
    }
    update();
  }

  /** Opens the notes if closed, closes them if open (key N); nothing without notes. */
  void toggle() {
    if (hasNotes()) {
      setShown(!isShown());
    }
  }

  /** Whether the notes are open on screen now. */
  boolean isShown() {
    return hasNotes() && shownProperty().get();
  }

  boolean hasNotes() {
    return !model.lessonNotesProperty().get().isBlank();
  }

  private void setShown(boolean shown) {
    shownProperty().set(shown);
  }

  private javafx.beans.property.BooleanProperty shownProperty() {
    return fullView ? model.notesShownFullViewProperty() : model.notesShownProperty();
  }

  private void update() {
    boolean notes = hasNotes();
    boolean shown = isShown();
    boolean strip = notes && !shown && !fullView;
    open.setVisible(shown);
    open.setManaged(shown);
    reopen.setVisible(strip);
    reopen.setManaged(strip);
    setVisible(shown || strip);
    setManaged(shown || strip);
    pseudoClassStateChanged(EXPANDED, shown);
  }

  // ------------------------------------------------------------------------------ the text

  private void showNotes() {
    formulas.clear();
    List<Node> nodes = new ArrayList<>();
    nodes.add(fontProbe);
    for (Segment s : segments(model.lessonNotesProperty().get().in(I18n.locale()))) {
      if (s.maths() && new FormulaPicture(s.text(), 10, true).typeset()) {
        InlineFormula f = new InlineFormula(s.text());
        formulas.add(f);
        nodes.add(f);
      } else { // running text, or maths JLaTeXMath cannot read: shown as it was written
        Text t = new Text(s.maths() ? "$" + s.text() + "$" : s.text());
        t.getStyleClass().add("lesson-notes-text");
        nodes.add(t);
      }
    }
    text.getChildren().setAll(nodes);
    typesetFormulas();
    update();
  }

  /** Typesets every formula at the text's current size in the current theme's colour. */
  private void typesetFormulas() {
    float size = (float) (Math.max(fontProbe.getFont().getSize(), 1) * MATHS_SCALE);
    Theme theme = themes.renderTheme();
    for (InlineFormula f : formulas) {
      f.typeset(size, theme);
    }
  }

  /** A stretch of the notes: running text, or the LaTeX between two {@code $}. */
  record Segment(String text, boolean maths) {}

  /**
   * The notes cut into text and maths: maths is what stands between two {@code $} signs; {@code
   * \$} is a dollar sign in the text; a {@code $} without a partner is text.
   */
  static List<Segment> segments(String notes) {
    List<Segment> out = new ArrayList<>();
    StringBuilder plain = new StringBuilder();
    int i = 0;
    while (i < notes.length()) {
      char c = notes.charAt(i);
      if (c == '\\' && i + 1 < notes.length() && notes.charAt(i + 1) == '$') {
        plain.append('$');
        i += 2;
      } else if (c == '$') {
        int end = closing(notes, i + 1);
        if (end < 0 || end == i + 1) {
          plain.append(notes, i, end < 0 ? notes.length() : end + 1);
          i = end < 0 ? notes.length() : end + 1;
        } else {
          if (plain.length() > 0) {
            out.add(new Segment(plain.toString(), false));
            plain.setLength(0);
          }
          out.add(new Segment(notes.substring(i + 1, end), true));
          i = end + 1;
        }
      } else {
        plain.append(c);
        i++;
      }
    }
    if (plain.length() > 0) {
      out.add(new Segment(plain.toString(), false));
    }
    return out;
  }

  /** The next {@code $} not escaped by a backslash, from {@code from}, or −1. */
  private static int closing(String s, int from) {
    for (int j = from; j < s.length(); j++) {
      if (s.charAt(j) == '\\') {
        j++; // skip the escaped character (\$, \\, \{ …)
      } else if (s.charAt(j) == '$') {
        return j;
      }
    }
    return -1;
  }

  /**
   * A typeset formula standing on the line of text, its baseline on the text's baseline. JLaTeXMath
   * draws with its own fonts, which JavaFX does not know, so the formula is drawn by {@link
   * FormulaPicture} into an image at {@value #OVERSAMPLE}× for sharpness.
   */
  static final class InlineFormula extends ImageView {
    private final String latex;
    private double baseline;
    private float size;

    InlineFormula(String latex) {
      this.latex = latex;
      setSmooth(true);
      getStyleClass().add("lesson-notes-formula");
    }

    String latex() {
      return latex;
    }

    /** The font size it is typeset at (the text's). */
    float size() {
      return size;
    }

    void typeset(float fontSize, Theme theme) {
      size = fontSize;
      FormulaPicture picture = new FormulaPicture(latex, fontSize, true);
      int w = FormulaView.boxWidth(picture);
      int h = FormulaView.boxHeight(picture);
      setImage(FormulaView.image(picture, theme));
      // from one pixel before the formula's box to its end, without the picture's margins:
      // "$…)$." must not read ") ."
      setViewport(new Rectangle2D(OVERSAMPLE, 0, (w - 3) * OVERSAMPLE, h * OVERSAMPLE));
      setFitWidth(w - 3);
      setFitHeight(h);
      baseline = picture.baseline();
    }

    @Override
    public double getBaselineOffset() {
      return baseline;
    }
  }
}
