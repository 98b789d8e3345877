package dev.specloom.runtime;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Auto-pagination: fetches one page at a time, lazily, and never holds more than one page. Generated clients
 * supply how to fetch a page, where its items are, and the params of the next page (null when done).
 */
public final class Pages {
  private Pages() {}

  public static <P, R, T> Iterable<T> iterable(P first, Function<P, R> fetch, Function<R, List<T>> items,
      BiFunction<P, R, P> next) {
    return () -> new Iterator<T>() {
      private P params = first;
      private Iterator<T> page = List.<T>of().iterator();

      @Override
      public boolean hasNext() {
        while (!page.hasNext() && params != null) {
          R result = fetch.apply(params);
          List<T> got = items.apply(result);
          params = got.isEmpty() ? null : next.apply(params, result);
          page = got.iterator();
        }
        return page.hasNext();
      }

      @Override
      public T next() {
        if (!hasNext()) throw new NoSuchElementException();
        return page.next();
      }
    };
  }

  public static <P, R, T> Stream<T> stream(P first, Function<P, R> fetch, Function<R, List<T>> items,
      BiFunction<P, R, P> next) {
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(
        iterable(first, fetch, items, next).iterator(), Spliterator.ORDERED | Spliterator.NONNULL), false);
  }

  /** The last element of a page, for cursor styles that continue after it. */
  public static <T> T last(List<T> items) {
    return items.get(items.size() - 1);
  }
}
