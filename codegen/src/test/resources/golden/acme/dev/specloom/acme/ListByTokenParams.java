package dev.specloom.acme;

import dev.specloom.model.constraint.Constraint;
import dev.specloom.model.constraint.ConstraintTable;
import dev.specloom.runtime.Validate;
import dev.specloom.runtime.WireRequest;
import java.util.List;
import java.util.Objects;

/**
 * Params of {@link AcmeBillingClient#listByToken}: List widgets, continued by cursor token.
 *
 * <p>Generated from the spec; do not edit.
 */
public final class ListByTokenParams {
  /**
   * What each param may hold: read by the builder (defaults, checks) and by the Lua glue.
   */
  public static final ConstraintTable CONSTRAINTS = new ConstraintTable("acme.list_by_token", List.of(
    Constraint.of("per_page", Constraint.Kind.INTEGER).range(null, 200.0d).defaultValue(2L),
    Constraint.of("cursor", Constraint.Kind.STRING)));

  private final Long perPage;

  private final String cursor;

  private ListByTokenParams(Builder b) {
    this.perPage = b.perPage;
    this.cursor = b.cursor;
  }

  /**
   * Page size.
   */
  public Long perPage() {
    return perPage;
  }

  /**
   * Cursor from the previous page.
   */
  public String cursor() {
    return cursor;
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder holding these values, to derive other params (the next page, say).
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.perPage = perPage;
    b.cursor = cursor;
    return b;
  }

  /**
   * Puts every non-path value on the wire under its wire name.
   */
  void writeTo(WireRequest w) {
    w.query("per_page", perPage);
    w.query("cursor", cursor);
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) return true;
    if (!(o instanceof ListByTokenParams)) return false;
    ListByTokenParams that = (ListByTokenParams) o;
    return Objects.equals(perPage, that.perPage)
            && Objects.equals(cursor, that.cursor);
  }

  @Override
  public int hashCode() {
    return Objects.hash(perPage, cursor);
  }

  @Override
  public String toString() {
    return "ListByTokenParams{" + "perPage=" + perPage + ", cursor=" + cursor + "}";
  }

  public static final class Builder {
    private Long perPage = CONSTRAINTS.defaultOf("per_page", Long.class);

    private String cursor;

    private Builder() {
    }

    /**
     * Page size. Default: 2. Range: ..200.
     */
    public Builder perPage(Long perPage) {
      this.perPage = perPage;
      return this;
    }

    /**
     * Cursor from the previous page.
     */
    public Builder cursor(String cursor) {
      this.cursor = cursor;
      return this;
    }

    /**
     * @throws IllegalArgumentException naming the param when a value is missing or out of bounds
     */
    public ListByTokenParams build() {
      Validate.check(CONSTRAINTS, perPage, cursor);
      return new ListByTokenParams(this);
    }
  }
}
