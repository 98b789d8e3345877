package dev.specloom.acme.model;

import com.squareup.moshi.Json;
import java.util.List;
import java.util.Objects;

/**
 * A page continued by an opaque cursor.
 *
 * <p>Generated from the spec; do not edit.
 */
public final class TokenPage {
  @Json(
      name = "entries"
  )
  List<Widget> entries;

  @Json(
      name = "has_more"
  )
  Boolean hasMore;

  @Json(
      name = "cursor"
  )
  String cursor;

  /**
   * For {@link TokenPageJsonAdapter}.
   */
  TokenPage() {
  }

  private TokenPage(Builder b) {
    this.entries = b.entries;
    this.hasMore = b.hasMore;
    this.cursor = b.cursor;
  }

  public List<Widget> entries() {
    return entries == null ? List.of() : entries;
  }

  public Boolean hasMore() {
    return hasMore;
  }

  public String cursor() {
    return cursor;
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    Builder b = new Builder();
    b.entries = entries;
    b.hasMore = hasMore;
    b.cursor = cursor;
    return b;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) return true;
    if (!(o instanceof TokenPage)) return false;
    TokenPage that = (TokenPage) o;
    return Objects.equals(entries, that.entries)
            && Objects.equals(hasMore, that.hasMore)
            && Objects.equals(cursor, that.cursor);
  }

  @Override
  public int hashCode() {
    return Objects.hash(entries, hasMore, cursor);
  }

  @Override
  public String toString() {
    return "TokenPage{" + "entries=" + entries + ", hasMore=" + hasMore + ", cursor=" + cursor + "}";
  }

  public static final class Builder {
    private List<Widget> entries;

    private Boolean hasMore;

    private String cursor;

    private Builder() {
    }

    public Builder entries(List<Widget> entries) {
      this.entries = entries;
      return this;
    }

    public Builder hasMore(Boolean hasMore) {
      this.hasMore = hasMore;
      return this;
    }

    public Builder cursor(String cursor) {
      this.cursor = cursor;
      return this;
    }

    public TokenPage build() {
      return new TokenPage(this);
    }
  }
}
