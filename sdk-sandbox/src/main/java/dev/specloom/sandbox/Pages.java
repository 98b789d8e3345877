package dev.specloom.sandbox;

import dev.specloom.model.simulator.Descriptor;
import dev.specloom.model.simulator.EngineError;
import dev.specloom.model.simulator.Sandbox;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One page of a list, in the paging style the spec declares for the function: after the last item's cursor field,
 * an opaque cursor token (with a page-number param the behaviour names still honoured), a page number, or an offset.
 * The page size is the param the behaviour's {@code page_size} or the pagination's limit param names. The page is
 * returned under the result model's field names.
 */
final class Pages {
  private static final String TOKEN = "offset:";

  private Pages() {}

  static Map<String, Object> page(Descriptor.Operation fn, Sandbox.Behaviour b, Sandbox.Resource r,
      List<Map<String, Object>> records, Call call, Engine engine) {
    Descriptor.Paging pg = fn.pagination().orElse(null);
    String itemsField = pg != null ? pg.items() : engine.listFieldOf(fn.returns());
    Map<String, Object> out = new LinkedHashMap<>();
    for (Descriptor.Param p : fn.params()) {
      if (call.request().containsKey(p.wire()) && p.template().isEmpty()) out.put(p.name(), call.request().get(p.wire()));
    }
    int size = pageSize(fn, b, pg, call);
    int from = 0;
    if (pg instanceof Descriptor.CursorAfterLast c) {
      String cursor = param(fn, call, c.cursorParam());
      if (cursor != null) {
        int at = indexOf(records, c.cursorField(), cursor);
        if (at < 0) engine.find(r.name(), cursor, c.cursorParam());
        from = at + 1;
      }
    } else if (pg instanceof Descriptor.CursorToken c) {
      String cursor = param(fn, call, c.cursorParam());
      String page = b.pageNumber().map(p -> param(fn, call, p)).orElse(null);
      if (cursor != null) from = decode(cursor, c.cursorParam());
      else if (page != null) from = (parse(page, wire(fn, b.pageNumber().get())) - 1) * size;
    } else if (pg instanceof Descriptor.Page p) {
      String page = param(fn, call, p.pageParam());
      if (page != null) from = (parse(page, wire(fn, p.pageParam())) - 1) * size;
    } else if (pg instanceof Descriptor.Offset o) {
      Object offset = call.request().get(o.offsetWire());
      if (offset != null) from = parse(Values.text(offset), o.offsetWire());
    } else if (b.pageSize().isEmpty()) {
      size = Integer.MAX_VALUE;
    }
    from = Math.max(0, Math.min(from, records.size()));
    int to = (int) Math.min((long) from + size, records.size());
    out.put(itemsField, new ArrayList<Object>(records.subList(from, to)));
    boolean more = to < records.size();
    if (pg != null) pg.hasMoreField().ifPresent(f -> out.put(f, more));
    if (pg instanceof Descriptor.CursorToken c) out.put(c.cursorField(), more ? encode(to) : null);
    return out;
  }

  private static int pageSize(Descriptor.Operation fn, Sandbox.Behaviour b, Descriptor.Paging pg, Call call) {
    Optional<String> name = b.pageSize().or(() -> pg == null ? Optional.empty() : pg.limitParam());
    Descriptor.Param p = name.flatMap(fn::param).orElse(null);
    if (p == null) return 10;
    String v = param(fn, call, p.name());
    if (v != null) return Math.max(1, parse(v, p.wire()));
    return p.defaultValue().map(d -> (int) Values.asLong(d)).orElse(10);
  }

  /** A param's value in the call, by the param's name (sent under its wire name). */
  private static String param(Descriptor.Operation fn, Call call, String name) {
    Descriptor.Param p = fn.param(name).orElse(null);
    if (p == null) return null;
    Object v = Values.at(call.request(), WireCodec.dotPath(p.wire()));
    return Values.isSet(v) ? Values.text(v) : null;
  }

  private static String wire(Descriptor.Operation fn, String param) {
    return fn.param(param).map(Descriptor.Param::wire).orElse(param);
  }

  private static int indexOf(List<Map<String, Object>> records, String field, String value) {
    for (int i = 0; i < records.size(); i++) {
      if (Values.text(records.get(i).get(field)).equals(value)) return i;
    }
    return -1;
  }

  private static int parse(String v, String param) {
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw new Failure(EngineError.MISSING_PARAM, Map.of("param", param));
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
    throw new Failure(EngineError.NOT_FOUND, Map.of("resource", "cursor", "id", cursor, "param", param));
  }
}
