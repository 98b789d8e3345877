package dev.specloom.acme.model;

import com.squareup.moshi.Json;
import java.util.List;
import java.util.Objects;

/**
 * A page addressed by number.
 *
 * <p>Generated from the spec; do not edit.
 */
public final class NumberedPage {
  @Json(
      name = "items"
  )
  List<Widget> items;

  @Json(
      name = "has_more"
  )
  Boolean hasMore;

  /**
   * For {@link NumberedPageJsonAdapter}.
   */
  NumberedPage() {
  }

  private NumberedPage(Builder b) {
    this.items = b.items;
    this.hasMore = b.hasMore;
  }

  public List<Widget> items() {
    return items == null ? List.of() : items;
  }

  public Boolean hasMore() {
    return hasMore;
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    Builder b = new Builder();
    b.items = items;
    b.hasMore = hasMore;
    return b;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) return true;
    if (!(o instanceof NumberedPage)) return false;
    NumberedPage that = (NumberedPage) o;
    return Objects.equals(items, that.items)
            && Objects.equals(hasMore, that.hasMore);
  }

  @Override
  public int hashCode() {
    return Objects.hash(items, hasMore);
  }

  @Override
  public String toString() {
    return "NumberedPage{" + "items=" + items + ", hasMore=" + hasMore + "}";
  }

  public static final class Builder {
    private List<Widget> items;

    private Boolean hasMore;

    private Builder() {
    }

    public Builder items(List<Widget> items) {
      this.items = items;
      return this;
    }

    public Builder hasMore(Boolean hasMore) {
      this.hasMore = hasMore;
      return this;
    }

    public NumberedPage build() {
      return new NumberedPage(this);
    }
  }
}
