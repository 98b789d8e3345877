package dev.specloom.acme.model;

import com.squareup.moshi.Json;
import java.util.List;
import java.util.Objects;

/**
 * One page of widgets.
 *
 * <p>Generated from the spec; do not edit.
 */
public final class WidgetPage {
  @Json(
      name = "data"
  )
  List<Widget> widgets;

  @Json(
      name = "has_more"
  )
  Boolean hasMore;

  /**
   * For {@link WidgetPageJsonAdapter}.
   */
  WidgetPage() {
  }

  private WidgetPage(Builder b) {
    this.widgets = b.widgets;
    this.hasMore = b.hasMore;
  }

  public List<Widget> widgets() {
    return widgets == null ? List.of() : widgets;
  }

  public Boolean hasMore() {
    return hasMore;
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    Builder b = new Builder();
    b.widgets = widgets;
    b.hasMore = hasMore;
    return b;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) return true;
    if (!(o instanceof WidgetPage)) return false;
    WidgetPage that = (WidgetPage) o;
    return Objects.equals(widgets, that.widgets)
            && Objects.equals(hasMore, that.hasMore);
  }

  @Override
  public int hashCode() {
    return Objects.hash(widgets, hasMore);
  }

  @Override
  public String toString() {
    return "WidgetPage{" + "widgets=" + widgets + ", hasMore=" + hasMore + "}";
  }

  public static final class Builder {
    private List<Widget> widgets;

    private Boolean hasMore;

    private Builder() {
    }

    public Builder widgets(List<Widget> widgets) {
      this.widgets = widgets;
      return this;
    }

    public Builder hasMore(Boolean hasMore) {
      this.hasMore = hasMore;
      return this;
    }

    public WidgetPage build() {
      return new WidgetPage(this);
    }
  }
}
