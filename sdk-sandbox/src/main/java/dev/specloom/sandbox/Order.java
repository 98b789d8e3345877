package dev.specloom.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * The order a list answers in, as a behaviour's {@code order: {by, desc}} declares it; without one, creation
 * order. Records that tie on the field keep creation order, or its reverse when descending (the later-created
 * record first, as a newest-first list puts it).
 */
final class Order {
  private Order() {}

  static void sort(List<ObjectNode> records, JsonNode order) {
    if (!order.isObject()) return;
    String by = order.path("by").asText();
    boolean desc = order.path("desc").asBoolean(false);
    Comparator<ObjectNode> byField = Comparator.comparing((ObjectNode x) -> x.path(by),
        (a, b) -> a.isNumber() && b.isNumber() ? Double.compare(a.doubleValue(), b.doubleValue())
            : Expressions.text(a).compareTo(Expressions.text(b)));
    if (desc) {
      Collections.reverse(records);
      records.sort(byField.reversed());
    } else {
      records.sort(byField);
    }
  }
}
