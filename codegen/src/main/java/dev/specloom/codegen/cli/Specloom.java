package dev.specloom.codegen.cli;

import dev.specloom.codegen.emit.Emitters;
import dev.specloom.codegen.load.SpecException;
import dev.specloom.codegen.load.SpecLoader;
import dev.specloom.model.Spec;
import dev.specloom.runtime.SpecloomVersion;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code specloom} command line.
 * <pre>
 * specloom validate SPEC...
 * specloom generate (--specs DIR | --spec FILE)... --out DIR [--target java|lua|docs|tools|openapi|site|sandbox]...
 * specloom --version
 * </pre>
 * Exit status 0 on success, 1 when a spec is invalid (nothing is written), 2 on a usage error.
 */
public final class Specloom {
  static final String USAGE = """
      usage: specloom validate SPEC...
             specloom generate (--specs DIR | --spec FILE)... --out DIR [--target java|lua|docs|tools|openapi|site|sandbox]...
             specloom --version""";

  private Specloom() {}

  public static void main(String[] args) {
    int status = run(args, System.out, System.err);
    if (status != 0) System.exit(status);
  }

  /** Runs one command; never exits the JVM, so the Maven build and tests can call it. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length == 0) {
      err.println(USAGE);
      return 2;
    }
    try {
      return switch (args[0]) {
        case "--version" -> {
          out.println("specloom " + SpecloomVersion.get());
          yield 0;
        }
        case "validate" -> validate(List.of(args).subList(1, args.length), out, err);
        case "generate" -> generate(List.of(args).subList(1, args.length), out, err);
        default -> {
          err.println("specloom: unknown command '" + args[0] + "'\n" + USAGE);
          yield 2;
        }
      };
    } catch (SpecException e) {
      err.println(e.getMessage());
      err.println("specloom: " + e.problems().size() + " problem(s); nothing was generated");
      return 1;
    } catch (UsageException e) {
      err.println("specloom: " + e.getMessage() + "\n" + USAGE);
      return 2;
    } catch (IOException e) {
      err.println("specloom: " + e.getMessage());
      return 1;
    }
  }

  private static int validate(List<String> args, PrintStream out, PrintStream err) throws SpecException, UsageException {
    if (args.isEmpty()) throw new UsageException("validate needs at least one spec file");
    List<Spec> specs = SpecLoader.loadAll(args.stream().map(Path::of).toList());
    for (Spec s : specs) out.println(s.sourceFile() + ": ok (" + s.functions().size() + " functions)");
    return 0;
  }

  private static int generate(List<String> args, PrintStream out, PrintStream err)
      throws SpecException, UsageException, IOException {
    List<Path> files = new ArrayList<>();
    List<String> targets = new ArrayList<>();
    Path outDir = null;
    for (int i = 0; i < args.size(); i++) {
      String flag = args.get(i);
      if (i + 1 >= args.size()) throw new UsageException(flag + " needs a value");
      String value = args.get(++i);
      switch (flag) {
        case "--specs" -> {
          Path specs = Path.of(value);
          if (!Files.exists(specs)) throw new UsageException("--specs " + value + ": no such file or directory");
          List<Path> found = SpecLoader.files(specs);
          if (found.isEmpty()) throw new UsageException("--specs " + value + ": no .yaml or .yml files");
          files.addAll(found);
        }
        case "--spec" -> files.add(Path.of(value));
        case "--out" -> outDir = Path.of(value);
        case "--target" -> targets.add(value);
        default -> throw new UsageException("unknown option " + flag);
      }
    }
    if (outDir == null) throw new UsageException("generate needs --out DIR");
    if (files.isEmpty()) throw new UsageException("generate needs --specs DIR or --spec FILE");
    if (targets.isEmpty()) targets.add("java");
    for (String t : targets) {
      if (!Emitters.TARGETS.contains(t)) throw new UsageException("unknown target " + t + "; targets: " + Emitters.TARGETS);
    }
    long start = System.nanoTime();
    int written = Emitters.update(files, targets, outDir, SpecLoader::loadAll);
    out.printf("specloom: %d spec(s), %d file(s) written to %s in %d ms%n", files.size(), written, outDir,
        (System.nanoTime() - start) / 1_000_000);
    return 0;
  }

  private static final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
      super(message);
    }
  }
}
