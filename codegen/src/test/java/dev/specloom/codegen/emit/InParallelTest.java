package dev.specloom.codegen.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Parallel pieces give what a sequential run gives: results in input order, the first failure as thrown. */
class InParallelTest {

  @Test
  void nestedPiecesComeBackInTheirInputOrder() {
    List<Integer> outer = IntStream.range(0, 7).boxed().toList();
    List<List<String>> results = InParallel.map(outer,
        i -> InParallel.map(IntStream.range(0, 50).boxed().toList(), j -> i + "." + j));
    for (int i = 0; i < 7; i++) {
      assertEquals(IntStream.range(0, 50).mapToObj(j -> "" + j).toList(),
          results.get(i).stream().map(s -> s.substring(s.indexOf('.') + 1)).toList());
      assertEquals(i + ".0", results.get(i).get(0));
    }
  }

  @Test
  void theFirstFailureInInputOrderIsThrownAsItWasThrown() {
    IllegalStateException second = new IllegalStateException("piece 2");
    IllegalArgumentException fifth = new IllegalArgumentException("piece 5");
    RuntimeException thrown = assertThrows(RuntimeException.class, () -> InParallel.map(List.of(0, 1, 2, 3, 4, 5, 6), i -> {
      if (i == 5) throw fifth;
      if (i == 2) throw second;
      return i;
    }));
    assertSame(second, thrown);
  }

  @Test
  void piecesNestedInOnePieceRunOnMoreThanOneThread() {
    assumeTrue(Runtime.getRuntime().availableProcessors() >= 2, "one core runs one piece at a time");
    // Two inner pieces that each wait for the other finish only if two threads run them at once.
    CountDownLatch both = new CountDownLatch(2);
    List<Boolean> met = InParallel.flatMap(List.of("target"), t -> InParallel.map(List.of(1, 2), i -> {
      both.countDown();
      try {
        return both.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
    }));
    assertEquals(List.of(true, true), met);
  }
}
