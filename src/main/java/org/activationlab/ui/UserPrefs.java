package org.activationlab.ui;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * What the application remembers between runs: theme, language, the last folder of a file
 * dialog, the window size and the recent scenario files. Stored with {@link Preferences} (per
 * user); a store that cannot be written only means nothing is remembered, never an error.
 */
public final class UserPrefs {

  /** Recent files kept at most. */
  public static final int MAX_RECENT = 8;

  private static final String DARK = "theme.dark";
  private static final String LANGUAGE = "language";
  private static final String FOLDER = "folder.last";
  private static final String WIDTH = "window.width";
  private static final String HEIGHT = "window.height";
  private static final String RECENT = "recent";

  private final Preferences node;

  /** The user's preferences of Activation Lab. */
  public static UserPrefs forUser() {
    return new UserPrefs(Preferences.userRoot().node("org/activationlab"));
  }

  /** Preferences kept in {@code node} (tests use a node of their own). */
  public UserPrefs(Preferences node) {
    this.node = node;
  }

  public boolean dark() {
    return node.getBoolean(DARK, false);
  }

  public void setDark(boolean dark) {
    node.putBoolean(DARK, dark);
    flush();
  }

  /** The language chosen last, if any ("en" or "zh"). */
  public Optional<Locale> language() {
    String tag = node.get(LANGUAGE, "");
    return tag.isEmpty() ? Optional.empty() : Optional.of(Locale.forLanguageTag(tag));
  }

  public void setLanguage(Locale locale) {
    node.put(LANGUAGE, locale.toLanguageTag());
    flush();
  }

  /** The folder of the last file opened or saved, if it still exists. */
  public Optional<Path> lastFolder() {
    return path(node.get(FOLDER, "")).filter(Files::isDirectory);
  }

  public void setLastFolder(Path folder) {
    if (folder != null) {
      node.put(FOLDER, folder.toAbsolutePath().toString());
      flush();
    }
  }

  /** Window width and height from the last run, within sane bounds. */
  public double[] windowSize(double defaultWidth, double defaultHeight) {
    double w = node.getDouble(WIDTH, defaultWidth);
    double h = node.getDouble(HEIGHT, defaultHeight);
    return new double[] {clamp(w, 800, 8000, defaultWidth), clamp(h, 500, 8000, defaultHeight)};
  }

  public void setWindowSize(double width, double height) {
    node.putDouble(WIDTH, width);
    node.putDouble(HEIGHT, height);
    flush();
  }

  /** Where the export dialog keeps its last choices (format, size, scale, background). */
  public Preferences exportChoices() {
    return node.node("export");
  }

  /** Recent scenario files, newest first. */
  public List<Path> recentFiles() {
    List<Path> out = new ArrayList<>();
    for (String line : node.get(RECENT, "").split("\n")) {
      path(line).ifPresent(out::add);
    }
    return out;
  }

  /** Puts {@code file} first in the recent files (once), keeping {@value #MAX_RECENT}. */
  public void addRecent(Path file) {
    Path abs = file.toAbsolutePath().normalize();
    List<Path> list = new ArrayList<>(recentFiles());
    list.remove(abs);
    list.add(0, abs);
    while (list.size() > MAX_RECENT) {
      list.remove(list.size() - 1);
    }
    node.put(RECENT, String.join("\n", list.stream().map(Path::toString).toList()));
    setLastFolder(abs.getParent());
  }

  private static Optional<Path> path(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Path.of(text));
    } catch (InvalidPathException e) {
      return Optional.empty();
    }
  }

  private static double clamp(double v, double min, double max, double fallback) {
    return Double.isFinite(v) && v >= min && v <= max ? v : fallback;
  }

  private void flush() {
    try {
      node.flush();
    } catch (BackingStoreException | IllegalStateException e) {
      // not remembered this time; the application works the same
    }
  }
}
