package dev.specloom.codegen.emit;

import dev.specloom.codegen.emit.java.JavaSdkEmitter;
import dev.specloom.codegen.model.Spec;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Runs the emitters a build asks for over validated specs. */
public final class Emitters {
  public static final List<String> TARGETS = List.of("java");

  private Emitters() {}

  /** Writes every target's files for every spec under {@code out}; returns the number of files written. */
  public static int emit(List<Spec> specs, List<String> targets, Path out) throws IOException {
    int files = 0;
    for (Spec spec : specs) {
      for (String target : targets) {
        files += switch (target) {
          case "java" -> new JavaSdkEmitter(spec).writeTo(out);
          default -> throw new IllegalArgumentException("unknown target " + target);
        };
      }
    }
    return files;
  }
}
