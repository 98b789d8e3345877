package dev.specloom.sandbox;

import dev.specloom.model.simulator.Descriptor;
import dev.specloom.model.simulator.EngineError;
import dev.specloom.model.simulator.Sandbox;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Figures derived from stored records, as the spec declares them: {@code sum} (an amount summed per group,
 * e.g. a balance per currency from succeeded payments) and {@code recurring_revenue} (monthly and yearly revenue,
 * owners and revenue per owner per day, week, month, quarter or year, from dated items), each entry under the field
 * names the spec gives.
 */
final class Aggregates {
  private Aggregates() {}

  static Object apply(Descriptor.Operation fn, Sandbox.Behaviour b, Store store, Call call, Object answer) {
    Map<String, Object> out = answer instanceof Map ? Values.object(answer) : new LinkedHashMap<>();
    for (Sandbox.Sum sum : b.sums()) out.put(sum.into(), sum(sum, store));
    b.recurringRevenue().ifPresent(rr -> out.put(rr.into(), recurringRevenue(fn, rr, store, call)));
    return out;
  }

  private static List<Object> sum(Sandbox.Sum s, Store store) {
    Map<String, Long> totals = new LinkedHashMap<>();
    for (Map<String, Object> r : store.all(s.resource())) {
      if (matches(r, s.where())) totals.merge(Values.text(r.get(s.groupBy())), Values.asLong(r.get(s.amount())), Long::sum);
    }
    List<Object> out = new ArrayList<>();
    totals.forEach((group, amount) -> {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put(s.total(), amount);
      entry.put(s.groupBy(), group);
      out.add(entry);
    });
    return out;
  }

  private static boolean matches(Object record, Map<String, Object> where) {
    for (Map.Entry<String, Object> w : where.entrySet()) {
      if (!Values.text(Values.get(record, w.getKey())).equals(Values.text(w.getValue()))) return false;
    }
    return true;
  }

  private static List<Object> recurringRevenue(Descriptor.Operation fn, Sandbox.RecurringRevenue rr, Store store, Call call) {
    String fromWire = fn.param(rr.fromParam()).orElseThrow().wire();
    String toWire = fn.param(rr.toParam()).orElseThrow().wire();
    LocalDate from = date(value(fn, call, rr.fromParam()), fromWire);
    LocalDate to = date(value(fn, call, rr.toParam()), toWire);
    String interval = value(fn, call, rr.intervalParam());
    if (to.isBefore(from)) throw new Failure(EngineError.MISSING_PARAM, Map.of("param", toWire));
    Sandbox.RevenueFields fields = rr.fields();
    List<Object> out = new ArrayList<>();
    LocalDate cursor = from;
    while (!cursor.isAfter(to) && out.size() < 5000) {
      LocalDate end = bucketEnd(cursor, interval == null ? "month" : interval);
      LocalDate on = end.isAfter(to) ? to : end;
      long monthly = 0;
      Set<String> owners = new HashSet<>();
      for (Map<String, Object> record : store.all(rr.resource())) {
        Object items = record.get(rr.items());
        for (Object item : items instanceof List<?> l ? l : List.of()) {
          if (!matches(item, rr.where())) continue;
          LocalDate start = day(Values.text(Values.get(item, rr.start())));
          LocalDate stop = day(Values.text(Values.get(item, rr.end())));
          if (start == null || stop == null || on.isBefore(start) || !on.isBefore(stop)) continue;
          long each = monthly(Values.asLong(Values.get(item, rr.amount())), start, stop);
          monthly += each;
          if (each > 0) owners.add(Values.text(record.get(rr.owner())));
        }
      }
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put(fields.date(), on.toString());
      entry.put(fields.monthly(), monthly);
      entry.put(fields.yearly(), monthly * 12);
      entry.put(fields.owners(), (long) owners.size());
      entry.put(fields.perOwner(), owners.isEmpty() ? 0L : monthly / owners.size());
      out.add(entry);
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

  private static String value(Descriptor.Operation fn, Call call, String param) {
    Descriptor.Param p = fn.param(param).orElseThrow();
    Object v = call.request().get(p.wire());
    if (Values.isSet(v)) return Values.text(v);
    return p.defaultValue().map(Values::text).orElse(null);
  }

  private static LocalDate date(String text, String param) {
    LocalDate d = text == null ? null : day(text);
    if (d == null) throw new Failure(EngineError.MISSING_PARAM, Map.of("param", param));
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
