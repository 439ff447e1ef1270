package dev.pilothouse.demo.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import dev.pilothouse.demo.apiserver.Json;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The {@code pod-template-hash} of a pod template, in the style of the Deployment controller: a 32-bit FNV-1a hash
 * of the template (without the hash label itself), written with the "safe" alphabet that avoids vowels and
 * look-alike characters.
 */
public final class TemplateHash {

  public static final String LABEL = "pod-template-hash";
  private static final String ALPHABET = "bcdfghjklmnpqrstvwxz2456789";

  private TemplateHash() {}

  public static String of(PodTemplateSpec template) {
    ObjectNode node = Json.KUBERNETES.convertValue(template, ObjectNode.class);
    JsonNode labels = node.path("metadata").path("labels");
    if (labels instanceof ObjectNode l) {
      l.remove(LABEL);
      l.remove("rollouts-pod-template-hash");
    }
    int hash = 0x811c9dc5;
    for (byte b : canonical(node).getBytes(StandardCharsets.UTF_8)) {
      hash ^= b & 0xff;
      hash *= 0x01000193;
    }
    String decimal = Long.toString(Integer.toUnsignedLong(hash));
    StringBuilder encoded = new StringBuilder(decimal.length());
    for (char c : decimal.toCharArray()) {
      encoded.append(ALPHABET.charAt(c % ALPHABET.length()));
    }
    return encoded.toString();
  }

  /** JSON with object keys sorted, so equal templates hash equally whatever their field order. */
  private static String canonical(JsonNode node) {
    if (node.isObject()) {
      List<String> names = new ArrayList<>();
      node.fieldNames().forEachRemaining(names::add);
      Collections.sort(names);
      StringBuilder s = new StringBuilder("{");
      for (String name : names) {
        JsonNode value = node.get(name);
        if (value.isNull() || (value.isContainerNode() && value.isEmpty())) {
          continue;
        }
        s.append('"').append(name).append("\":").append(canonical(value)).append(',');
      }
      return s.append('}').toString();
    }
    if (node.isArray()) {
      StringBuilder s = new StringBuilder("[");
      node.forEach(element -> s.append(canonical(element)).append(','));
      return s.append(']').toString();
    }
    return node.toString();
  }
}
