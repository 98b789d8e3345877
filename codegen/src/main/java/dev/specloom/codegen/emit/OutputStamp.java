package dev.specloom.codegen.emit;

import com.palantir.javapoet.JavaFile;
import dev.specloom.model.Spec;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;

/**
 * What an output root was last generated from, kept in {@value #NAME} at its top: the generator (its code's
 * files, by path, size and modification time), the target list, each spec file's SHA-256, and every file then
 * written, by size and modification time. When all of it still holds, the output is up to date and generating
 * again would write nothing, so it need not even load the specs. Any output file touched, removed or replaced
 * since, or any other generator, target list or spec bytes, makes the stamp stale.
 */
final class OutputStamp {
  static final String NAME = ".specloom-stamp";

  /** Classes whose code decides what is generated: codegen itself, the spec model, JavaPoet and commonmark. */
  private static final List<Class<?>> GENERATOR = List.of(OutputStamp.class, Spec.class, JavaFile.class, Parser.class,
      TablesExtension.class);
  private static volatile String generator;

  private final List<String> header;

  private OutputStamp(List<String> header) {
    this.header = header;
  }

  /** The stamp of generating {@code targets} from {@code specFiles} with this generator. */
  static OutputStamp of(List<Path> specFiles, List<String> targets) throws IOException {
    List<String> header = new ArrayList<>();
    header.add("generator " + generator());
    header.add("targets " + String.join(",", targets));
    for (Path spec : specFiles) header.add("spec " + sha256(Files.readAllBytes(spec)) + " " + spec.toAbsolutePath().normalize());
    return new OutputStamp(header);
  }

  /** True when {@code out} holds this stamp and every file it lists is as it was written. */
  boolean upToDate(Path out) throws IOException {
    List<String> lines;
    try {
      lines = Files.readAllLines(out.resolve(NAME), StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return false;
    }
    if (lines.size() < header.size() || !lines.subList(0, header.size()).equals(header)) return false;
    for (String line : lines.subList(header.size(), lines.size())) {
      int tab = line.indexOf('\t');
      if (!line.startsWith("file ") || tab < 0) return false;
      Path file = out.resolve(line.substring(tab + 1));
      if (!Files.isRegularFile(file) || !line.substring(0, tab).equals(fileLine(file))) return false;
    }
    return true;
  }

  /** Removes the stamp; done before the output changes, so an interrupted write is never taken as up to date. */
  static void clear(Path out) throws IOException {
    Files.deleteIfExists(out.resolve(NAME));
  }

  /** Records this stamp and the current size and time of each of {@code files} (paths under {@code out}). */
  void write(Path out, List<String> files) throws IOException {
    List<String> lines = new ArrayList<>(header);
    for (String f : files) lines.add(fileLine(out.resolve(f)) + "\t" + f);
    Files.createDirectories(out);
    Files.write(out.resolve(NAME), lines, StandardCharsets.UTF_8);
  }

  private static String fileLine(Path file) throws IOException {
    BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
    return "file " + a.size() + " " + a.lastModifiedTime().toMillis();
  }

  /**
   * The generator's fingerprint: the path, size and modification time of every file of the jars or class
   * directories its code comes from. Computed once per class loader; a rebuilt generator is a new one.
   */
  private static String generator() throws IOException {
    String g = generator;
    if (g != null) return g;
    StringBuilder b = new StringBuilder();
    for (Class<?> c : GENERATOR) {
      CodeSource source = c.getProtectionDomain().getCodeSource();
      if (source == null) throw new IOException("cannot tell where " + c.getName() + " was loaded from");
      Path where;
      try {
        where = Path.of(source.getLocation().toURI());
      } catch (URISyntaxException | IllegalArgumentException e) {
        throw new IOException("cannot tell where " + c.getName() + " was loaded from: " + source.getLocation(), e);
      }
      try (Stream<Path> files = Files.walk(where)) {
        for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
          BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class);
          b.append(f).append(' ').append(a.size()).append(' ').append(a.lastModifiedTime().toMillis()).append('\n');
        }
      }
    }
    g = sha256(b.toString().getBytes(StandardCharsets.UTF_8));
    generator = g;
    return g;
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JVM has no SHA-256", e);
    }
  }
}
