package dev.specloom.sandbox;

import static dev.specloom.sandbox.Expressions.JSON;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Figures derived from stored records, as the spec declares them: {@code sum} (an amount summed per group,
 * e.g. a balance per currency from succeeded payments) and {@code recurring_revenue} (MRR, ARR, customers
 * and ARPA per day, week, month, quarter or year, from dated invoice lines).
 */
final class Aggregates {
  private Aggregates() {}

  static JsonNode apply(Descriptor.Fn fn, JsonNode b, Store store, Call call, JsonNode answer) {
    ObjectNode out = answer.isObject() ? (ObjectNode) answer : JSON.objectNode();
    for (JsonNode sum : b.path("sum")) out.set(sum.path("into").asText(), sum(sum, store));
    JsonNode rr = b.get("recurring_revenue");
    if (rr != null) out.set(rr.path("into").asText(), recurringRevenue(fn, rr, store, call));
    return out;
  }

  private static ArrayNode sum(JsonNode s, Store store) {
    String groupBy = s.path("group_by").asText();
    Map<String, Long> totals = new LinkedHashMap<>();
    for (ObjectNode r : store.all(s.path("resource").asText())) {
      if (matches(r, s.path("where"))) totals.merge(r.path(groupBy).asText(), r.path(s.path("amount").asText()).asLong(), Long::sum);
    }
    ArrayNode out = JSON.arrayNode();
    totals.forEach((group, amount) -> out.addObject().put("amount", amount).put(groupBy, group));
    return out;
  }

  private static boolean matches(JsonNode record, JsonNode where) {
    for (Iterator<Map.Entry<String, JsonNode>> it = where.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> w = it.next();
      if (!Expressions.text(record.path(w.getKey())).equals(Expressions.text(w.getValue()))) return false;
    }
    return true;
  }

  private static ArrayNode recurringRevenue(Descriptor.Fn fn, JsonNode rr, Store store, Call call) {
    String fromWire = fn.param(rr.path("from_param").asText()).wire();
    String toWire = fn.param(rr.path("to_param").asText()).wire();
    LocalDate from = date(value(fn, call, rr.path("from_param").asText()), fromWire);
    LocalDate to = date(value(fn, call, rr.path("to_param").asText()), toWire);
    String interval = value(fn, call, rr.path("interval_param").asText());
    if (to.isBefore(from)) throw new Failure("missing_param", Map.of("param", toWire));
    ArrayNode out = JSON.arrayNode();
    LocalDate cursor = from;
    while (!cursor.isAfter(to) && out.size() < 5000) {
      LocalDate end = bucketEnd(cursor, interval == null ? "month" : interval);
      LocalDate on = end.isAfter(to) ? to : end;
      long mrr = 0;
      Set<String> owners = new HashSet<>();
      for (ObjectNode record : store.all(rr.path("resource").asText())) {
        for (JsonNode item : record.path(rr.path("items").asText())) {
          if (!matches(item, rr.path("where"))) continue;
          LocalDate start = day(item.path(rr.path("start").asText()).asText());
          LocalDate stop = day(item.path(rr.path("end").asText()).asText());
          if (start == null || stop == null || on.isBefore(start) || !on.isBefore(stop)) continue;
          long monthly = monthly(item.path(rr.path("amount").asText()).asLong(), start, stop);
          mrr += monthly;
          if (monthly > 0) owners.add(record.path(rr.path("owner").asText()).asText());
        }
      }
      out.addObject().put("date", on.toString()).put("mrr", mrr).put("arr", mrr * 12).put("customers", owners.size())
          .put("arpa", owners.isEmpty() ? 0 : mrr / owners.size());
      cursor = end.plusDays(1);
    }
    return out;
  }

  /** An amount billed for [start, stop), per month: whole months divide exactly, other spans by days. */
  static long monthly(long amount, LocalDate start, LocalDate stop) {
    long months = ChronoUnit.MONTHS.between(start, stop);
    if (months > 0 && start.plusMonths(months).equals(stop)) return Math.round((double) amount / months);
    long days = Math.max(1, ChronoUnit.DAYS.between(start, stop));
    return Math.round(amount * (365.25 / 12) / days);
  }

  static LocalDate bucketEnd(LocalDate d, String interval) {
    return switch (interval) {
      case "day" -> d;
      case "week" -> d.plusDays(6);
      case "quarter" -> d.with(IsoFields.DAY_OF_QUARTER, 1).plusMonths(3).minusDays(1);
      case "year" -> d.with(TemporalAdjusters.lastDayOfYear());
      default -> d.with(TemporalAdjusters.lastDayOfMonth());
    };
  }

  private static String value(Descriptor.Fn fn, Call call, String param) {
    Descriptor.Param p = fn.param(param);
    JsonNode v = call.request().get(p.wire());
    if (Expressions.isSet(v)) return v.asText();
    return p.defaultValue() == null ? null : p.defaultValue().asText();
  }

  private static LocalDate date(String text, String param) {
    LocalDate d = text == null ? null : day(text);
    if (d == null) throw new Failure("missing_param", Map.of("param", param));
    return d;
  }

  /** A date or date-time as a UTC day; null when it is neither. */
  static LocalDate day(String text) {
    try {
      if (text.length() == 10) return LocalDate.parse(text);
      return OffsetDateTime.parse(text).withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
    } catch (DateTimeParseException e) {
      try {
        return LocalDate.ofInstant(Instant.parse(text), ZoneOffset.UTC);
      } catch (DateTimeParseException again) {
        return null;
      }
    }
  }
}
