package dev.specloom.model;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The {@code {name}} placeholders of a path, URL or credential template, in order. */
public final class Placeholders {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_][a-z0-9_]*)}");

  private Placeholders() {}

  public static List<String> in(String template) {
    Matcher m = PLACEHOLDER.matcher(template);
    List<String> out = new ArrayList<>();
    while (m.find()) out.add(m.group(1));
    return out;
  }
}
