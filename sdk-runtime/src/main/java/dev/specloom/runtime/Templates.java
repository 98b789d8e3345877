package dev.specloom.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The {@code {name}} placeholders of the spec's credential and API-root templates. */
final class Templates {
  static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_][a-z0-9_]*)}");

  private Templates() {}

  static List<String> placeholders(String template) {
    Matcher m = PLACEHOLDER.matcher(template);
    List<String> out = new ArrayList<>();
    while (m.find()) out.add(m.group(1));
    return out;
  }

  static boolean allSet(String template, Map<String, String> values) {
    return placeholders(template).stream().allMatch(values::containsKey);
  }

  static String interpolate(String template, Map<String, String> values) {
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder b = new StringBuilder();
    while (m.find()) m.appendReplacement(b, Matcher.quoteReplacement(values.get(m.group(1))));
    m.appendTail(b);
    return b.toString();
  }
}
