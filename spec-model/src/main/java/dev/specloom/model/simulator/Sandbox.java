package dev.specloom.model.simulator;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How the offline sandbox simulates a provider: stored resources with their seed data, what each function
 * does to them, and the provider's error bodies. Values ({@code defaults}, {@code seed}, {@code set},
 * {@code answer}, error bodies) are plain JSON trees (maps, lists, strings, longs, doubles, booleans, null);
 * a string {@code ${...}} in them is an expression the sandbox evaluates per request.
 */
public record Sandbox(
    Map<String, Resource> resources,
    Map<String, Behaviour> functions,
    Map<String, ErrorShape> errors,
    Map<String, Object> envelope,
    Map<String, Map<String, Map<String, Object>>> given) {

  public enum IdStyle { RANDOM, UUID, SERIAL }

  /**
   * A stored collection of {@code model} records, keyed by {@code idField}. {@code hidden} names fields a
   * record keeps that its model does not show (a parent's id, say), for filters and other answers.
   */
  public record Resource(
      String name,
      String model,
      String idField,
      IdStyle idStyle,
      String idPrefix,
      String statusField,
      List<String> hidden,
      Map<String, Object> defaults,
      List<Map<String, Object>> seed) {}

  public enum Kind { CREATE, GET, UPDATE, DELETE, LIST, ACTION, ADD, AGGREGATE, ANSWER }

  /**
   * What one function does. {@code from} limits an action or a delete to records in those statuses (else the
   * error kind {@code stateError}, by default {@code unexpected_state}); {@code refusals} are checked next; {@code cases} are
   * tried in order and the first whose {@code when} holds applies its {@code set}; {@code refs} name request
   * values that must be ids of existing records; {@code within} limits a list to the ids a parent record holds;
   * {@code pageSize} names the param with a list's page size (else the pagination's limit param), {@code pageNumber}
   * a page-number param a cursor-paged list still honours when no cursor is sent.
   */
  public record Behaviour(
      Kind kind,
      String resource,
      String idParam,
      Optional<String> bodyRoot,
      Map<String, String> filters,
      Optional<String> pageSize,
      Optional<String> pageNumber,
      Optional<Within> within,
      Optional<String> childList,
      List<String> from,
      Map<String, Object> set,
      List<Case> cases,
      Map<String, String> refs,
      Optional<Object> answer,
      List<Sum> sums,
      Optional<RecurringRevenue> recurringRevenue,
      Optional<Integer> status,
      Optional<Empty> empty,
      Optional<String> stateError,
      List<Refusal> refusals,
      Optional<ListOrder> order) {}

  /** A list that answers the {@code error} instead of an empty page when {@code when} is given (a search). */
  public record Empty(String when, String error) {}

  /**
   * A refusal a behaviour answers with before it changes anything: when every {@code conditions} expression
   * holds, the error kind {@code error} (a key of {@code errors}).
   */
  public record Refusal(List<String> conditions, String error) {}

  /** The order a list answers in: by one field, ascending or descending. */
  public record ListOrder(String by, boolean desc) {}

  /** {@code when}: expression → expected value; {@code has}: expressions that must be set. */
  public record Case(Map<String, Object> when, List<String> has, Map<String, Object> set) {}

  public record Within(String resource, String idParam, String field) {}

  /**
   * Sums {@code amount} over {@code resource} records matching {@code where}, one entry per {@code groupBy}: the
   * total under {@code total}, the group under {@code groupBy}.
   */
  public record Sum(String into, String resource, Map<String, Object> where, String amount, String groupBy, String total) {}

  /**
   * Monthly recurring revenue per interval, from the dated items of {@code resource} records: an item counts
   * on a date inside its {@code [start, end)} period, normalised to one month.
   */
  public record RecurringRevenue(
      String into,
      String resource,
      String items,
      Map<String, Object> where,
      String amount,
      String start,
      String end,
      String owner,
      String fromParam,
      String toParam,
      String intervalParam,
      RevenueFields fields) {}

  /**
   * The answer fields of one recurring-revenue entry: the day, the monthly and yearly revenue, the number of
   * owners with revenue, and the revenue per owner.
   */
  public record RevenueFields(String date, String monthly, String yearly, String owners, String perOwner) {}

  /** A provider-shaped error: the HTTP status and the body, whose strings may hold {placeholders}. */
  public record ErrorShape(int status, Object body) {}
}
