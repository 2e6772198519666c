package org.activationlab.runs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** JSON Lines made from a statistics document, as {@code train --stats OUT.jsonl} writes them. */
final class Jsonl {

  private static final ObjectMapper JSON = new ObjectMapper();

  private Jsonl() {}

  /** The header line. */
  static String header(JsonNode doc) {
    ObjectNode h = JSON.createObjectNode();
    h.put("format", doc.get("format").asText());
    h.put("version", 2);
    h.put("layout", "jsonl");
    h.put("source", "activation-lab");
    h.set("scenario", doc.get("scenario"));
    h.set("layers", doc.get("layers"));
    return h + "\n";
  }

  static byte[] fromDocument(byte[] json, boolean withEnd) throws IOException {
    JsonNode doc = JSON.readTree(json);
    StringBuilder sb = new StringBuilder(header(doc));
    for (JsonNode r : doc.get("records")) {
      sb.append(r).append('\n');
    }
    if (withEnd) {
      sb.append("{\"end\":true,\"diverged\":").append(doc.get("diverged"))
          .append(",\"divergedAtStep\":").append(doc.get("divergedAtStep")).append("}\n");
    }
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }
}
