package org.activationlab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Every UI text exists in English and Chinese, and every pattern is a valid MessageFormat. */
class MessagesTest {

  private static Properties load(String name) throws IOException {
    Properties p = new Properties();
    try (InputStream in = MessagesTest.class.getResourceAsStream("/org/activationlab/ui/" + name)) {
      assertThat(in).as(name).isNotNull();
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return p;
  }

  @Test
  void bothLanguagesHaveTheSameKeys() throws IOException {
    Properties en = load("messages.properties");
    Properties zh = load("messages_zh.properties");
    assertThat(en).isNotEmpty();
    assertThat(zh.keySet()).as("keys missing in Chinese").containsAll(en.keySet());
    assertThat(en.keySet()).as("keys missing in English").containsAll(zh.keySet());
  }

  @Test
  void chineseTextsAreTranslatedAndNotEmpty() throws IOException {
    Properties zh = load("messages_zh.properties");
    zh.forEach((k, v) -> assertThat((String) v).as("zh " + k).isNotBlank());
    long withHan = zh.values().stream()
        .filter(v -> ((String) v).codePoints().anyMatch(c -> Character.UnicodeScript.of(c)
            == Character.UnicodeScript.HAN))
        .count();
    // a few texts are symbols only (f(x), z{0}, Softmax); the rest must be Chinese
    assertThat(withHan).isGreaterThan(zh.size() * 8L / 10);
  }

  @Test
  void patternsWithArgumentsFormat() throws IOException {
    for (String file : new String[] {"messages.properties", "messages_zh.properties"}) {
      Properties p = load(file);
      p.forEach((k, v) -> {
        String s = (String) v;
        if (s.contains("{0}")) {
          // {0} a text; later arguments numbers, as counts and steps are ({1,number,#})
          String formatted = new MessageFormat(s).format(new Object[] {"A", 2, 3, 4, 5, 6, 7, 8});
          assertThat(formatted).as(file + " " + k).contains("A").doesNotContain("{0}");
        }
      });
    }
  }
}
