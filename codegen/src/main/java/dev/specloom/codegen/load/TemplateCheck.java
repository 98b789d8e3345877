package dev.specloom.codegen.load;

import dev.specloom.model.Function;
import dev.specloom.model.Placeholders;
import dev.specloom.model.Spec;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The text of paths, URLs, credential templates and setting patterns: every brace is a {@code {snake_case}}
 * placeholder (anything else would go out as literal text), a path is plain segments the HTTP client sends as
 * written, and a pattern is one the generated client can compile.
 */
final class TemplateCheck {
  private static final Pattern STRAY = Pattern.compile("\\{[^{}]*}?|}");
  /** RFC 3986 path characters (pchar and "/"), a percent sign only as the start of an escape. */
  private static final Pattern PATH_TEXT = Pattern.compile("(?:[A-Za-z0-9\\-._~!$&'()*+,;=:@/]|%[0-9A-Fa-f]{2})*");

  private final Spec spec;
  private final BiConsumer<String, String> report;

  TemplateCheck(Spec spec, BiConsumer<String, String> report) {
    this.spec = spec;
    this.report = report;
  }

  void run() {
    for (int i = 0; i < spec.baseUrls().size(); i++) {
      Spec.BaseUrl b = spec.baseUrls().get(i);
      braces(spec.baseUrls().size() == 1 && b.when().isEmpty() ? "base_url" : "base_url/" + i + "/url", b.url());
    }
    for (int i = 0; i < spec.auth().size(); i++) {
      int option = i;
      spec.auth().get(i).templates().forEach((key, template) -> braces("auth/" + option + "/" + key, template));
    }
    spec.settingPatterns().forEach((name, pattern) -> {
      try {
        Pattern.compile(pattern);
      } catch (PatternSyntaxException e) {
        report.accept("settings/" + name + "/pattern", "not a regular expression: " + e.getDescription());
      }
    });
    for (Function f : spec.functions()) {
      String at = "functions/" + f.name() + "/http";
      path(at + "/path", f.http().path());
      List<Function.Route> routes = f.http().routes();
      for (int i = 0; i < routes.size(); i++) path(at + "/routes/" + i + "/path", routes.get(i).path());
    }
  }

  private void path(String at, String path) {
    if (!braces(at, path)) return;
    String text = Placeholders.strip(path);
    if (text.contains("?") || text.contains("#")) {
      report.accept(at, "a path may not carry a query or fragment ('" + path + "'); declare query params instead");
    } else if (!PATH_TEXT.matcher(text).matches()) {
      report.accept(at, "'" + path + "' has characters a URL path cannot carry unescaped");
    }
    for (String segment : path.split("/", -1)) {
      if (segment.equals(".") || segment.equals("..")) {
        report.accept(at, "a path may not have '.' or '..' segments ('" + path + "'): the HTTP client would resolve them");
        break;
      }
    }
    Set<String> seen = new HashSet<>();
    Matcher m = Placeholders.PATTERN.matcher(path);
    while (m.find()) {
      if (!seen.add(m.group())) report.accept(at, "placeholder " + m.group() + " appears twice in '" + path + "'");
    }
  }

  /** Reports braces that are not a placeholder; true when there are none. */
  private boolean braces(String at, String template) {
    Matcher stray = STRAY.matcher(Placeholders.strip(template));
    if (!stray.find()) return true;
    report.accept(at, "'" + stray.group() + "' is not a placeholder: placeholders are {snake_case} names, and "
        + "anything else in braces would be sent as literal text");
    return false;
  }
}
