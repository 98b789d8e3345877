package dev.specloom.model;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The {@code {name}} placeholders of a path, URL or credential template: the one definition of their syntax. */
public final class Placeholders {
  private static final String NAME = "[a-z_][a-z0-9_]*";
  /** A placeholder: a snake_case name in braces; group 1 is the name. */
  public static final Pattern PATTERN = Pattern.compile("\\{(" + NAME + ")}");
  /** An API root: a scheme and host, or a placeholder standing for one; group 1 is the path after it. */
  private static final Pattern ROOT = Pattern.compile("^(?:\\{" + NAME + "}|[a-z]+://[^/]+)(.*)$");

  private Placeholders() {}

  /** The names of the placeholders in {@code template}, in order. */
  public static List<String> in(String template) {
    Matcher m = PATTERN.matcher(template);
    List<String> out = new ArrayList<>();
    while (m.find()) out.add(m.group(1));
    return out;
  }

  /** {@code template} with every placeholder removed: the literal text around them. */
  public static String strip(String template) {
    return PATTERN.matcher(template).replaceAll("");
  }

  /** The path part of a base URL ({@code https://host/v1/} → {@code /v1}, no trailing slash); "" when it has none. */
  public static String rootPath(String baseUrl) {
    Matcher m = ROOT.matcher(baseUrl);
    return m.matches() ? m.group(1).replaceAll("/$", "") : "";
  }
}
