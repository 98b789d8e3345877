package dev.specloom.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a list keeps and when an empty list is a refusal. A filter names the record field to compare, or a clause
 * pattern with {@code {field}} and {@code {value}} (as a provider's query language writes a condition) that the
 * request's value is parsed with; a search declared {@code empty} answers its error when nothing matches.
 */
final class ListFilters {
  private ListFilters() {}

  /** Whether {@code record} passes the filter {@code target} for the request's value {@code wanted}. */
  static boolean keeps(String target, String wanted, ObjectNode record) {
    if (!target.contains("{field}")) return Expressions.text(record.path(target)).equals(wanted);
    Matcher m = clause(target).matcher(wanted);
    // A clause the pattern does not read selects nothing, as an unknown condition would.
    return m.matches() && Expressions.text(record.path(m.group("field"))).equals(m.group("value"));
  }

  private static Pattern clause(String pattern) {
    String[] around = pattern.split("\\{field}|\\{value}", -1);
    boolean fieldFirst = pattern.indexOf("{field}") < pattern.indexOf("{value}");
    String field = "(?<field>[A-Za-z0-9_.]+)";
    String value = "(?<value>.*)";
    return Pattern.compile(Pattern.quote(around[0]) + (fieldFirst ? field : value) + Pattern.quote(around[1])
        + (fieldFirst ? value : field) + Pattern.quote(around[2]));
  }

  /** Refuses an empty result of a search (its {@code empty.when} param given) with the declared error. */
  static void refuseEmpty(Descriptor.Fn fn, JsonNode b, List<ObjectNode> records, Call call) {
    JsonNode empty = b.path("empty");
    if (empty.isMissingNode() || !records.isEmpty()) return;
    Descriptor.Param p = fn.param(empty.path("when").asText());
    if (p == null) return;
    JsonNode v = Expressions.at(call.request(), WireCodec.dotPath(p.wire()));
    if (!Expressions.isSet(v)) return;
    throw new Failure(empty.path("error").asText(), Map.of("param", p.wire(), "value", Expressions.text(v), "function", fn.name()));
  }
}
