package dev.specloom.sandbox;

import dev.specloom.model.simulator.Descriptor;
import dev.specloom.model.simulator.Sandbox;
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
  static boolean keeps(String target, String wanted, Map<String, Object> record) {
    if (!target.contains("{field}")) return Values.text(record.get(target)).equals(wanted);
    Matcher m = clause(target).matcher(wanted);
    // A clause the pattern does not read selects nothing, as an unknown condition would.
    return m.matches() && Values.text(record.get(m.group("field"))).equals(m.group("value"));
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
  static void refuseEmpty(Descriptor.Operation fn, Sandbox.Behaviour b, List<Map<String, Object>> records, Call call) {
    if (b.empty().isEmpty() || !records.isEmpty()) return;
    Sandbox.Empty empty = b.empty().get();
    Descriptor.Param p = fn.param(empty.when()).orElse(null);
    if (p == null) return;
    Object v = Values.at(call.request(), WireCodec.dotPath(p.wire()));
    if (!Values.isSet(v)) return;
    throw new Failure(empty.error(), Map.of("param", p.wire(), "value", Values.text(v), "function", fn.name()));
  }
}
