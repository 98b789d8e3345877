package dev.specloom.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportFileTest {
  @TempDir
  Path dir;

  @Test
  void aRunKeepsTheHistoryRowsAndTheNotesAndAddsItsOwnRow() throws Exception {
    Path out = dir.resolve("benchmarks.md");
    Files.writeString(out, """
        # Benchmarks

        old measured part

        ## History

        | run (UTC) | command | took | load | met | figures |
        |---|---|---|---|---|---|
        | 2026-11-23 18:06:32 | `benchmarks.jar --quick` | 244 s | 2.20 → 2.48 | 8 of 11 | old |

        ## Notes

        Written by hand.
        """);
    Machine m = new Machine(Instant.parse("2026-12-01T19:00:00Z"), 2, 1L << 34, "cpu", "jvm", "os", "0.10, 0.20, 0.30");
    Report report = new Report(new Measurements(), Main.plan(true, null), List.of(), m, m, Duration.ofSeconds(60),
        "java -jar benchmarks/target/benchmarks.jar --quick", true, 64);

    ReportFile.write(out, report);

    String text = Files.readString(out);
    assertTrue(text.startsWith("# Benchmarks\n\nWritten by"), text);
    assertTrue(!text.contains("old measured part"), text);
    assertTrue(text.contains("| 2026-11-23 18:06:32 | `benchmarks.jar --quick` | 244 s | 2.20 → 2.48 | 8 of 11 | old |\n"
        + "| 2026-12-01 19:00:00 | `benchmarks.jar --quick` | 60 s | 0.10 → 0.10 | not judged |"), text);
    assertTrue(text.endsWith("## Notes\n\nWritten by hand.\n"), text);
    assertEquals(1, text.split("## History\n").length - 1);
  }
}
