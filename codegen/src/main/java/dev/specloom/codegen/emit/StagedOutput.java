package dev.specloom.codegen.emit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The one writer of generated files. Generation in two steps: every emitter's files go into a private staging directory, and only when all of them
 * have finished are the files moved into the output. A spec that fails to generate, or an emitter that throws
 * midway, leaves the output exactly as it was. A file whose bytes are already in the output is not written again,
 * so what did not change keeps its modification time (and the compiler and the build see nothing new).
 */
final class StagedOutput {
  /** Writes files under {@code stage}. */
  interface Writer {
    void write(Path stage) throws IOException;
  }

  private StagedOutput() {}

  /** Writes {@code files} (paths relative to {@code out}, UTF-8) as {@link #write(Path, List, Writer)} does. */
  static int write(Path out, List<Path> replaced, List<GeneratedFile> files) throws IOException {
    return write(out, replaced, stage -> {
      for (Path dir : files.stream().map(f -> stage.resolve(f.path()).getParent()).distinct().toList()) {
        Files.createDirectories(dir);
      }
      inParallel(files, f -> {
        Files.writeString(stage.resolve(f.path()), f.text(), StandardCharsets.UTF_8);
        return true;
      });
    });
  }

  /**
   * Runs {@code writer} against a fresh staging directory, then deletes from each of {@code replaced} (directories
   * relative to {@code out} that the writer owns whole) every file the writer did not write, so a removed class
   * leaves no stale file, and moves every staged file whose bytes differ from the output's to the same place under
   * {@code out}. Returns how many files were moved. The staging directory is removed in every case.
   */
  static int write(Path out, List<Path> replaced, Writer writer) throws IOException {
    Path parent = out.toAbsolutePath().getParent();
    Path stage = parent != null && Files.isDirectory(parent)
        ? Files.createTempDirectory(parent, ".specloom-staging-")
        : Files.createTempDirectory("specloom-staging-");
    try {
      writer.write(stage);
      for (Path dir : replaced) deleteUnstaged(out.resolve(dir), stage.resolve(dir));
      List<Path> staged;
      try (Stream<Path> walk = Files.walk(stage)) {
        staged = walk.filter(Files::isRegularFile).toList();
      }
      return (int) inParallel(staged, file -> {
        Path target = out.resolve(stage.relativize(file).toString());
        if (Files.isRegularFile(target) && Files.mismatch(file, target) == -1) return false;
        Files.createDirectories(target.getParent());
        Files.move(file, target, StandardCopyOption.REPLACE_EXISTING);
        return true;
      }).stream().filter(b -> b).count();
    } finally {
      deleteTree(stage);
    }
  }

  /** A file operation that may fail. */
  private interface FileStep<T> {
    boolean on(T item) throws IOException;
  }

  /** Runs {@code step} on every item, in parallel (many small files); the first failure in item order is thrown. */
  private static <T> List<Boolean> inParallel(List<T> items, FileStep<T> step) throws IOException {
    try {
      return InParallel.map(items, item -> {
        try {
          return step.on(item);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /** Deletes what is under {@code dir} but not at the same place under {@code staged}, and folders left empty. */
  private static void deleteUnstaged(Path dir, Path staged) throws IOException {
    if (!Files.exists(dir)) return;
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        if (Files.isDirectory(p)) {
          try (Stream<Path> left = Files.list(p)) {
            if (left.findAny().isEmpty()) Files.delete(p);
          }
        } else if (!Files.exists(staged.resolve(dir.relativize(p).toString()))) {
          Files.delete(p);
        }
      }
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) return;
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
    }
  }
}
