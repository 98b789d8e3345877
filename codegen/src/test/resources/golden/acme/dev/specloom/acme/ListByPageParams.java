package dev.specloom.acme;

import dev.specloom.model.constraint.Constraint;
import dev.specloom.model.constraint.ConstraintTable;
import dev.specloom.runtime.Validate;
import dev.specloom.runtime.WireRequest;
import java.util.List;
import java.util.Objects;

/**
 * Params of {@link AcmeBillingClient#listByPage}: List widgets by page number.
 *
 * <p>Generated from the spec; do not edit.
 */
public final class ListByPageParams {
  /**
   * What each param may hold: read by the builder (defaults, checks) and by the Lua glue.
   */
  public static final ConstraintTable CONSTRAINTS = new ConstraintTable("acme.list_by_page", List.of(
    Constraint.of("page", Constraint.Kind.INTEGER).range(1.0d, null).defaultValue(1L),
    Constraint.of("per_page", Constraint.Kind.INTEGER).defaultValue(2L)));

  private final Long page;

  private final Long perPage;

  private ListByPageParams(Builder b) {
    this.page = b.page;
    this.perPage = b.perPage;
  }

  /**
   * Page number.
   */
  public Long page() {
    return page;
  }

  /**
   * Page size.
   */
  public Long perPage() {
    return perPage;
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder holding these values, to derive other params (the next page, say).
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.page = page;
    b.perPage = perPage;
    return b;
  }

  /**
   * Puts every non-path value on the wire under its wire name.
   */
  void writeTo(WireRequest w) {
    w.query("page", page);
    w.query("per_page", perPage);
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) return true;
    if (!(o instanceof ListByPageParams)) return false;
    ListByPageParams that = (ListByPageParams) o;
    return Objects.equals(page, that.page)
            && Objects.equals(perPage, that.perPage);
  }

  @Override
  public int hashCode() {
    return Objects.hash(page, perPage);
  }

  @Override
  public String toString() {
    return "ListByPageParams{" + "page=" + page + ", perPage=" + perPage + "}";
  }

  public static final class Builder {
    private Long page = CONSTRAINTS.defaultOf("page", Long.class);

    private Long perPage = CONSTRAINTS.defaultOf("per_page", Long.class);

    private Builder() {
    }

    /**
     * Page number. Default: 1. Range: 1...
     */
    public Builder page(Long page) {
      this.page = page;
      return this;
    }

    /**
     * Page size. Default: 2.
     */
    public Builder perPage(Long perPage) {
      this.perPage = perPage;
      return this;
    }

    /**
     * @throws IllegalArgumentException naming the param when a value is missing or out of bounds
     */
    public ListByPageParams build() {
      Validate.check(CONSTRAINTS, page, perPage);
      return new ListByPageParams(this);
    }
  }
}
