package dev.specloom.acme.model;

import com.squareup.moshi.Json;
import java.util.Map;
import java.util.Objects;

/**
 * A widget.
 *
 * <p>Generated from the spec; do not edit.
 */
public final class Widget {
  @Json(
      name = "id"
  )
  String id;

  @Json(
      name = "size-cm"
  )
  Long sizeCm;

  @Json(
      name = "tags"
  )
  Map<String, String> tags;

  /**
   * For {@link WidgetJsonAdapter}.
   */
  Widget() {
  }

  private Widget(Builder b) {
    this.id = b.id;
    this.sizeCm = b.sizeCm;
    this.tags = b.tags;
  }

  public String id() {
    return id;
  }

  public Long sizeCm() {
    return sizeCm;
  }

  public Map<String, String> tags() {
    return tags == null ? Map.of() : tags;
  }

  /**
   * Same as id. Same value as {@link #id()}.
   */
  public String label() {
    return id;
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    Builder b = new Builder();
    b.id = id;
    b.sizeCm = sizeCm;
    b.tags = tags;
    return b;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) return true;
    if (!(o instanceof Widget)) return false;
    Widget that = (Widget) o;
    return Objects.equals(id, that.id)
            && Objects.equals(sizeCm, that.sizeCm)
            && Objects.equals(tags, that.tags);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, sizeCm, tags);
  }

  @Override
  public String toString() {
    return "Widget{" + "id=" + id + ", sizeCm=" + sizeCm + ", tags=" + tags + "}";
  }

  public static final class Builder {
    private String id;

    private Long sizeCm;

    private Map<String, String> tags;

    private Builder() {
    }

    public Builder id(String id) {
      this.id = id;
      return this;
    }

    public Builder sizeCm(Long sizeCm) {
      this.sizeCm = sizeCm;
      return this;
    }

    public Builder tags(Map<String, String> tags) {
      this.tags = tags;
      return this;
    }

    public Widget build() {
      return new Widget(this);
    }
  }
}
