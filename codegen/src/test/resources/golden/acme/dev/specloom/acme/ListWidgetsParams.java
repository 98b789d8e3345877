package dev.specloom.acme;

import dev.specloom.model.constraint.Constraint;
import dev.specloom.model.constraint.ConstraintTable;
import dev.specloom.runtime.Validate;
import dev.specloom.runtime.WireRequest;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Params of {@link AcmeBillingClient#listWidgets}: List widgets.
 *
 * <p>Generated from the spec; do not edit.
 */
public final class ListWidgetsParams {
  /**
   * What each param may hold: read by the builder (defaults, checks) and by the Lua glue.
   */
  public static final ConstraintTable CONSTRAINTS = new ConstraintTable("acme.list_widgets", List.of(
    Constraint.of("limit", Constraint.Kind.INTEGER).range(1.0d, 50.0d).defaultValue(10L),
    Constraint.of("after", Constraint.Kind.STRING),
    Constraint.of("color", Constraint.Kind.STRING).allowed("red", "blue").values(Map.of("Red", "red"), Map.of("green", "blue"))));

  private final Long limit;

  private final String after;

  private final String color;

  private ListWidgetsParams(Builder b) {
    this.limit = b.limit;
    this.after = b.after;
    this.color = b.color;
  }

  /**
   * Page size.
   */
  public Long limit() {
    return limit;
  }

  /**
   * Cursor.
   */
  public String after() {
    return after;
  }

  /**
   * Filter by color.
   */
  public String color() {
    return color;
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder holding these values, to derive other params (the next page, say).
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.limit = limit;
    b.after = after;
    b.color = color;
    return b;
  }

  /**
   * Puts every non-path value on the wire under its wire name.
   */
  void writeTo(WireRequest w) {
    w.query("limit", limit);
    w.query("after", after);
    w.query("color", color);
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) return true;
    if (!(o instanceof ListWidgetsParams)) return false;
    ListWidgetsParams that = (ListWidgetsParams) o;
    return Objects.equals(limit, that.limit)
            && Objects.equals(after, that.after)
            && Objects.equals(color, that.color);
  }

  @Override
  public int hashCode() {
    return Objects.hash(limit, after, color);
  }

  @Override
  public String toString() {
    return "ListWidgetsParams{" + "limit=" + limit + ", after=" + after + ", color=" + color + "}";
  }

  public static final class Builder {
    private Long limit = CONSTRAINTS.defaultOf("limit", Long.class);

    private String after;

    private String color;

    private Builder() {
    }

    /**
     * Page size. Default: 10. Range: 1..50.
     */
    public Builder limit(Long limit) {
      this.limit = limit;
      return this;
    }

    /**
     * Cursor.
     */
    public Builder after(String after) {
      this.after = after;
      return this;
    }

    /**
     * Filter by color. One of: red, blue. "Red" means red.
     */
    public Builder color(String color) {
      this.color = Validate.canonical(CONSTRAINTS, "color", color);
      return this;
    }

    /**
     * @throws IllegalArgumentException naming the param when a value is missing or out of bounds
     */
    public ListWidgetsParams build() {
      Validate.check(CONSTRAINTS, limit, after, color);
      return new ListWidgetsParams(this);
    }
  }
}
