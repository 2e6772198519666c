package org.activationlab.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.activationlab.activation.ActivationFunction;
import org.activationlab.activation.ActivationProperties;
import org.activationlab.activation.Catalog;
import org.activationlab.activation.Interval;
import org.activationlab.activation.Parameter;
import org.activationlab.activation.PropertyAnalysis;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code list [--json]}: every function with its parameters and numerically computed properties. */
@Command(name = "list", description = "List every activation function with parameters and properties.")
final class ListCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Option(names = "--json", description = "machine-readable output")
  boolean json;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
      out.println(mapper.writeValueAsString(toJson(mapper)));
    } else {
      printTable(out);
    }
    out.flush();
    return 0;
  }

  static ArrayNode toJson(ObjectMapper mapper) {
    ArrayNode all = mapper.createArrayNode();
    for (ActivationFunction f : Catalog.all()) {
      ObjectNode node = all.addObject();
      node.put("name", f.id());
      node.put("displayName", f.displayName());
      ArrayNode aliases = node.putArray("aliases");
      f.aliases().forEach(aliases::add);
      ArrayNode params = node.putArray("parameters");
      for (Parameter p : f.parameters()) {
        ObjectNode pn = params.addObject();
        pn.put("name", p.name());
        pn.put("type", p.kind() == Parameter.Kind.BOOLEAN ? "boolean" : "number");
        if (p.kind() == Parameter.Kind.BOOLEAN) {
          pn.put("default", p.defaultValue() != 0);
        } else {
          pn.put("default", p.defaultValue());
          putNumber(pn, "min", p.validMin());
          pn.put("minExclusive", p.minExclusive());
          putNumber(pn, "max", p.validMax());
        }
        pn.put("range", p.rangeText());
      }
      ActivationProperties pr = PropertyAnalysis.analyse(f.withDefaults());
      ObjectNode props = node.putObject("properties");
      putNumber(props, "rangeMin", pr.rangeMin());
      putNumber(props, "rangeMax", pr.rangeMax());
      props.put("rangeMinAttained", pr.rangeMinAttained());
      props.put("rangeMaxAttained", pr.rangeMaxAttained());
      props.put("boundedBelow", pr.boundedBelow());
      props.put("boundedAbove", pr.boundedAbove());
      props.put("zeroCentred", pr.zeroCentred());
      props.put("monotonic", pr.monotonic());
      props.put("smooth", pr.smooth());
      props.put("maxAbsDerivative", pr.maxAbsDerivative());
      props.put("argMaxAbsDerivative", pr.argMaxAbsDerivative());
      if (pr.hasInteriorMinimum()) {
        props.put("minimum", pr.interiorMinimum());
        props.put("minimumAt", pr.interiorMinimumAt());
      }
      ArrayNode sat = props.putArray("saturationRegions");
      for (Interval i : pr.saturationRegions()) {
        ObjectNode in = sat.addObject();
        putNumber(in, "from", i.from());
        putNumber(in, "to", i.to());
      }
    }
    return all;
  }

  /** JSON has no infinity: unbounded ends are written as null. */
  private static void putNumber(ObjectNode node, String field, double v) {
    if (Double.isFinite(v)) {
      node.put(field, v);
    } else {
      node.putNull(field);
    }
  }

  private static void printTable(PrintWriter out) {
    java.util.List<String[]> rows = new java.util.ArrayList<>();
    rows.add(new String[] {"NAME", "PARAMETERS (default, range)", "RANGE", "MAX |f'|",
        "PROPERTIES"});
    for (ActivationFunction f : Catalog.all()) {
      ActivationProperties pr = PropertyAnalysis.analyse(f.withDefaults());
      StringBuilder params = new StringBuilder();
      for (Parameter p : f.parameters()) {
        params.append(params.length() > 0 ? "; " : "").append(p.name()).append('=')
            .append(p.formatValue(p.defaultValue()));
        if (p.kind() == Parameter.Kind.REAL) {
          params.append(' ').append(p.rangeText());
        }
      }
      String range = (pr.rangeMinAttained() ? "[" : "(") + num(pr.rangeMin()) + ", "
          + num(pr.rangeMax()) + (pr.rangeMaxAttained() ? "]" : ")");
      StringBuilder flags = new StringBuilder();
      if (pr.zeroCentred()) {
        flags.append("zero-centred ");
      }
      if (pr.monotonic()) {
        flags.append("monotonic ");
      }
      if (pr.smooth()) {
        flags.append("smooth ");
      }
      rows.add(new String[] {f.id(), params.length() == 0 ? "-" : params.toString(), range,
          num(pr.maxAbsDerivative()), flags.toString().trim()});
    }
    // columns as wide as their widest cell, so long parameter lists do not shift the others
    int[] width = new int[4];
    for (String[] r : rows) {
      for (int c = 0; c < width.length; c++) {
        width[c] = Math.max(width[c], r[c].length());
      }
    }
    for (String[] r : rows) {
      StringBuilder line = new StringBuilder();
      for (int c = 0; c < width.length; c++) {
        line.append(r[c]).append(" ".repeat(width[c] - r[c].length() + 2));
      }
      out.println(line.append(r[4]).toString().stripTrailing());
    }
  }

  private static String num(double v) {
    if (Double.isInfinite(v)) {
      return v > 0 ? "inf" : "-inf";
    }
    String s = String.format(Locale.ROOT, "%.4g", v);
    if (s.contains("e") || !s.contains(".")) {
      return s;
    }
    return s.replaceAll("0+$", "").replaceAll("\\.$", "");
  }
}
