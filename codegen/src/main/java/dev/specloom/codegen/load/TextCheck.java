package dev.specloom.codegen.load;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Characters no generated source can carry: JavaPoet ends a line at the Unicode line and paragraph separators
 * (U+2028, U+2029) even inside a string literal, which then no longer compiles.
 */
final class TextCheck {
  private final BiConsumer<String, String> report;

  TextCheck(BiConsumer<String, String> report) {
    this.report = report;
  }

  void run(JsonNode root) {
    visit("", root);
  }

  private void visit(String at, JsonNode node) {
    if (node.isTextual()) {
      check(at, node.textValue());
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) visit(child(at, String.valueOf(i)), node.get(i));
    } else if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        check(child(at, e.getKey()), e.getKey());
        visit(child(at, e.getKey()), e.getValue());
      }
    }
  }

  private void check(String at, String text) {
    for (char c : new char[] {'\u2028', '\u2029'}) {
      if (text.indexOf(c) >= 0) {
        report.accept(at, String.format("contains the line separator U+%04X, which generated Java cannot carry; "
            + "use a newline", (int) c));
        return;
      }
    }
  }

  private static String child(String at, String key) {
    return at.isEmpty() ? key : at + "/" + key;
  }
}
