package dev.specloom.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * docs/benchmarks.md in three parts: the measured part (rewritten by every full or quick run), the history
 * (one row per run, kept and appended to) and the notes (written by hand, kept as they are).
 */
final class ReportFile {
  static final String HISTORY = "## History";
  static final String NOTES = "## Notes";
  private static final String HISTORY_HEAD = """
      Every run of the bench command adds a row; the figures are the targets' measured values, in the order of the \
      targets table of that run. Rows from before the paired-fork runner (2026-11) are one-fork runs without intervals.

      | run (UTC) | command | took | load (1 min), start → end | targets met | figures |
      |---|---|---|---|---|---|
      """;

  private ReportFile() {}

  static void write(Path out, Report report) throws IOException {
    String previous = Files.exists(out) ? Files.readString(out) : "";
    List<String> rows = section(previous, HISTORY).lines().filter(l -> l.startsWith("| 2")).toList();
    String notes = section(previous, NOTES);
    StringBuilder text = new StringBuilder(report.markdown()).append(HISTORY).append("\n\n").append(HISTORY_HEAD);
    rows.forEach(r -> text.append(r).append('\n'));
    text.append(report.historyRow()).append('\n').append(NOTES).append('\n')
        .append(notes.isEmpty() ? "\n" : notes);
    if (out.getParent() != null) Files.createDirectories(out.getParent());
    Files.writeString(out, text);
  }

  /** The text of a {@code ## } section without its heading, up to the next known section; empty if absent. */
  private static String section(String text, String heading) {
    int at = text.indexOf("\n" + heading + "\n");
    if (at < 0) return "";
    int start = at + heading.length() + 2;
    int end = heading.equals(HISTORY) ? text.indexOf("\n" + NOTES + "\n", start) : -1;
    return text.substring(start, end < 0 ? text.length() : end + 1);
  }
}
