package dev.specloom.codegen.emit;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.RecursiveAction;
import java.util.function.Function;

/**
 * Independent pieces of generation (targets, specs, the files of a target) run on a fork-join pool with one
 * worker per core, so generation uses every core. The result is the same as a sequential run's: results in the
 * order of their inputs, and when pieces fail, the first failure in input order is thrown as it was thrown (a
 * parallel stream would rethrow it as a copy made on the calling thread, with another message).
 *
 * <p>A call from outside a fork-join pool runs in a pool of its own, not on the common pool from the calling
 * thread: the common pool has one worker fewer than there are cores and counts on the caller for the last
 * core, but a caller outside the pool cannot take the tasks a worker forks. With pieces nested in pieces (the
 * files of the Java target inside the targets), the caller then waited idle while one worker rendered the whole
 * Java SDK alone. Nested calls run in the pool they are called from, where every worker can take any task.
 */
public final class InParallel {
  private InParallel() {}

  /** {@code f} applied to each item, in the items' order. */
  public static <T, R> List<R> map(List<T> items, Function<? super T, ? extends R> f) {
    Outcome outcome;
    if (Thread.currentThread() instanceof ForkJoinWorkerThread) {
      outcome = attempt(items, f);
    } else {
      ForkJoinPool pool = new ForkJoinPool(Runtime.getRuntime().availableProcessors());
      try {
        outcome = pool.submit(() -> attempt(items, f)).join();
      } finally {
        pool.shutdown();
      }
    }
    for (Throwable failure : outcome.failures()) {
      if (failure instanceof RuntimeException e) throw e;
      if (failure instanceof Error e) throw e;
    }
    @SuppressWarnings("unchecked")
    List<R> list = (List<R>) Arrays.asList(outcome.results());
    return Collections.unmodifiableList(list);
  }

  /** Every list {@code f} gives for the items, concatenated in the items' order. */
  public static <T, R> List<R> flatMap(List<T> items, Function<? super T, ? extends List<? extends R>> f) {
    return map(items, f).stream().<R>flatMap(List::stream).toList();
  }

  /** Each item's result or failure, at the item's index; failures are kept, not thrown across threads. */
  private record Outcome(Object[] results, Throwable[] failures) {}

  private static <T> Outcome attempt(List<T> items, Function<? super T, ?> f) {
    Outcome outcome = new Outcome(new Object[items.size()], new Throwable[items.size()]);
    if (!items.isEmpty()) new Pieces<>(items, f, outcome, 0, items.size()).invoke();
    return outcome;
  }

  /**
   * The items from {@code from} to {@code to}, split in halves down to single items. A parallel stream would cut
   * the Java target's ~1,800 files into four runs (its leaf count follows the common pool's size, not this
   * pool's), and the worker left with the run that ends in the client rendered it alone while the other idled.
   * The right half is computed and the left one forked: the last pieces of a target are its largest (the
   * service and the client after the params), so they start first and a thief takes the big left half.
   */
  private static final class Pieces<T> extends RecursiveAction {
    private final List<T> items;
    private final Function<? super T, ?> f;
    private final Outcome outcome;
    private final int from;
    private final int to;

    Pieces(List<T> items, Function<? super T, ?> f, Outcome outcome, int from, int to) {
      this.items = items;
      this.f = f;
      this.outcome = outcome;
      this.from = from;
      this.to = to;
    }

    @Override
    protected void compute() {
      if (to - from == 1) {
        try {
          outcome.results()[from] = f.apply(items.get(from));
        } catch (RuntimeException | Error e) {
          outcome.failures()[from] = e;
        }
        return;
      }
      int mid = (from + to) >>> 1;
      Pieces<T> left = new Pieces<>(items, f, outcome, from, mid);
      left.fork();
      new Pieces<>(items, f, outcome, mid, to).compute();
      left.join();
    }
  }
}
