package dev.specloom.codegen.emit;

import dev.specloom.model.Spec;
import java.util.List;

/**
 * One generation target: validated specs in, generated files out. An emitter never touches the file system;
 * {@link StagedOutput} writes what every emitter returned, all or nothing.
 */
@FunctionalInterface
public interface Emitter {
  List<GeneratedFile> emit(List<Spec> specs);

  /** An emitter whose files each come from one spec alone. */
  static Emitter perSpec(java.util.function.Function<Spec, List<GeneratedFile>> files) {
    return specs -> InParallel.flatMap(specs, files);
  }
}
