package dev.specloom.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.specloom.codegen.emit.openapi.OpenApiEmitter;
import dev.specloom.codegen.load.SpecException;
import dev.specloom.codegen.load.SpecLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openapitools.codegen.DefaultGenerator;
import org.openapitools.codegen.config.CodegenConfigurator;
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
 * openapi-generator's Java client (its default okhttp-gson library, API and model docs on, generated tests off)
 * from the OpenAPI document Specloom emits for the same synthetic spec: the same operations and models as
 * {@link GeneratorBench#synthetic}, parsed from a file and written to a fresh directory.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class OpenApiGeneratorBench {
  private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

  @State(Scope.Benchmark)
  public static class Document {
    @Param({"250"})
    public int functions;

    Path dir;
    Path openapi;
    Path out;

    @Setup(Level.Trial)
    public void emit() throws SpecException {
      dir = TempDirs.create("specloom-openapi");
      ObjectNode doc = new OpenApiEmitter(SpecLoader.load(SyntheticSpec.write(dir, functions))).document();
      int operations = operations(doc);
      if (operations != functions) {
        throw new IllegalStateException("the OpenAPI document has " + operations + " operations, not " + functions);
      }
      try {
        openapi = Files.writeString(dir.resolve("synthetic.openapi.json"), doc.toPrettyString());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Setup(Level.Invocation)
    public void freshOut() {
      out = TempDirs.create("openapi-gen");
    }

    @TearDown(Level.Invocation)
    public void clean() {
      TempDirs.delete(out);
    }

    @TearDown(Level.Trial)
    public void removeDocument() {
      TempDirs.delete(dir);
    }
  }

  @Benchmark
  public int javaClient(Document d, CpuTime cpu) throws Exception {
    return cpu.time(() -> generate(d));
  }

  private static int generate(Document d) {
    CodegenConfigurator config = new CodegenConfigurator()
        .setGeneratorName("java")
        .setInputSpec(d.openapi.toString())
        .setOutputDir(d.out.toString())
        .addAdditionalProperty("hideGenerationTimestamp", true)
        .addGlobalProperty("apiTests", "false")
        .addGlobalProperty("modelTests", "false");
    List<java.io.File> files = new DefaultGenerator().opts(config.toClientOptInput()).generate();
    if (files.isEmpty()) throw new IllegalStateException("openapi-generator wrote nothing");
    return files.size();
  }

  static int operations(ObjectNode doc) {
    int n = 0;
    for (JsonNode path : doc.get("paths")) {
      for (var it = path.fieldNames(); it.hasNext(); ) {
        if (METHODS.contains(it.next())) n++;
      }
    }
    return n;
  }
}
