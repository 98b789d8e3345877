package dev.specloom.sandbox;

import dev.specloom.model.simulator.Sandbox;
import java.util.ArrayList;
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
  private final Simulation sim;
  private final Map<String, LinkedHashMap<String, Map<String, Object>>> records = new LinkedHashMap<>();
  private Random random;

  Store(Simulation sim) {
    this.sim = sim;
    reset();
  }

  /** Back to the seed data. */
  void reset() {
    random = new Random(sim.descriptor().provider().hashCode());
    records.clear();
    for (Sandbox.Resource r : sim.sandbox().resources().values()) {
      LinkedHashMap<String, Map<String, Object>> byId = new LinkedHashMap<>();
      for (Map<String, Object> seed : r.seed()) {
        Map<String, Object> record = sim.shapes().coerceFields(r.model(), Values.copyObject(seed));
        byId.put(Values.text(record.get(r.idField())), record);
      }
      records.put(r.name(), byId);
    }
  }

  List<Map<String, Object>> all(String resource) {
    return new ArrayList<>(records.get(resource).values());
  }

  Map<String, Object> get(String resource, String id) {
    LinkedHashMap<String, Map<String, Object>> byId = records.get(resource);
    return byId == null ? null : byId.get(id);
  }

  void put(Sandbox.Resource r, Map<String, Object> record) {
    records.get(r.name()).put(Values.text(record.get(r.idField())), record);
  }

  Map<String, Object> remove(String resource, String id) {
    return records.get(resource).remove(id);
  }

  /** Merges {@code fields} into a record, creating it when absent (for a function's declared starting state). */
  void patch(Sandbox.Resource r, String id, Map<String, Object> fields) {
    Map<String, Object> record = get(r.name(), id);
    if (record == null) {
      record = new LinkedHashMap<>();
      record.put(r.idField(), id);
      put(r, record);
    }
    for (Map.Entry<String, Object> e : fields.entrySet()) record.put(e.getKey(), Values.copy(e.getValue()));
    sim.shapes().coerceFields(r.model(), record);
  }

  Object newId(Sandbox.Resource r) {
    return switch (r.idStyle()) {
      case SERIAL -> records.get(r.name()).values().stream()
          .mapToLong(x -> Values.asLong(x.get(r.idField()))).max().orElse(0) + 1;
      case UUID -> uuid(r.idPrefix());
      case RANDOM -> {
        StringBuilder b = new StringBuilder(r.idPrefix());
        for (int i = 0; i < 14; i++) b.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        yield b.toString();
      }
    };
  }

  String uuid(String prefix) {
    long msb = (random.nextLong() & ~0xF000L) | 0x4000L;
    long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return prefix + new UUID(msb, lsb);
  }
}
