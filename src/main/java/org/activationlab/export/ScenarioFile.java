package org.activationlab.export;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.activationlab.render.HistoryMetric;
import org.activationlab.training.Comparison;
import org.activationlab.training.Scenario;

/**
 * Scenario files: a lesson or a saved session as one versioned JSON document,
 *
 * <pre>{@code
 * {"format": "activation-lab/scenario", "version": 1,
 *  "title": {"en": "Dead ReLUs", "zh": "死亡 ReLU"},
 *  "notes": {"en": "what to try … $\\mathcal N(0, 0.15^2)$ …", "zh": "试试 …"},
 *  "explorer": {"functions": ["sigmoid", "leaky_relu:negative_slope=0.1"], "selected": "sigmoid",
 *               "showValue": true, "showDerivative": true,
 *               "xMin": -5, "xMax": 5, "yMin": -1.5, "yMax": 3,
 *               "logits": [2, 1, 0.1], "temperature": 1},
 *  "lab": {…the fields of ScenarioJson.toJson: dataset, hidden, activation, init, …},
 *  "compare": {"activation": "relu", "init": "he_normal"},
 *  "view": {"historyMetric": "meanAbsDelta", "logLossAxis": false, "theme": "light",
 *           "presentation": false, "tab": "explorer"}}
 * }</pre>
 *
 * <p>{@code title} and {@code notes} are each a plain string (one text for every language) or an
 * object of an English and a Chinese text ({@link LocalizedText}); notes may hold inline maths
 * between {@code $…$} (LaTeX), which the Lab typesets.
 *
 * <p>{@code compare}, when present, is run B of a {@link Comparison} with the {@code lab}
 * scenario as A: the settings in which B differs, read over A's (written the same way: only what
 * differs). B must train on A's data; a file whose B would not is refused with the reason.
 *
 * <p>Every part and every field may be left out: the defaults ({@link ExplorerState#defaults()},
 * {@link Scenario#defaults()}, {@link ViewState#defaults()}) fill in. Writing is atomic. Reading
 * either returns a whole, valid document or throws {@link ScenarioFileException} with a message
 * for the user, so a caller's current document is only replaced by a good one: files larger than
 * {@value #MAX_BYTES} bytes (checked before and while reading), JSON that is malformed, truncated
 * or hostile (nesting deeper than {@value #MAX_DEPTH}, numbers longer than {@value
 * #MAX_NUMBER_LENGTH} characters, strings longer than {@value #MAX_STRING_LENGTH}, arrays longer
 * than {@value #MAX_ARRAY}, duplicate keys, NaN), a missing or other {@code format}, a version
 * other than {@link #SUPPORTED_VERSIONS} and invalid values (the message names the field) are all
 * refused. Fields this version does not know are ignored and reported as {@link
 * Loaded#warnings()}, so a file from a newer version opens and says what it left out.
 */
public final class ScenarioFile {

  public static final String FORMAT = "activation-lab/scenario";
  public static final int VERSION = 1;
  public static final List<Integer> SUPPORTED_VERSIONS = List.of(1);
  public static final int MAX_BYTES = 1 << 20;
  public static final int MAX_DEPTH = 16;
  public static final int MAX_NUMBER_LENGTH = 40;
  public static final int MAX_STRING_LENGTH = 25_000;
  public static final int MAX_ARRAY = 64;
  /** Warnings beyond this many are summarised in one line. */
  static final int MAX_WARNINGS = 20;

  private static final Set<String> TOP = Set.of("format", "version", "title", "notes",
      "explorer", "lab", "compare", "view");
  private static final List<String> LANGUAGES = List.of("en", "zh");
  private static final List<String> EXPLORER_FIELDS = List.of("functions", "selected",
      "showValue", "showDerivative", "xMin", "xMax", "yMin", "yMax", "logits", "temperature");
  private static final List<String> VIEW_FIELDS = List.of("historyMetric", "logLossAxis", "theme",
      "presentation", "tab");

  private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder()
          .maxNestingDepth(MAX_DEPTH)
          .maxNumberLength(MAX_NUMBER_LENGTH)
          .maxStringLength(MAX_STRING_LENGTH)
          .maxNameLength(200)
          .maxDocumentLength(MAX_BYTES)
          .build())
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .build())
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);

  private ScenarioFile() {}

  /**
   * A document read from a file.
   *
   * @param document the whole document, defaults filled in
   * @param warnings what was ignored (unknown fields), one sentence each; empty for a clean file
   */
  public record Loaded(ScenarioDocument document, List<String> warnings) {
    public Loaded {
      warnings = List.copyOf(warnings);
    }
  }

  // ---------------------------------------------------------------------------------- write

  /**
   * The document as JSON: every field written, {@code title} and {@code notes} only when not empty
   * (a plain string when both languages hold the same text, else an object of the languages that
   * have one).
   */
  public static ObjectNode toJson(ScenarioDocument doc) {
    ObjectNode root = JSON.createObjectNode();
    root.put("format", FORMAT);
    root.put("version", VERSION);
    putLocalized(root, "title", doc.title());
    putLocalized(root, "notes", doc.notes());
    ExplorerState e = doc.explorer();
    ObjectNode ex = root.putObject("explorer");
    ArrayNode fs = ex.putArray("functions");
    e.functions().forEach(fs::add);
    ex.put("selected", e.selected());
    ex.put("showValue", e.showValue());
    ex.put("showDerivative", e.showDerivative());
    ex.put("xMin", e.xMin());
    ex.put("xMax", e.xMax());
    ex.put("yMin", e.yMin());
    ex.put("yMax", e.yMax());
    ArrayNode zs = ex.putArray("logits");
    e.logits().forEach(zs::add);
    ex.put("temperature", e.temperature());
    root.set("lab", ScenarioJson.toJson(doc.lab()));
    doc.comparison().ifPresent(c -> root.set("compare", compareJson(c)));
    ViewState v = doc.view();
    ObjectNode vw = root.putObject("view");
    vw.put("historyMetric", v.historyMetric().id());
    vw.put("logLossAxis", v.logLossAxis());
    vw.put("theme", v.theme().id());
    vw.put("presentation", v.presentation());
    vw.put("tab", v.tab().id());
    return root;
  }

  /**
   * Run B of a comparison as the settings in which it differs from A, in {@link Scenario#KEYS}
   * order, written as {@link ScenarioJson#toJson} writes them ({@code activations} as an empty
   * list when B has none but A has).
   */
  static ObjectNode compareJson(Comparison c) {
    ObjectNode all = ScenarioJson.toJson(c.b());
    ObjectNode out = JSON.createObjectNode();
    for (Comparison.Change change : c.changes()) {
      JsonNode v = all.get(change.key());
      if (v == null && change.key().equals("features")) {
        out.put("features", c.b().setting("features"));
      } else if (v == null) {
        out.putArray(change.key());
      } else {
        out.set(change.key(), v);
      }
    }
    return out;
  }

  private static void putLocalized(ObjectNode root, String field, LocalizedText text) {
    if (text.isPlain()) {
      if (!text.en().isEmpty()) {
        root.put(field, text.en());
      }
      return;
    }
    ObjectNode o = root.putObject(field);
    if (!text.en().isEmpty()) {
      o.put("en", text.en());
    }
    if (!text.zh().isEmpty()) {
      o.put("zh", text.zh());
    }
  }

  /** Pretty-printed UTF-8 JSON of {@link #toJson}. */
  public static byte[] toBytes(ScenarioDocument doc) {
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(toJson(doc));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Writes the document atomically: the old file (if any) stays until the new one is whole. */
  public static void write(Path out, ScenarioDocument doc) throws IOException {
    byte[] bytes = toBytes(doc);
    AtomicFiles.write(out, os -> os.write(bytes));
  }

  /**
   * The scenario file given on the command line of the GUI ({@code java -jar activation-lab.jar
   * lesson.json}): the only argument, if it ends in {@code .json} (any case). The launcher passes
   * such an argument on to the GUI unchanged; the GUI opens it with {@link #read(Path)}.
   */
  public static Optional<Path> argument(List<String> args) {
    if (args.size() != 1 || !args.get(0).toLowerCase(Locale.ROOT).endsWith(".json")) {
      return Optional.empty();
    }
    try {
      return Optional.of(Path.of(args.get(0)));
    } catch (java.nio.file.InvalidPathException e) {
      return Optional.empty();
    }
  }

  // ----------------------------------------------------------------------------------- read

  /**
   * Reads a scenario file.
   *
   * @throws ScenarioFileException if the file is missing, unreadable, too large, not a valid
   *     scenario document or holds an invalid value; nothing partial is returned
   */
  public static Loaded read(Path file) throws ScenarioFileException {
    return parse(readBounded(file), file.toString());
  }

  /**
   * Reads the {@code --config} of {@code train}: a scenario document (recognised by its {@code
   * format} field; its {@code lab} part is the scenario, unknown fields are warnings) or, as
   * before scenario files existed, a plain JSON object of scenario fields (strict: an unknown
   * field is refused), which comes back as a document with default explorer and view parts.
   */
  public static Loaded readConfig(Path file) throws ScenarioFileException {
    byte[] bytes = readBounded(file);
    String source = file.toString();
    JsonNode root = tree(bytes, source);
    if (root.isObject() && !root.has("format")) {
      try {
        return new Loaded(ScenarioDocument.defaults().withLab(
            ScenarioJson.fromJson(root, Scenario.defaults(), null)), List.of());
      } catch (IllegalArgumentException e) {
        throw new ScenarioFileException(source + ": " + e.getMessage(), e);
      }
    }
    return document(root, source);
  }

  /** Parses a document from bytes; {@code source} names it in messages (e.g. the file name). */
  public static Loaded parse(byte[] bytes, String source) throws ScenarioFileException {
    return document(tree(bytes, source), source);
  }

  private static byte[] readBounded(Path file) throws ScenarioFileException {
    try {
      if (Files.isDirectory(file)) {
        throw new ScenarioFileException(file + " is a folder, not a scenario file");
      }
      long size = Files.size(file);
      if (size > MAX_BYTES) {
        throw tooLarge(file, size);
      }
      try (InputStream in = Files.newInputStream(file)) {
        byte[] bytes = in.readNBytes(MAX_BYTES + 1); // the file may grow while we read
        if (bytes.length > MAX_BYTES) {
          throw tooLarge(file, bytes.length);
        }
        return bytes;
      }
    } catch (NoSuchFileException e) {
      throw new ScenarioFileException("file not found: " + file, e);
    } catch (IOException e) {
      throw new ScenarioFileException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  private static ScenarioFileException tooLarge(Path file, long size) {
    return new ScenarioFileException(file + " is " + (size > MAX_BYTES ? "over " : "")
        + MAX_BYTES + " bytes; scenario files are at most " + MAX_BYTES + " bytes (1 MB)");
  }

  private static JsonNode tree(byte[] bytes, String source) throws ScenarioFileException {
    JsonNode root;
    try {
      root = JSON.readTree(bytes);
    } catch (JsonEOFException e) {
      throw new ScenarioFileException(source + " is truncated: the JSON ends early"
          + where(e.getLocation()), e);
    } catch (StreamConstraintsException e) {
      throw new ScenarioFileException(source + " is refused: " + limit(e.getMessage()), e);
    } catch (JsonParseException e) {
      String m = e.getOriginalMessage();
      if (m != null && m.contains("end-of-input")) {
        throw new ScenarioFileException(source + " is truncated: the JSON ends early"
            + where(e.getLocation()), e);
      }
      if (m != null && m.startsWith("Duplicate field")) {
        throw new ScenarioFileException(source + " has a duplicate key: "
            + m.replace("Duplicate field", "field") + where(e.getLocation())
            + " (each key may appear once)", e);
      }
      throw new ScenarioFileException(source + " is not valid JSON: " + firstLine(m)
          + where(e.getLocation()), e);
    } catch (IOException e) {
      throw new ScenarioFileException(source + " is not valid JSON: "
          + firstLine(e.getMessage()), e);
    }
    if (root == null || root.isMissingNode()) {
      throw new ScenarioFileException(source + " is empty");
    }
    return root;
  }

  private static String limit(String message) {
    if (message == null) {
      return "it exceeds a limit of scenario files";
    }
    if (message.contains("nesting depth")) {
      return "nested deeper than " + MAX_DEPTH + " levels";
    }
    if (message.contains("Number value length") || message.contains("Number length")) {
      return "a number longer than " + MAX_NUMBER_LENGTH + " characters";
    }
    if (message.contains("String value length")) {
      return "a text longer than " + MAX_STRING_LENGTH + " characters";
    }
    if (message.contains("Name length")) {
      return "a key longer than 200 characters";
    }
    if (message.contains("Document length") || message.contains("document length")) {
      return "longer than " + MAX_BYTES + " bytes";
    }
    return firstLine(message);
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "unreadable";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  private static String where(JsonLocation l) {
    return l == null || l.getLineNr() < 0 ? ""
        : " (line " + l.getLineNr() + ", column " + l.getColumnNr() + ")";
  }

  private static Loaded document(JsonNode root, String source) throws ScenarioFileException {
    try {
      return documentOrThrow(root, source);
    } catch (IllegalArgumentException e) {
      throw new ScenarioFileException(source + ": " + e.getMessage(), e);
    }
  }

  private static Loaded documentOrThrow(JsonNode root, String source)
      throws ScenarioFileException {
    if (!root.isObject()) {
      throw new ScenarioFileException(source + " is not a scenario file: expected a JSON object "
          + "with \"format\": \"" + FORMAT + "\"");
    }
    JsonNode format = root.get("format");
    if (format == null) {
      throw new ScenarioFileException(source + " is not a scenario file: it has no \"format\" "
          + "(expected \"" + FORMAT + "\")");
    }
    if (!format.isTextual() || !FORMAT.equals(format.asText())) {
      throw new ScenarioFileException(source + " is not a scenario file: its format is "
          + format + ", expected \"" + FORMAT + "\"");
    }
    JsonNode version = root.get("version");
    if (version == null || !version.canConvertToExactIntegral() || !version.canConvertToInt()
        || !SUPPORTED_VERSIONS.contains(version.asInt())) {
      throw new ScenarioFileException(source + (version == null ? " has no \"version\""
          : " is version " + version) + "; this Activation Lab reads scenario files of version "
          + SUPPORTED_VERSIONS.stream().map(String::valueOf).reduce((a, b) -> a + ", " + b)
              .orElse("?"));
    }
    List<String> warnings = new ArrayList<>();
    for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!TOP.contains(key)) {
        warn(warnings, key);
      }
    }
    LocalizedText title = localized(root.get("title"), "title", warnings);
    LocalizedText notes = localized(root.get("notes"), "notes", warnings);
    ExplorerState explorer = explorer(part(root, "explorer"), warnings);
    Scenario lab = lab(part(root, "lab"), warnings);
    Scenario compareB = compare(part(root, "compare"), lab, warnings);
    ViewState view = view(part(root, "view"), warnings);
    return new Loaded(new ScenarioDocument(explorer, lab, view, notes, title, compareB),
        summarised(warnings));
  }

  /**
   * A text for the reader: a plain string, or an object with {@code en} and/or {@code zh} texts
   * (other keys are warned about and ignored, as a newer version's languages would be).
   */
  private static LocalizedText localized(JsonNode n, String field, List<String> warnings) {
    if (n == null) {
      return LocalizedText.EMPTY;
    }
    if (n.isTextual()) {
      return LocalizedText.of(n.asText());
    }
    if (!n.isObject()) {
      throw new IllegalArgumentException(field + " must be a text or an object of texts "
          + "{\"en\": \"…\", \"zh\": \"…\"} (got " + kind(n) + ")");
    }
    String en = "";
    String zh = "";
    for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) n::fields) {
      String language = e.getKey();
      if (!LANGUAGES.contains(language)) {
        warn(warnings, field + "." + language);
        continue;
      }
      JsonNode v = e.getValue();
      if (!v.isTextual()) {
        throw new IllegalArgumentException(field + "." + language + " must be a text (got "
            + kind(v) + ")");
      }
      if (language.equals("en")) {
        en = v.asText();
      } else {
        zh = v.asText();
      }
    }
    return new LocalizedText(en, zh);
  }

  /** A JSON value's kind for a message: {@code number 42}, {@code object}, {@code null}. */
  private static String kind(JsonNode v) {
    String type = v.getNodeType().name().toLowerCase(Locale.ROOT);
    return v.isValueNode() && !v.isNull() && !v.isTextual() ? type + " " + v : type;
  }

  private static JsonNode part(JsonNode root, String name) {
    JsonNode p = root.get(name);
    if (p != null && !p.isObject()) {
      throw new IllegalArgumentException(name + " must be an object of fields (got " + p
          .getNodeType().name().toLowerCase(Locale.ROOT) + ")");
    }
    return p;
  }

  private static void warn(List<String> warnings, String field) {
    warnings.add("unknown field '" + field + "' ignored");
  }

  private static List<String> summarised(List<String> warnings) {
    if (warnings.size() <= MAX_WARNINGS) {
      return warnings;
    }
    List<String> out = new ArrayList<>(warnings.subList(0, MAX_WARNINGS));
    out.add("… and " + (warnings.size() - MAX_WARNINGS) + " more unknown fields ignored");
    return out;
  }

  private static void unknown(JsonNode part, String prefix, List<String> known,
      List<String> warnings) {
    for (Iterator<String> it = part.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!known.contains(key)) {
        warn(warnings, prefix + "." + key);
      }
    }
  }

  private static ExplorerState explorer(JsonNode p, List<String> warnings) {
    ExplorerState d = ExplorerState.defaults();
    if (p == null) {
      return d;
    }
    unknown(p, "explorer", EXPLORER_FIELDS, warnings);
    return new ExplorerState(
        p.has("functions") ? texts(p.get("functions"), "explorer.functions") : d.functions(),
        p.has("selected") ? text(p.get("selected"), "explorer.selected") : d.selected(),
        bool(p, "showValue", "explorer", d.showValue()),
        bool(p, "showDerivative", "explorer", d.showDerivative()),
        number(p, "xMin", "explorer", d.xMin()),
        number(p, "xMax", "explorer", d.xMax()),
        number(p, "yMin", "explorer", d.yMin()),
        number(p, "yMax", "explorer", d.yMax()),
        p.has("logits") ? numbers(p.get("logits"), "explorer.logits") : d.logits(),
        number(p, "temperature", "explorer", d.temperature()));
  }

  private static Scenario lab(JsonNode p, List<String> warnings) {
    if (p == null) {
      return Scenario.defaults();
    }
    for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) p::fields) {
      if (e.getValue().isArray() && !e.getKey().equals("points")) {
        checkArray(e.getValue(), "lab." + e.getKey());
      }
    }
    List<String> unknown = new ArrayList<>();
    Scenario s;
    try {
      s = ScenarioJson.fromJson(p, Scenario.defaults(), unknown);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("lab: " + e.getMessage(), e);
    }
    unknown.forEach(k -> warn(warnings, "lab." + k));
    return s;
  }

  /**
   * Run B of a comparison: the settings of {@code compare} read over A's ({@code lab}); null when
   * the file has none. {@code steps} is ignored with a warning (B runs to A's step count).
   *
   * @throws IllegalArgumentException for an invalid value, or when B would train on other data
   *     than A ({@link Comparison}), with the reason
   */
  private static Scenario compare(JsonNode p, Scenario lab, List<String> warnings) {
    if (p == null) {
      return null;
    }
    for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) p::fields) {
      if (e.getValue().isArray() && !e.getKey().equals("points")) {
        checkArray(e.getValue(), "compare." + e.getKey());
      }
    }
    ObjectNode fields = ((ObjectNode) p).deepCopy();
    if (fields.remove("steps") != null) {
      warnings.add("field 'compare.steps' ignored: run B trains for the lab's steps");
    }
    List<String> unknown = new ArrayList<>();
    Scenario b;
    try {
      b = ScenarioJson.fromJson(fields, lab, unknown);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("compare: " + e.getMessage(), e);
    }
    unknown.forEach(k -> warn(warnings, "compare." + k));
    try {
      return new Comparison(lab, b).b();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("compare: " + e.getMessage(), e);
    }
  }

  private static ViewState view(JsonNode p, List<String> warnings) {
    ViewState d = ViewState.defaults();
    if (p == null) {
      return d;
    }
    unknown(p, "view", VIEW_FIELDS, warnings);
    return new ViewState(
        p.has("historyMetric")
            ? HistoryMetric.parse(text(p.get("historyMetric"), "view.historyMetric"))
            : d.historyMetric(),
        bool(p, "logLossAxis", "view", d.logLossAxis()),
        p.has("theme") ? ViewState.ThemeName.parse(text(p.get("theme"), "view.theme"))
            : d.theme(),
        bool(p, "presentation", "view", d.presentation()),
        p.has("tab") ? ViewState.Tab.parse(text(p.get("tab"), "view.tab")) : d.tab());
  }

  private static String text(JsonNode v, String field) {
    if (!v.isTextual()) {
      throw new IllegalArgumentException(field + " must be a text (got " + v + ")");
    }
    return v.asText();
  }

  private static boolean bool(JsonNode p, String key, String part, boolean fallback) {
    JsonNode v = p.get(key);
    if (v == null) {
      return fallback;
    }
    if (!v.isBoolean()) {
      throw new IllegalArgumentException(part + "." + key + " must be true or false (got " + v
          + ")");
    }
    return v.asBoolean();
  }

  private static double number(JsonNode p, String key, String part, double fallback) {
    JsonNode v = p.get(key);
    if (v == null) {
      return fallback;
    }
    return number(v, part + "." + key);
  }

  private static double number(JsonNode v, String field) {
    if (!v.isNumber() || !Double.isFinite(v.asDouble())) {
      throw new IllegalArgumentException(field + " must be a finite number (got " + v + ")");
    }
    return v.asDouble();
  }

  private static void checkArray(JsonNode v, String field) {
    if (!v.isArray()) {
      throw new IllegalArgumentException(field + " must be a list");
    }
    if (v.size() > MAX_ARRAY) {
      throw new IllegalArgumentException(field + " has " + v.size() + " entries; at most "
          + MAX_ARRAY);
    }
  }

  private static List<String> texts(JsonNode v, String field) {
    checkArray(v, field);
    List<String> out = new ArrayList<>();
    for (JsonNode x : v) {
      out.add(text(x, field + "[" + out.size() + "]"));
    }
    return out;
  }

  private static List<Double> numbers(JsonNode v, String field) {
    checkArray(v, field);
    List<Double> out = new ArrayList<>();
    for (JsonNode x : v) {
      out.add(number(x, field + "[" + out.size() + "]"));
    }
    return out;
  }
}
