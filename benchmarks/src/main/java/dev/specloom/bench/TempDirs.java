package dev.specloom.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Fresh output directories for generator runs, so no run overwrites files another one left. On a RAM-backed
 * file system where there is one (Linux's /dev/shm): writing stays real, but other processes' disk traffic
 * does not enter the figures.
 */
final class TempDirs {
  private static final Path RAM = Path.of("/dev/shm");

  private TempDirs() {}

  static Path create(String prefix) {
    try {
      return Files.isDirectory(RAM) && Files.isWritable(RAM) ? Files.createTempDirectory(RAM, prefix)
          : Files.createTempDirectory(prefix);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void delete(Path dir) {
    if (dir == null || !Files.exists(dir)) return;
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
