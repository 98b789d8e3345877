package dev.specloom.acme;

import dev.specloom.model.constraint.Constraint;
import dev.specloom.model.constraint.ConstraintTable;
import dev.specloom.runtime.Validate;
import dev.specloom.runtime.WireRequest;
import java.util.List;
import java.util.Objects;

/**
 * Params of {@link AcmeBillingClient#listByOffset}: List widgets by limit and offset.
 *
 * <p>Generated from the spec; do not edit.
 */
public final class ListByOffsetParams {
  /**
   * What each param may hold: read by the builder (defaults, checks) and by the Lua glue.
   */
  public static final ConstraintTable CONSTRAINTS = new ConstraintTable("acme.list_by_offset", List.of(
    Constraint.of("limit", Constraint.Kind.INTEGER).range(null, 500.0d).defaultValue(2L),
    Constraint.of("page", Constraint.Kind.INTEGER).range(1.0d, null).defaultValue(1L)));

  private final Long limit;

  private final Long page;

  private ListByOffsetParams(Builder b) {
    this.limit = b.limit;
    this.page = b.page;
  }

  /**
   * Page size.
   */
  public Long limit() {
    return limit;
  }

  /**
   * Page number, sent as an offset.
   */
  public Long page() {
    return page;
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
    b.page = page;
    return b;
  }

  /**
   * Puts every non-path value on the wire under its wire name.
   */
  void writeTo(WireRequest w) {
    w.query("limit", limit);
    if (page != null && limit != null) {
      w.query("offset", (page - 1) * limit);
    }
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) return true;
    if (!(o instanceof ListByOffsetParams)) return false;
    ListByOffsetParams that = (ListByOffsetParams) o;
    return Objects.equals(limit, that.limit)
            && Objects.equals(page, that.page);
  }

  @Override
  public int hashCode() {
    return Objects.hash(limit, page);
  }

  @Override
  public String toString() {
    return "ListByOffsetParams{" + "limit=" + limit + ", page=" + page + "}";
  }

  public static final class Builder {
    private Long limit = CONSTRAINTS.defaultOf("limit", Long.class);

    private Long page = CONSTRAINTS.defaultOf("page", Long.class);

    private Builder() {
    }

    /**
     * Page size. Default: 2. Range: ..500.
     */
    public Builder limit(Long limit) {
      this.limit = limit;
      return this;
    }

    /**
     * Page number, sent as an offset. Default: 1. Range: 1...
     */
    public Builder page(Long page) {
      this.page = page;
      return this;
    }

    /**
     * @throws IllegalArgumentException naming the param when a value is missing or out of bounds
     */
    public ListByOffsetParams build() {
      Validate.check(CONSTRAINTS, limit, page);
      return new ListByOffsetParams(this);
    }
  }
}
