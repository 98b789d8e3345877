package dev.specloom.codegen.emit.site;

import dev.specloom.model.Function;
import dev.specloom.model.Spec;
import java.util.List;

/** The HTML around the content: head, header with the search box, contents, scripts. */
final class Layout {
  static final String STYLE = "assets/site.css";
  static final String SCRIPT = "assets/site.js";
  static final String SEARCH_INDEX = "assets/search-index.js";
  private static final String SITE = "Specloom reference";

  private Layout() {}

  static String index(List<Spec> specs) {
    StringBuilder main = new StringBuilder("<h1>Billing provider reference</h1>\n")
        .append("<p class=\"lead\">The Lua API of each integration, generated from its spec: the same text "
            + "<code>lua_read_doc(\"integrations.&lt;provider&gt;\")</code> returns. Search by function name or summary, "
            + "or press <kbd>/</kbd>.</p>\n<ul class=\"providers\">\n");
    for (Spec s : specs) {
      long writes = s.functions().stream().filter(Function::isWrite).count();
      main.append("<li><h2><a href=\"").append(escape(SiteEmitter.page(s.provider()))).append("\">").append(escape(s.title()))
          .append("</a></h2>\n").append(ReferencePage.html(s.summary()))
          .append("<p class=\"counts\">").append(s.functions().size()).append(" functions · ")
          .append(s.functions().size() - writes).append(" read · ").append(writes).append(" write</p></li>\n");
    }
    main.append("</ul>\n");
    return page(SITE, "Lua API reference for " + String.join(", ", specs.stream().map(Spec::title).toList()) + ".",
        "", main.toString());
  }

  static String provider(Spec spec, ReferencePage reference) {
    StringBuilder nav = new StringBuilder("<nav class=\"toc\" aria-label=\"Contents\"><details open><summary>Contents</summary>\n<ul>\n");
    boolean inSection = false;
    boolean inGroup = false;
    for (ReferencePage.Entry e : reference.toc()) {
      if (e.function().isPresent()) {
        if (!inGroup) nav.append("<ul>\n");
        inGroup = true;
        nav.append("<li><a href=\"#").append(escape(e.id())).append("\"><code>").append(escape(e.text())).append("</code></a> ")
            .append(badge(e.function().get())).append("</li>\n");
        continue;
      }
      if (inGroup) nav.append("</ul>\n");
      if (inSection) nav.append("</li>\n");
      inGroup = false;
      inSection = true;
      nav.append("<li><a href=\"#").append(escape(e.id())).append("\">").append(escape(e.text())).append("</a>\n");
    }
    nav.append(inGroup ? "</ul>\n" : "").append(inSection ? "</li>\n" : "").append("</ul>\n</details></nav>\n");
    return page(spec.title() + " — " + SITE, spec.title() + " Lua API reference: " + spec.functions().size() + " functions.",
        nav.toString(), reference.html());
  }

  /** The read/write badge of a function. */
  static String badge(Function f) {
    String op = f.isWrite() ? "write" : "read";
    return "<span class=\"badge " + op + "\">" + op + "</span>";
  }

  /** The read/write badge, and a destructive one where the spec says so. */
  static String badges(Function f) {
    return badge(f) + (f.destructive() ? " <span class=\"badge destructive\">destructive</span>" : "");
  }

  /**
   * The page around its parts, at the {@code %s} marks in order. Filled in by hand rather than by
   * {@link String#formatted}: {@code main} is the whole reference, megabytes for a large spec.
   */
  private static final String[] PAGE = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="description" content="%s">
        <title>%s</title>
        <link rel="stylesheet" href="%s">
        </head>
        <body>
        <header class="top">
        <a class="home" href="index.html">Specloom</a>
        <div class="search" role="search">
        <input id="search" type="search" placeholder="Search functions…" aria-label="Search functions" autocomplete="off" spellcheck="false">
        <ul id="results" class="results" hidden></ul>
        </div>
        </header>
        <div class="layout%s">
        %s<main class="content">
        %s</main>
        </div>
        <script src="%s"></script>
        <script src="%s"></script>
        </body>
        </html>
        """.split("%s", -1);

  private static String page(String title, String description, String nav, String main) {
    String[] parts = {escape(description), escape(title), STYLE, nav.isEmpty() ? " single" : "", nav, main, SEARCH_INDEX, SCRIPT};
    StringBuilder page = new StringBuilder(main.length() + nav.length() + 2048).append(PAGE[0]);
    for (int i = 0; i < parts.length; i++) page.append(parts[i]).append(PAGE[i + 1]);
    return page.toString();
  }

  static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
