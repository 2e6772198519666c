package org.activationlab.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.activationlab.activation.ActivationFunction;
import org.activationlab.activation.Catalog;
import org.activationlab.training.Presets;
import org.activationlab.training.Run;
import org.activationlab.training.Scenario;
import org.activationlab.training.TrainingSnapshot;
import org.jfree.svg.SVGGraphics2D;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Chinese pictures speak Chinese: every word drawn in the Lab's six pictures, for binary,
 * three-class and regression runs and both history metrics, is Chinese, a symbol, a number or the
 * name of a function (which stays as the catalog spells it).
 */
class ChinesePicturesTest {

  private static final Pattern TEXT = Pattern.compile("<text[^>]*>([^<]*)</text>");
  private static final Pattern WORD = Pattern.compile("[A-Za-z]{2,}");

  /** Function ids and display names, word by word: the names that are not translated. */
  static Set<String> functionNames() {
    Set<String> names = new HashSet<>();
    for (ActivationFunction f : Catalog.all()) {
      for (String part : (f.id() + " " + f.displayName()).split("[^A-Za-z]+")) {
        names.add(part.toLowerCase(Locale.ROOT));
      }
      f.aliases().forEach(a -> names.add(a.toLowerCase(Locale.ROOT)));
    }
    return names;
  }

  @ParameterizedTest
  @CsvSource({"deep-sigmoid, ", "dead-relu, ", "playground, spiral3", "playground, sine"})
  void everyWordInTheLabsPicturesIsChinese(String preset, String dataset) {
    Scenario s = Presets.get(preset).scenario();
    if (dataset != null) {
      s = s.withSetting("dataset", dataset);
    }
    Run run = new Run(s);
    for (int k = 0; k < 30; k++) {
      run.step();
    }
    run.refreshGrid(Run.GRID_RESOLUTION);
    TrainingSnapshot snapshot = run.snapshot();
    Theme zh = Theme.dark().withLocale(Locale.SIMPLIFIED_CHINESE);
    Set<String> allowed = functionNames();
    Set<String> english = new TreeSet<>();
    int texts = 0;
    for (HistoryMetric metric : HistoryMetric.values()) {
      LabDrawings drawings = new LabDrawings(new LabDrawings.Fixed(snapshot, metric, true, 0));
      for (LabDrawings.Kind kind : LabDrawings.Kind.values()) {
        SVGGraphics2D g = new SVGGraphics2D(1200, 700);
        kind.of(drawings).draw(g, 1200, 700, zh);
        Matcher m = TEXT.matcher(g.getSVGElement());
        while (m.find()) {
          texts++;
          String text = m.group(1).replaceAll("&[a-z]+;|&#\\d+;", " ");
          Matcher w = WORD.matcher(text);
          while (w.find()) {
            if (!allowed.contains(w.group().toLowerCase(Locale.ROOT))) {
              english.add(kind + ": " + w.group() + " in \"" + text + "\"");
            }
          }
        }
      }
    }
    assertThat(texts).as("the pictures drew text").isGreaterThan(50);
    assertThat(english).as("English words in Chinese pictures").isEmpty();
  }
}
