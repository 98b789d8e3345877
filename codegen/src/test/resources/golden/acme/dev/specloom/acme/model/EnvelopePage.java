package dev.specloom.acme.model;

import com.squareup.moshi.Json;
import java.util.List;
import java.util.Objects;

/**
 * A page inside a response envelope.
 *
 * <p>Generated from the spec; do not edit.
 */
public final class EnvelopePage {
  @Json(
      name = "response"
  )
  List<Widget> items;

  /**
   * For {@link EnvelopePageJsonAdapter}.
   */
  EnvelopePage() {
  }

  private EnvelopePage(Builder b) {
    this.items = b.items;
  }

  public List<Widget> items() {
    return items == null ? List.of() : items;
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    Builder b = new Builder();
    b.items = items;
    return b;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) return true;
    if (!(o instanceof EnvelopePage)) return false;
    EnvelopePage that = (EnvelopePage) o;
    return Objects.equals(items, that.items);
  }

  @Override
  public int hashCode() {
    return Objects.hash(items);
  }

  @Override
  public String toString() {
    return "EnvelopePage{" + "items=" + items + "}";
  }

  public static final class Builder {
    private List<Widget> items;

    private Builder() {
    }

    public Builder items(List<Widget> items) {
      this.items = items;
      return this;
    }

    public EnvelopePage build() {
      return new EnvelopePage(this);
    }
  }
}
