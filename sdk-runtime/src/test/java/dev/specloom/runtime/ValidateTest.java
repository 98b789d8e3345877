package dev.specloom.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.specloom.model.constraint.Constraint;
import dev.specloom.model.constraint.Constraint.Kind;
import dev.specloom.model.constraint.ConstraintTable;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** A function's constraint table applied to its values: each rule once, in param order, with the texts users read. */
class ValidateTest {
  static final ConstraintTable STATUS = new ConstraintTable("crm.list_customers", java.util.List.of(
      Constraint.of("status", Kind.STRING).allowed("Active", "Past_Due")
          .values(Map.of("Past Due", "Past_Due"), Map.of("Overdue", "Past_Due"))));

  static final ConstraintTable TABLE = new ConstraintTable("acme.create_widget", java.util.List.of(
      Constraint.of("shop", Kind.STRING).asRequired().asPathSegment(),
      Constraint.of("size", Kind.INTEGER).range(1.0, 50.0).defaultValue(10L),
      Constraint.of("label", Kind.STRING).maxLength(5),
      Constraint.of("on", Kind.DATE),
      Constraint.of("at", Kind.DATETIME)));

  static String message(Executable e) {
    return assertThrows(IllegalArgumentException.class, e).getMessage();
  }

  static void check(Object... values) {
    Validate.check(TABLE, values);
  }

  @Test
  void anotherSpellingBecomesTheAllowedValue() {
    assertEquals("Past_Due", Validate.canonical(STATUS, "status", "Past Due"));
    assertEquals("Active", Validate.canonical(STATUS, "status", "Active"));
    assertNull(Validate.canonical(STATUS, "status", null));
  }

  @Test
  void aRefusedValueNamesTheValueToUseInstead() {
    assertEquals("crm.list_customers: 'status' cannot be 'Overdue'; use 'Past_Due' instead",
        message(() -> Validate.canonical(STATUS, "status", "Overdue")));
    assertEquals("crm.list_customers: 'status' must be one of Active, Past_Due, got 'Gone'",
        message(() -> Validate.check(STATUS, "Gone")));
  }

  @Test
  void eachRuleNamesTheFunctionAndTheParam() {
    assertEquals("acme.create_widget: 'shop' is required", message(() -> check(null, null, null, null, null)));
    assertEquals("acme.create_widget: 'shop' must be a non-empty path segment other than . and .., got '..'",
        message(() -> check("..", null, null, null, null)));
    assertEquals("acme.create_widget: 'size' must be between 1 and 50, got 0", message(() -> check("s", 0L, null, null, null)));
    assertEquals("acme.create_widget: 'size' must be between 1 and 50, got 50.5", message(() -> check("s", 50.5, null, null, null)));
    assertEquals("acme.create_widget: 'label' must be at most 5 characters, got 6",
        message(() -> check("s", null, "abcdef", null, null)));
    assertEquals("acme.create_widget: 'on' must be a date like 2025-01-31, got '2025-13-01'",
        message(() -> check("s", null, null, "2025-13-01", null)));
    assertEquals("acme.create_widget: 'at' must be a date-time like 2025-01-31T12:00:00Z, got 'noon'",
        message(() -> check("s", null, null, null, "noon")));
  }

  @Test
  void validValuesPassAndADateIsADateTimeToo() {
    check("shop", 50L, "abcde", "2025-01-31", "2025-01-31");
    check("shop", 1L, null, null, "2025-01-31T12:00:00+02:00");
  }

  @Test
  void aParamThatNeedsAnotherNamesIt() {
    ConstraintTable t = new ConstraintTable("stripe.create_price", java.util.List.of(
        Constraint.of("interval_count", Kind.INTEGER).requires("interval"), Constraint.of("interval", Kind.STRING)));
    assertEquals("stripe.create_price: 'interval_count' needs 'interval' to be set too", message(() -> Validate.check(t, 2L, null)));
    Validate.check(t, 2L, "month");
    Validate.check(t, null, null);
  }

  @Test
  void theTableHoldsTheDefaultTheBuilderStartsFrom() {
    assertEquals(10L, TABLE.defaultOf("size", Long.class));
    assertNull(TABLE.defaultOf("label", String.class));
    assertEquals("acme.create_widget has no param 'colour'", message(() -> TABLE.param("colour")));
  }

  @Test
  void boundsReadAsTheMessagesSayThem() {
    assertEquals("between 1 and 100", Validate.bounds(1.0, 100.0));
    assertEquals("at least 1", Validate.bounds(1.0, null));
    assertEquals("at most 0.5", Validate.bounds(null, 0.5));
  }
}
