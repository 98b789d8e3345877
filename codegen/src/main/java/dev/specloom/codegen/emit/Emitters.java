package dev.specloom.codegen.emit;

import dev.specloom.codegen.emit.docs.MarkdownEmitter;
import dev.specloom.codegen.emit.java.JavaSdkEmitter;
import dev.specloom.codegen.emit.lua.LuaGlueEmitter;
import dev.specloom.codegen.emit.openapi.OpenApiEmitter;
import dev.specloom.codegen.emit.sandbox.SandboxEmitter;
import dev.specloom.codegen.emit.site.SiteEmitter;
import dev.specloom.codegen.emit.tools.ToolSchemaEmitter;
import dev.specloom.model.Spec;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The registry of generation targets, and the run of the ones a build asks for over validated specs. */
public final class Emitters {
  /**
   * A target: its name, its emitter, and the folders it owns whole in a spec's output (deleted before its files
   * are written, so a removed class leaves no stale file).
   */
  private record Target(String name, Emitter emitter, Function<Spec, List<Path>> owns) {}

  private static final Function<Spec, List<Path>> NOTHING = s -> List.of();
  private static final Map<String, Target> REGISTRY = registry(
      new Target("java", Emitter.perSpec(s -> new JavaSdkEmitter(s).generated()),
          s -> List.of(JavaSdkEmitter.packageDir(Path.of("java"), s))),
      new Target("docs", Emitter.perSpec(s -> new MarkdownEmitter(s).generated()), NOTHING),
      new Target("lua", LuaGlueEmitter::generated, NOTHING),
      new Target("tools", Emitter.perSpec(s -> new ToolSchemaEmitter(s).generated()), NOTHING),
      new Target("openapi", Emitter.perSpec(s -> new OpenApiEmitter(s).generated()), NOTHING),
      new Target("site", specs -> new SiteEmitter(specs).generated(), NOTHING),
      new Target("sandbox", Emitter.perSpec(s -> new SandboxEmitter(s).generated()), NOTHING));

  /** Every target's name, in the registry's order. */
  public static final List<String> TARGETS = List.copyOf(REGISTRY.keySet());

  private Emitters() {}

  /**
   * Every file of the named targets for these specs, by path under the output root: Java sources under
   * {@code java/}, classpath resources (the Markdown reference, tool definitions, OpenAPI, sandbox descriptors)
   * under {@code resources/}, the docs site of all the specs together under {@code site/}.
   */
  public static List<GeneratedFile> generate(List<Spec> specs, List<String> targets) {
    List<GeneratedFile> files = new ArrayList<>();
    for (String name : targets) files.addAll(target(name).emitter().emit(specs));
    return files;
  }

  /**
   * Writes every file of {@link #generate} under {@code out}; returns the number of files written. Nothing is
   * written unless every file could be generated (see {@link StagedOutput}).
   */
  public static int emit(List<Spec> specs, List<String> targets, Path out) throws IOException {
    List<GeneratedFile> files = generate(specs, targets);
    List<Path> replaced = new ArrayList<>();
    for (String name : targets) specs.forEach(s -> replaced.addAll(target(name).owns().apply(s)));
    return StagedOutput.write(out, replaced, files);
  }

  private static Target target(String name) {
    Target t = REGISTRY.get(name);
    if (t == null) throw new IllegalArgumentException("unknown target " + name + "; targets: " + REGISTRY.keySet());
    return t;
  }

  private static Map<String, Target> registry(Target... targets) {
    Map<String, Target> out = new LinkedHashMap<>();
    for (Target t : targets) out.put(t.name(), t);
    return out;
  }
}
