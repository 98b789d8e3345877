package dev.specloom.acme;

import dev.specloom.model.constraint.Constraint;
import dev.specloom.model.constraint.ConstraintTable;
import dev.specloom.runtime.Validate;
import dev.specloom.runtime.WireRequest;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Params of {@link AcmeBillingClient#createWidget}: Create a widget.
 *
 * <p>Generated from the spec; do not edit.
 */
public final class CreateWidgetParams {
  /**
   * What each param may hold: read by the builder (defaults, checks) and by the Lua glue.
   */
  public static final ConstraintTable CONSTRAINTS = new ConstraintTable("acme.create_widget", List.of(
    Constraint.of("shop", Constraint.Kind.STRING).asRequired().asPathSegment(),
    Constraint.of("size", Constraint.Kind.INTEGER).range(1.0d, null),
    Constraint.of("tags", Constraint.Kind.MAP).element(Constraint.of("value", Constraint.Kind.STRING))));

  private final String shop;

  private final Long size;

  private final Map<String, String> tags;

  private CreateWidgetParams(Builder b) {
    this.shop = b.shop;
    this.size = b.size;
    this.tags = b.tags == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(b.tags));
  }

  /**
   * Shop id.
   */
  public String shop() {
    return shop;
  }

  /**
   * Size.
   */
  public Long size() {
    return size;
  }

  /**
   * Tags.
   */
  public Map<String, String> tags() {
    return tags;
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Params with the required values set and everything else left at its default.
   */
  public static CreateWidgetParams of(String shop) {
    return builder().shop(shop).build();
  }

  /**
   * A builder holding these values, to derive other params (the next page, say).
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.shop = shop;
    b.size = size;
    b.tags = tags;
    return b;
  }

  /**
   * Puts every non-path value on the wire under its wire name.
   */
  void writeTo(WireRequest w) {
    w.body("dims[size]", size);
    w.body("tags", tags);
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) return true;
    if (!(o instanceof CreateWidgetParams)) return false;
    CreateWidgetParams that = (CreateWidgetParams) o;
    return Objects.equals(shop, that.shop)
            && Objects.equals(size, that.size)
            && Objects.equals(tags, that.tags);
  }

  @Override
  public int hashCode() {
    return Objects.hash(shop, size, tags);
  }

  @Override
  public String toString() {
    return "CreateWidgetParams{" + "shop=" + shop + ", size=" + size + ", tags=" + tags + "}";
  }

  public static final class Builder {
    private String shop;

    private Long size;

    private Map<String, String> tags;

    private Builder() {
    }

    /**
     * Shop id. Required.
     */
    public Builder shop(String shop) {
      this.shop = shop;
      return this;
    }

    /**
     * Size. Range: 1...
     */
    public Builder size(Long size) {
      this.size = size;
      return this;
    }

    /**
     * Tags.
     */
    public Builder tags(Map<String, String> tags) {
      this.tags = tags;
      return this;
    }

    /**
     * Adds one entry to {@code tags}.
     */
    public Builder putTags(String key, String value) {
      if (this.tags == null) this.tags = new LinkedHashMap<>();
      this.tags.put(key, value);
      return this;
    }

    /**
     * @throws IllegalArgumentException naming the param when a value is missing or out of bounds
     */
    public CreateWidgetParams build() {
      Validate.check(CONSTRAINTS, shop, size, tags);
      return new CreateWidgetParams(this);
    }
  }
}
