package dev.specloom.sandbox;

import dev.specloom.model.simulator.Sandbox;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The order a list answers in, as a behaviour's {@code order: {by, desc}} declares it; without one, creation
 * order. Records that tie on the field keep creation order, or its reverse when descending (the later-created
 * record first, as a newest-first list puts it).
 */
final class Order {
  private Order() {}

  static void sort(List<Map<String, Object>> records, Sandbox.ListOrder order) {
    Comparator<Map<String, Object>> byField = Comparator.comparing((Map<String, Object> x) -> x.get(order.by()),
        (a, b) -> Values.isNumber(a) && Values.isNumber(b) ? Double.compare(((Number) a).doubleValue(), ((Number) b).doubleValue())
            : Values.text(a).compareTo(Values.text(b)));
    if (order.desc()) {
      Collections.reverse(records);
      records.sort(byField.reversed());
    } else {
      records.sort(byField);
    }
  }
}
