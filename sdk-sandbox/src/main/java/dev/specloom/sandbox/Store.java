package dev.specloom.sandbox;

import static dev.specloom.sandbox.Expressions.JSON;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * The records of one provider, per resource in creation order, under field names. Ids are drawn from a
 * random source seeded per provider, so a fresh or reset store hands out the same ids in the same order.
 */
final class Store {
  private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
  private final Descriptor descriptor;
  private final Map<String, LinkedHashMap<String, ObjectNode>> records = new LinkedHashMap<>();
  private Random random;

  Store(Descriptor descriptor) {
    this.descriptor = descriptor;
    reset();
  }

  /** Back to the seed data. */
  void reset() {
    random = new Random(descriptor.provider().hashCode());
    records.clear();
    for (Descriptor.Resource r : descriptor.resources().values()) {
      LinkedHashMap<String, ObjectNode> byId = new LinkedHashMap<>();
      for (JsonNode seed : r.seed()) {
        ObjectNode record = descriptor.shapes().coerceFields(r.model(), seed.deepCopy());
        byId.put(record.path(r.idField()).asText(), record);
      }
      records.put(r.name(), byId);
    }
  }

  List<ObjectNode> all(String resource) {
    return new ArrayList<>(records.get(resource).values());
  }

  ObjectNode get(String resource, String id) {
    LinkedHashMap<String, ObjectNode> byId = records.get(resource);
    return byId == null ? null : byId.get(id);
  }

  void put(Descriptor.Resource r, ObjectNode record) {
    records.get(r.name()).put(record.path(r.idField()).asText(), record);
  }

  ObjectNode remove(String resource, String id) {
    return records.get(resource).remove(id);
  }

  /** Merges {@code fields} into a record, creating it when absent (for a function's declared starting state). */
  void patch(Descriptor.Resource r, String id, JsonNode fields) {
    ObjectNode record = get(r.name(), id);
    if (record == null) {
      record = JSON.objectNode();
      record.put(r.idField(), id);
      put(r, record);
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = fields.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      record.set(e.getKey(), e.getValue().deepCopy());
    }
    descriptor.shapes().coerceFields(r.model(), record);
  }

  JsonNode newId(Descriptor.Resource r) {
    return switch (r.idStyle()) {
      case "SERIAL" -> JSON.numberNode(records.get(r.name()).values().stream()
          .mapToLong(x -> x.path(r.idField()).asLong()).max().orElse(0) + 1);
      case "UUID" -> JSON.textNode(uuid(r.idPrefix()));
      default -> {
        StringBuilder b = new StringBuilder(r.idPrefix());
        for (int i = 0; i < 14; i++) b.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        yield JSON.textNode(b.toString());
      }
    };
  }

  String uuid(String prefix) {
    long msb = (random.nextLong() & ~0xF000L) | 0x4000L;
    long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return prefix + new UUID(msb, lsb);
  }
}
