package dev.specloom.codegen.emit;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * Independent pieces of generation (targets, specs, the files of a target) run on the common fork-join pool, so
 * generation uses every core. The result is the same as a sequential run's: results in the order of their
 * inputs, and when pieces fail, the first failure in input order is thrown as it was thrown (a parallel stream
 * would rethrow it as a copy made on the calling thread, with another message).
 */
public final class InParallel {
  private InParallel() {}

  /** {@code f} applied to each item, in the items' order. */
  public static <T, R> List<R> map(List<T> items, Function<? super T, ? extends R> f) {
    Object[] results = new Object[items.size()];
    Throwable[] failures = new Throwable[items.size()];
    IntStream.range(0, items.size()).parallel().forEach(i -> {
      try {
        results[i] = f.apply(items.get(i));
      } catch (RuntimeException | Error e) {
        failures[i] = e;
      }
    });
    for (Throwable failure : failures) {
      if (failure instanceof RuntimeException e) throw e;
      if (failure instanceof Error e) throw e;
    }
    @SuppressWarnings("unchecked")
    List<R> list = (List<R>) Arrays.asList(results);
    return Collections.unmodifiableList(list);
  }

  /** Every list {@code f} gives for the items, concatenated in the items' order. */
  public static <T, R> List<R> flatMap(List<T> items, Function<? super T, ? extends List<? extends R>> f) {
    return map(items, f).stream().<R>flatMap(List::stream).toList();
  }
}
