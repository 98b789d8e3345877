package dev.specloom.codegen.emit;

import dev.specloom.codegen.emit.docs.MarkdownEmitter;
import dev.specloom.codegen.emit.java.JavaSdkEmitter;
import dev.specloom.codegen.emit.lua.LuaGlueEmitter;
import dev.specloom.codegen.emit.openapi.OpenApiEmitter;
import dev.specloom.codegen.emit.sandbox.SandboxEmitter;
import dev.specloom.codegen.emit.site.SiteEmitter;
import dev.specloom.codegen.emit.tools.ToolSchemaEmitter;
import dev.specloom.codegen.model.Spec;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Runs the emitters a build asks for over validated specs. */
public final class Emitters {
  public static final List<String> TARGETS = List.of("java", "docs", "lua", "tools", "openapi", "site", "sandbox");

  private Emitters() {}

  /**
   * Writes every target's files for every spec: Java sources under {@code out/java}, classpath resources
   * (the Markdown reference, tool definitions, OpenAPI, sandbox descriptors) under {@code out/resources}, the docs
   * site of all the specs together under {@code out/site}. Returns the number of files written. Nothing is
   * written unless every file could be generated (see {@link StagedOutput}).
   */
  public static int emit(List<Spec> specs, List<String> targets, Path out) throws IOException {
    List<Path> replaced = !targets.contains("java") ? List.of()
        : specs.stream().map(s -> JavaSdkEmitter.packageDir(Path.of("java"), s)).toList();
    return StagedOutput.write(out, replaced, stage -> emitInto(specs, targets, stage));
  }

  private static int emitInto(List<Spec> specs, List<String> targets, Path out) throws IOException {
    int files = 0;
    for (Spec spec : specs) {
      for (String target : targets) {
        files += switch (target) {
          case "java" -> new JavaSdkEmitter(spec).writeTo(out.resolve("java"));
          case "docs" -> new MarkdownEmitter(spec).writeTo(out.resolve("resources"));
          case "lua" -> new LuaGlueEmitter(spec).writeTo(out.resolve("java"));
          case "tools" -> new ToolSchemaEmitter(spec).writeTo(out.resolve("resources"));
          case "openapi" -> new OpenApiEmitter(spec).writeTo(out.resolve("resources"));
          case "site" -> 0; // one site spans every spec: written once, below
          case "sandbox" -> new SandboxEmitter(spec).writeTo(out.resolve("resources"));
          default -> throw new IllegalArgumentException("unknown target " + target);
        };
      }
    }
    if (targets.contains("lua")) files += LuaGlueEmitter.writeServices(specs, out.resolve("resources"));
    if (targets.contains("site")) files += new SiteEmitter(specs).writeTo(out.resolve("site"));
    return files;
  }
}
