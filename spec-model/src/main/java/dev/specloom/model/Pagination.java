package dev.specloom.model;

import java.util.Optional;

/**
 * How a list function pages. {@code items} names the result field holding a page's items.
 * <ul>
 *   <li>CURSOR_AFTER_LAST: next cursor is {@code cursorField} of the last item (e.g. a {@code starting_after} param).
 *   <li>CURSOR_TOKEN: next cursor is the result's {@code cursorField} (e.g. a {@code cursor} token).
 *   <li>PAGE: page number + 1.
 *   <li>OFFSET: page number translated to {@code offsetWire} = (page - 1) * limit.
 * </ul>
 */
public record Pagination(
    Style style,
    String items,
    Optional<String> cursorParam,
    Optional<String> cursorField,
    Optional<String> hasMoreField,
    Optional<String> pageParam,
    Optional<String> limitParam,
    Optional<String> offsetWire) {

  public enum Style { CURSOR_AFTER_LAST, CURSOR_TOKEN, PAGE, OFFSET }
}
