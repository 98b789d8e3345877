package dev.specloom.codegen.emit.java;

import com.palantir.javapoet.CodeBlock;
import java.util.Map;

/** Java expressions for spec constants, shared by the emitters that write them into generated code. */
public final class CodeLiterals {
  private CodeLiterals() {}

  /** {@code Map.of("a", "b", ...)} for a string map, in its order. */
  public static CodeBlock stringMap(Map<String, String> values) {
    return Inline.of("$T.of($L)", Map.class, values.entrySet().stream()
        .map(e -> Inline.of("$S, $S", e.getKey(), e.getValue())).collect(CodeBlock.joining(", ")));
  }
}
