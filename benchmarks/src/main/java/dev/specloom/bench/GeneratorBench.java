package dev.specloom.bench;

import dev.specloom.codegen.emit.Emitters;
import dev.specloom.codegen.load.SpecException;
import dev.specloom.codegen.load.SpecLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What {@code specloom generate} does, in process: load and validate the YAML, then every target (Java SDK,
 * Lua glue, Markdown reference, docs site, OpenAPI, tool definitions, sandbox descriptor) written to a fresh
 * directory ({@link TempDirs}); and the Java SDK target alone, the counterpart of openapi-generator's client.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class GeneratorBench {

  @State(Scope.Benchmark)
  public static class Providers {
    List<Path> specs;
    Path out;

    @Setup(Level.Trial)
    public void specs() {
      Path dir = Path.of(System.getProperty("specloom.specs", "specs"));
      specs = Main.PROVIDERS.stream().map(dir::resolve).toList();
    }

    @Setup(Level.Invocation)
    public void freshOut() {
      out = TempDirs.create("specloom-gen");
    }

    @TearDown(Level.Invocation)
    public void clean() {
      TempDirs.delete(out);
    }
  }

  /** The three specs generated once, every target, with the stamp that lets a build skip them. */
  @State(Scope.Benchmark)
  public static class Generated {
    List<Path> specs;
    Path out;

    @Setup(Level.Trial)
    public void generate() throws Exception {
      Path dir = Path.of(System.getProperty("specloom.specs", "specs"));
      specs = Main.PROVIDERS.stream().map(dir::resolve).toList();
      out = TempDirs.create("specloom-up-to-date");
      if (Emitters.update(specs, Emitters.TARGETS, out, SpecLoader::loadAll) == 0) {
        throw new IllegalStateException("the first generation wrote nothing");
      }
    }

    @TearDown(Level.Trial)
    public void clean() {
      TempDirs.delete(out);
    }
  }

  @State(Scope.Benchmark)
  public static class Synthetic {
    @Param({"250", "1000", "2000"})
    public int functions;

    Path specDir;
    Path spec;
    Path out;

    @Setup(Level.Trial)
    public void spec() {
      specDir = TempDirs.create("specloom-synthetic");
      spec = SyntheticSpec.write(specDir, functions);
    }

    @Setup(Level.Invocation)
    public void freshOut() {
      out = TempDirs.create("specloom-gen");
    }

    @TearDown(Level.Invocation)
    public void clean() {
      TempDirs.delete(out);
    }

    @TearDown(Level.Trial)
    public void removeSpec() {
      TempDirs.delete(specDir);
    }
  }

  /** The three provider specs. */
  @Benchmark
  public int threeSpecs(Providers p, CpuTime cpu) throws Exception {
    return cpu.time(() -> generate(p.specs, Emitters.TARGETS, p.out));
  }

  /** Regenerating the three specs when nothing changed: the stamp is checked, nothing is read or written. */
  @Benchmark
  public int threeSpecsUpToDate(Generated g) throws Exception {
    int written = Emitters.update(g.specs, Emitters.TARGETS, g.out, SpecLoader::loadAll);
    if (written != 0) throw new IllegalStateException("an up-to-date output was rewritten: " + written + " files");
    return written;
  }

  /** A synthetic spec of {@code functions} functions. */
  @Benchmark
  public int synthetic(Synthetic s, CpuTime cpu) throws Exception {
    return cpu.time(() -> generate(List.of(s.spec), Emitters.TARGETS, s.out));
  }

  /** The same spec, the Java SDK target alone: the same work as openapi-generator's Java client. */
  @Benchmark
  public int syntheticJavaSdk(Synthetic s, CpuTime cpu) throws Exception {
    return cpu.time(() -> generate(List.of(s.spec), List.of("java"), s.out));
  }

  static int generate(List<Path> specs, List<String> targets, Path out) throws SpecException, java.io.IOException {
    return Emitters.emit(SpecLoader.loadAll(specs), targets, out);
  }
}
