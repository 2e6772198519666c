package org.activationlab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserPrefsTest {

  private final Preferences node =
      Preferences.userRoot().node("org/activationlab-test/" + System.nanoTime());

  @TempDir
  Path dir;

  @AfterEach
  void removeNode() throws Exception {
    node.removeNode();
  }

  @Test
  void remembersThemeLanguageSizeFolderAndRecentFiles() throws Exception {
    UserPrefs prefs = new UserPrefs(node);
    assertThat(prefs.dark()).isFalse();
    assertThat(prefs.language()).isEmpty();
    assertThat(prefs.windowSize(1500, 950)).containsExactly(1500, 950);

    prefs.setDark(true);
    prefs.setLanguage(Locale.SIMPLIFIED_CHINESE);
    prefs.setWindowSize(1280, 800);
    for (int i = 0; i < UserPrefs.MAX_RECENT + 2; i++) {
      prefs.addRecent(Files.createFile(dir.resolve("lesson" + i + ".json")));
    }
    prefs.addRecent(dir.resolve("lesson3.json"));

    UserPrefs again = new UserPrefs(node); // what the next run reads
    assertThat(again.dark()).isTrue();
    assertThat(again.language()).map(Locale::getLanguage).contains("zh");
    assertThat(again.windowSize(1500, 950)).containsExactly(1280, 800);
    assertThat(again.lastFolder()).contains(dir.toAbsolutePath());
    assertThat(again.recentFiles()).hasSize(UserPrefs.MAX_RECENT)
        .first().isEqualTo(dir.resolve("lesson3.json").toAbsolutePath());
    assertThat(again.recentFiles()).doesNotHaveDuplicates();
  }

  @Test
  void nonsenseIsIgnored() {
    node.putDouble("window.width", -5);
    node.putDouble("window.height", Double.NaN);
    node.put("folder.last", "/no/such/folder/anywhere");
    UserPrefs prefs = new UserPrefs(node);
    assertThat(prefs.windowSize(1500, 950)).containsExactly(1500, 950);
    assertThat(prefs.lastFolder()).isEmpty();
  }
}
