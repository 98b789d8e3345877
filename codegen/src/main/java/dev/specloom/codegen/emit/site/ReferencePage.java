package dev.specloom.codegen.emit.site;

import dev.specloom.codegen.emit.docs.MarkdownEmitter;
import dev.specloom.model.Function;
import dev.specloom.model.Spec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableHead;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Code;
import org.commonmark.node.CustomBlock;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.CustomNode;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * A provider's Markdown reference as HTML, by commonmark with GFM tables. Every heading gets an anchor: a
 * function's heading is anchored by the function's name and carries its read/write badge; its sub-headings
 * by {@code <fn>-parameters} and the like; sections by their title.
 */
record ReferencePage(String html, List<Entry> toc) {
  private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());
  private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();
  private static final Pattern NOT_SLUG = Pattern.compile("[^a-z0-9_]+");
  private static final Pattern EDGE_DASHES = Pattern.compile("^-+|-+$");

  /** A contents entry: a top-level section, or a function inside the section before it. */
  record Entry(String id, String text, Optional<Function> function) {}

  static ReferencePage render(Spec spec) {
    Node doc = PARSER.parse(new MarkdownEmitter(spec).reference());
    // By name: a heading or example per function looks its function up, and a scan each time is quadratic.
    Map<String, Function> functions = new HashMap<>();
    spec.functions().forEach(f -> functions.putIfAbsent(f.name(), f));
    Map<Node, String> ids = new IdentityHashMap<>();
    Set<String> used = new HashSet<>();
    spec.functions().forEach(f -> used.add(f.name()));
    List<Entry> toc = new ArrayList<>();
    String within = null;
    String section = "";
    boolean examples = false;
    boolean setup = false;
    for (Node n = doc.getFirstChild(); n != null; n = n.getNext()) {
      if (n instanceof FencedCodeBlock code && examples && within != null) {
        Optional<String> html = ExampleTabs.html(spec, functions.get(within), code.getLiteral());
        if (html.isPresent()) {
          Node tabs = new Raw(html.get());
          code.insertAfter(tabs);
          code.unlink();
          n = tabs;
        }
      }
      if (!(n instanceof Heading h)) continue;
      examples = within != null && text(h).equals("Examples");
      if (h.getLevel() == 2 && !setup) {
        h.insertBefore(new Raw(setup(spec)));
        setup = true;
      }
      Optional<Function> fn = functionOf(h, functions);
      if (fn.isPresent()) {
        within = fn.get().name();
        ids.put(h, within);
        h.appendChild(new Badge(fn.get()));
        toc.add(new Entry(within, within, fn));
        continue;
      }
      if (h.getLevel() <= 2) {
        within = null;
        section = text(h);
      }
      String id = section.equals("Types") && h.getLevel() == 3 ? MarkdownEmitter.typeAnchor(text(h))
          : unique((within == null ? "" : within + "-") + slug(text(h)), used);
      ids.put(h, id);
      if (h.getLevel() == 2) toc.add(new Entry(id, text(h), Optional.empty()));
    }
    HtmlRenderer renderer = HtmlRenderer.builder()
        .extensions(EXTENSIONS)
        .escapeHtml(true)
        .sanitizeUrls(true)
        .attributeProviderFactory(context -> (node, tag, attributes) -> {
          if (ids.containsKey(node)) attributes.put("id", ids.get(node));
          if (node instanceof TableCell cell && !cell.isHeader()) columnTitle(cell).ifPresent(t -> attributes.put("data-label", t));
        })
        .nodeRendererFactory(context -> new NodeRenderer() {
          @Override
          public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(Badge.class, Raw.class);
          }

          @Override
          public void render(Node node) {
            if (node instanceof Raw raw) context.getWriter().raw(raw.html);
            else context.getWriter().raw(" " + Layout.badges(((Badge) node).function));
          }
        })
        .build();
    return new ReferencePage(renderer.render(doc), List.copyOf(toc));
  }

  /** MarkdownEmitter heads a function's section with its name as code and nothing else. */
  private static Optional<Function> functionOf(Heading h, Map<String, Function> functions) {
    if (h.getFirstChild() instanceof Code c && c.getNext() == null) return Optional.ofNullable(functions.get(c.getLiteral()));
    return Optional.empty();
  }

  /** The header text of a body cell's column: phones show each row as a card labelled by it. */
  private static Optional<String> columnTitle(TableCell cell) {
    int column = 0;
    for (Node n = cell.getPrevious(); n != null; n = n.getPrevious()) column++;
    Node table = cell.getParent().getParent().getParent();
    if (!(table.getFirstChild() instanceof TableHead head) || head.getFirstChild() == null) return Optional.empty();
    Node header = head.getFirstChild().getFirstChild();
    for (int i = 0; i < column && header != null; i++) header = header.getNext();
    return header == null ? Optional.empty() : Optional.of(text(header));
  }

  private static String text(Node node) {
    StringBuilder s = new StringBuilder();
    for (Node n = node.getFirstChild(); n != null; n = n.getNext()) {
      if (n instanceof Text t) s.append(t.getLiteral());
      else if (n instanceof Code c) s.append(c.getLiteral());
      else s.append(text(n));
    }
    return s.toString();
  }

  /** Plain Markdown to HTML, with the same extensions and escaping as the reference. */
  static String html(String markdown) {
    return HtmlRenderer.builder().extensions(EXTENSIONS).escapeHtml(true).sanitizeUrls(true).build().render(PARSER.parse(markdown));
  }

  static String slug(String text) {
    String s = EDGE_DASHES.matcher(NOT_SLUG.matcher(text.toLowerCase(Locale.ROOT)).replaceAll("-")).replaceAll("");
    return s.isEmpty() ? "section" : s;
  }

  private static String unique(String id, Set<String> used) {
    String candidate = id;
    for (int i = 2; !used.add(candidate); i++) candidate = id + "-" + i;
    return candidate;
  }

  /** The page's set-up for the Java and HTTP tabs: the client, the exceptions, the credentials. */
  private static String setup(Spec spec) {
    String env = String.join(", ", CurlExample.authCredentials(spec).stream()
        .map(c -> "<code>" + CurlExample.envName(spec, c) + "</code>").toList());
    return "<section class=\"setup\" id=\"java-http-setup\">\n<p>Each function's examples come in three tabs: Lua, "
        + "Java and HTTP. The Java examples use one client, built once (package <code>dev.specloom." + Layout.escape(spec.provider())
        + "</code>):</p>\n<pre data-example=\"java-setup\" data-provider=\"" + Layout.escape(spec.provider())
        + "\"><code class=\"language-java\">" + Layout.escape(JavaExample.setup(spec)) + "</code></pre>\n"
        + "<p>A params builder's <code>build()</code> throws <code>IllegalArgumentException</code> naming the param; a call "
        + "throws <code>ProviderException</code> (the provider's error answer: HTTP status, code, message, request id), "
        + "<code>TransportException</code> (no answer in time) or <code>DecodeException</code> (an answer that does not fit "
        + "the result). The HTTP examples read the credentials from " + env + "; point them at "
        + "<code>specloom-lua sandbox serve</code>'s URL to try them offline.</p>\n</section>\n";
  }

  /** HTML placed as is: the tabs and the set-up, built from the spec and escaped where they hold text. */
  private static final class Raw extends CustomBlock {
    final String html;

    Raw(String html) {
      this.html = html;
    }
  }

  /** Marks a function heading; rendered as its badges. */
  private static final class Badge extends CustomNode {
    final Function function;

    Badge(Function function) {
      this.function = function;
    }
  }
}
