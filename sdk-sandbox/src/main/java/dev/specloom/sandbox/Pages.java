package dev.specloom.sandbox;

import static dev.specloom.sandbox.Expressions.JSON;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * One page of a list, in the paging style the spec declares for the function: after the last item's id
 * ({@code starting_after}), an opaque cursor token (with the legacy page number still honoured), a page
 * number, or an offset. The page is returned under the result model's field names.
 */
final class Pages {
  private static final String TOKEN = "offset:";

  private Pages() {}

  static ObjectNode page(Descriptor.Fn fn, JsonNode b, Descriptor.Resource r, List<ObjectNode> records, Call call, Engine engine) {
    JsonNode pg = fn.pagination();
    String itemsField = pg != null ? pg.path("items").asText() : listField(fn, engine);
    ObjectNode out = JSON.objectNode();
    for (Descriptor.Param p : fn.params()) {
      JsonNode v = call.request().get(p.wire());
      if (v != null && p.template() == null) out.set(p.name(), v);
    }
    int size = pageSize(fn, b, pg, call);
    int from = 0;
    if (pg != null) {
      String style = pg.path("style").asText();
      String cursor = param(fn, call, pg.path("cursor_param").asText());
      switch (style) {
        case "cursor_after_last" -> {
          if (cursor != null) {
            String field = pg.path("cursor_field").asText(r.idField());
            int at = indexOf(records, field, cursor);
            if (at < 0) engine.find(r.name(), cursor, pg.path("cursor_param").asText());
            from = at + 1;
          }
        }
        case "cursor_token" -> {
          if (cursor != null) from = decode(cursor, pg.path("cursor_param").asText());
          else if (param(fn, call, "page") != null) from = (parse(param(fn, call, "page"), "page") - 1) * size;
        }
        case "page" -> {
          String page = param(fn, call, pg.path("page_param").asText());
          if (page != null) from = (parse(page, "page") - 1) * size;
        }
        default -> {
          String offset = call.request().path(pg.path("offset_wire").asText()).asText(null);
          if (offset != null) from = parse(offset, pg.path("offset_wire").asText());
        }
      }
    } else if (!b.has("page_size")) {
      size = Integer.MAX_VALUE;
    }
    from = Math.max(0, Math.min(from, records.size()));
    int to = (int) Math.min((long) from + size, records.size());
    out.set(itemsField, JSON.arrayNode().addAll(records.subList(from, to)));
    boolean more = to < records.size();
    if (pg != null && pg.has("has_more_field")) out.put(pg.path("has_more_field").asText(), more);
    if (pg != null && pg.path("style").asText().equals("cursor_token")) {
      String field = pg.path("cursor_field").asText();
      if (more) out.put(field, encode(to));
      else out.putNull(field);
    }
    return out;
  }

  private static String listField(Descriptor.Fn fn, Engine engine) {
    return engine.listFieldOf(fn.returns());
  }

  private static int pageSize(Descriptor.Fn fn, JsonNode b, JsonNode pg, Call call) {
    String name = b.has("page_size") ? b.path("page_size").asText()
        : pg != null && pg.has("limit_param") ? pg.path("limit_param").asText() : "limit";
    Descriptor.Param p = fn.param(name);
    if (p == null) return 10;
    String v = param(fn, call, name);
    if (v != null) return Math.max(1, parse(v, p.wire()));
    return p.defaultValue() != null ? p.defaultValue().asInt() : 10;
  }

  /** A param's value in the call, by the param's name (sent under its wire name). */
  private static String param(Descriptor.Fn fn, Call call, String name) {
    Descriptor.Param p = fn.param(name);
    if (p == null) return null;
    JsonNode v = Expressions.at(call.request(), WireCodec.dotPath(p.wire()));
    return Expressions.isSet(v) ? Expressions.text(v) : null;
  }

  private static int indexOf(List<ObjectNode> records, String field, String value) {
    for (int i = 0; i < records.size(); i++) {
      if (records.get(i).path(field).asText().equals(value)) return i;
    }
    return -1;
  }

  private static int parse(String v, String param) {
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw new Failure("missing_param", Map.of("param", param));
    }
  }

  static String encode(int offset) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString((TOKEN + offset).getBytes(StandardCharsets.UTF_8));
  }

  private static int decode(String cursor, String param) {
    String text;
    try {
      text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      text = "";
    }
    if (text.matches(TOKEN + "\\d{1,9}")) return Integer.parseInt(text.substring(TOKEN.length()));
    throw new Failure("not_found", Map.of("resource", "cursor", "id", cursor, "param", param));
  }
}
