package dev.specloom.codegen.emit.site;

import dev.specloom.codegen.emit.docs.MarkdownEmitter;
import dev.specloom.model.Function;
import dev.specloom.model.Spec;
import dev.specloom.model.TypeRef;
import java.util.Map;
import java.util.Optional;

/**
 * A function's examples as three tabs from the same spec: Lua (the spec's examples), Java (the first example's
 * call through the typed client) and HTTP (the same call as curl). Each {@code <pre>} carries
 * {@code data-example="lua|java|http"} and the function, so the docs-site tests run exactly what the page shows.
 * Without scripts every tab is shown, one under the other.
 */
final class ExampleTabs {
  /** Where the site keeps each SDK's Javadoc, relative to its root: {@code javadoc/<provider>/}. */
  static final String JAVADOC = "javadoc/";

  private ExampleTabs() {}

  /**
   * The tabs, or empty when the first example's call cannot be read as data (not a literal table, a key that is
   * no param, a path param left out): the function then shows its Lua examples alone. The docs-site tests hold
   * this project's specs to all three tabs.
   */
  static Optional<String> html(Spec spec, Function f, String lua) {
    Optional<Map<String, Object>> args = LuaCallArgs.of(spec.provider(), f);
    if (args.isEmpty()) return Optional.empty();
    JavaExample java;
    String curl;
    try {
      java = JavaExample.of(spec, f, args.get());
      curl = CurlExample.of(spec, f, args.get());
    } catch (IllegalArgumentException | ClassCastException notThisFunction) {
      return Optional.empty();
    }
    String id = f.name();
    StringBuilder h = new StringBuilder("<div class=\"examples\" data-function=\"").append(Layout.escape(id)).append("\">\n")
        .append("<div class=\"tablist\" role=\"tablist\" aria-label=\"Example language\">");
    for (String[] tab : new String[][] {{"lua", "Lua"}, {"java", "Java"}, {"http", "HTTP"}}) {
      h.append("<button type=\"button\" role=\"tab\" id=\"").append(id).append("-tab-").append(tab[0])
          .append("\" aria-controls=\"").append(id).append("-panel-").append(tab[0]).append("\" aria-selected=\"")
          .append(tab[0].equals("lua")).append("\" data-tab=\"").append(tab[0]).append("\">").append(tab[1]).append("</button>");
    }
    h.append("</div>\n");
    panel(h, id, "lua", spec, "lua", lua, "", "");
    panel(h, id, "java", spec, "java", java.code(), "", javaFacts(spec, f, java));
    panel(h, id, "http", spec, "shell", curl, " data-api-root=\"" + Layout.escape(CurlExample.baseUrl(spec)) + "\"", "");
    return Optional.of(h.append("</div>\n").toString());
  }

  private static void panel(StringBuilder h, String id, String tab, Spec spec, String language, String code, String attributes,
      String after) {
    h.append("<div class=\"tabpanel\" role=\"tabpanel\" id=\"").append(id).append("-panel-").append(tab)
        .append("\" aria-labelledby=\"").append(id).append("-tab-").append(tab).append("\" data-tab=\"").append(tab).append("\">")
        .append("<pre data-example=\"").append(tab).append("\" data-provider=\"").append(Layout.escape(spec.provider()))
        .append("\" data-function=\"").append(Layout.escape(id)).append('"').append(attributes).append("><code class=\"language-").append(language).append("\">")
        .append(Layout.escape(code)).append("</code></pre>").append(after).append("</div>\n");
  }

  /** The result type, linked to its table, and the Javadoc of the params builder and the client method. */
  private static String javaFacts(Spec spec, Function f, JavaExample java) {
    StringBuilder p = new StringBuilder("<p class=\"java-facts\">Returns ");
    String model = modelOf(f);
    p.append(model == null ? "<code>" + Layout.escape(java.resultType()) + "</code>"
        : "<a class=\"type\" href=\"#" + MarkdownEmitter.typeAnchor(model) + "\"><code>" + Layout.escape(java.resultType()) + "</code></a>");
    String builder = java.paramsClass() + ".Builder";
    p.append(" · Javadoc: <a class=\"javadoc\" href=\"").append(javadoc(spec, java.paramsClass(), "Builder"))
        .append("\"><code>").append(Layout.escape(simple(builder))).append("</code></a>, <a class=\"javadoc\" href=\"")
        .append(javadoc(spec, java.clientClass(), "")).append('#').append(java.method()).append('(').append(java.paramsClass())
        .append(")\"><code>").append(Layout.escape(simple(java.clientClass()) + "." + java.method())).append("</code></a></p>\n");
    return p.toString();
  }

  private static String modelOf(Function f) {
    if (f.http().raw()) return null;
    TypeRef t = f.returns().type();
    if (t instanceof TypeRef.ListOf l) t = l.element();
    return t instanceof TypeRef.ModelRef m ? m.name() : null;
  }

  /** The Javadoc page of a class (or of its nested class {@code nested}) in the provider's Javadoc folder. */
  static String javadoc(Spec spec, String canonicalClass, String nested) {
    int dot = canonicalClass.lastIndexOf('.');
    return JAVADOC + spec.provider() + "/" + canonicalClass.substring(0, dot).replace('.', '/') + "/"
        + canonicalClass.substring(dot + 1) + (nested.isEmpty() ? "" : "." + nested) + ".html";
  }

  private static String simple(String canonical) {
    String[] parts = canonical.split("\\.");
    int first = 0;
    while (first < parts.length && !Character.isUpperCase(parts[first].charAt(0))) first++;
    return String.join(".", java.util.Arrays.copyOfRange(parts, first, parts.length));
  }
}
