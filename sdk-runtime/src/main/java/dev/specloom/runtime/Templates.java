package dev.specloom.runtime;

import dev.specloom.model.Placeholders;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

/** The {@code {name}} placeholders of the spec's credential and API-root templates. */
final class Templates {

  private Templates() {}

  static List<String> placeholders(String template) {
    Matcher m = Placeholders.PATTERN.matcher(template);
    List<String> out = new ArrayList<>();
    while (m.find()) out.add(m.group(1));
    return out;
  }

  static boolean allSet(String template, Map<String, String> values) {
    return placeholders(template).stream().allMatch(values::containsKey);
  }

  static String interpolate(String template, Map<String, String> values) {
    Matcher m = Placeholders.PATTERN.matcher(template);
    StringBuilder b = new StringBuilder();
    while (m.find()) m.appendReplacement(b, Matcher.quoteReplacement(values.get(m.group(1))));
    m.appendTail(b);
    return b.toString();
  }
}
