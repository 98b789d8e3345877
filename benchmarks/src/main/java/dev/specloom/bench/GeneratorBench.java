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
 * Lua glue, Markdown reference, OpenAPI, tool definitions) written to a fresh directory ({@link TempDirs}).
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
    return cpu.time(() -> generate(p.specs, p.out));
  }

  /** A synthetic spec of {@code functions} functions. */
  @Benchmark
  public int synthetic(Synthetic s, CpuTime cpu) throws Exception {
    return cpu.time(() -> generate(List.of(s.spec), s.out));
  }

  static int generate(List<Path> specs, Path out) throws SpecException, java.io.IOException {
    return Emitters.emit(SpecLoader.loadAll(specs), Emitters.TARGETS, out);
  }
}
