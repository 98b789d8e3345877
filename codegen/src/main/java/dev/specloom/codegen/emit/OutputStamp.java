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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;

/**
 * What an output root was last generated from, kept in {@value #NAME} at its top: the generator (the jars or class
 * directories of its code, by size and modification time), the target list, each spec file's SHA-256 (with its
 * size and modification time), and every file then written, by size and modification time. When all of it still
 * holds, the output is up to date and generating again would write nothing, so the specs need not even be read.
 * Any output file touched, removed or replaced since, or another generator, target list or spec bytes, makes the
 * stamp stale. A spec whose size and time are as recorded is not hashed again (the check stays within a few
 * milliseconds); one that was touched is, and counts as changed only if its bytes differ.
 */
final class OutputStamp {
  static final String NAME = ".specloom-stamp";
  private static final String FILE = "file ";

  /** Classes whose code decides what is generated: codegen itself, the spec model, JavaPoet and commonmark. */
  private static final List<Class<?>> GENERATOR = List.of(OutputStamp.class, Spec.class, JavaFile.class, Parser.class,
      TablesExtension.class);
  private static volatile String generator;

  private final List<String> header;
  private final List<Path> specs;
  private List<String> specLines;

  private OutputStamp(List<String> header, List<Path> specs) {
    this.header = header;
    this.specs = specs;
  }

  /** The stamp of generating {@code targets} from {@code specFiles} with this generator. */
  static OutputStamp of(List<Path> specFiles, List<String> targets) throws IOException {
    List<Path> specs = new ArrayList<>();
    for (Path spec : specFiles) specs.add(spec.toAbsolutePath().normalize());
    return new OutputStamp(List.of("generator " + generator(), "targets " + String.join(",", targets)), specs);
  }

  /** True when {@code out} holds this stamp and every spec and file it lists is as it was. */
  boolean upToDate(Path out) throws IOException {
    List<String> lines;
    try {
      lines = Files.readAllLines(out.resolve(NAME), StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return false;
    }
    int files = header.size() + specs.size();
    if (lines.size() < files || !lines.subList(0, header.size()).equals(header)) return false;
    for (int i = 0; i < specs.size(); i++) {
      if (!sameSpec(lines.get(header.size() + i), specs.get(i))) return false;
    }
    for (String line : lines.subList(files, lines.size())) {
      if (!sameFile(line, out)) return false;
    }
    return true;
  }

  /** A recorded "file SIZE TIME\tPATH" line still describes the file: one stat, no string building per file. */
  private static boolean sameFile(String line, Path out) throws IOException {
    int space = line.indexOf(' ', FILE.length());
    int tab = line.indexOf('\t', space + 1);
    if (!line.startsWith(FILE) || space < 0 || tab < 0) return false;
    BasicFileAttributes a;
    try {
      a = Files.readAttributes(out.resolve(line.substring(tab + 1)), BasicFileAttributes.class);
    } catch (NoSuchFileException e) {
      return false;
    }
    return a.isRegularFile() && a.size() == Long.parseLong(line, FILE.length(), space, 10)
        && a.lastModifiedTime().toMillis() == Long.parseLong(line, space + 1, tab, 10);
  }

  /** A recorded "spec SHA SIZE TIME\tPATH" line still describes {@code spec}: same size and time, or same bytes. */
  private static boolean sameSpec(String line, Path spec) throws IOException {
    int tab = line.indexOf('\t');
    if (!line.startsWith("spec ") || tab < 0 || !line.substring(tab + 1).equals(spec.toString())) return false;
    if (!Files.isRegularFile(spec)) return false;
    String recorded = line.substring("spec ".length(), tab);
    int space = recorded.indexOf(' ');
    return recorded.substring(space + 1).equals(sizeAndTime(spec))
        || recorded.substring(0, space).equals(sha256(Files.readAllBytes(spec)));
  }

  /**
   * Takes each spec's hash, size and time; done before the specs are read, so a spec edited while generating
   * leaves a stamp that no longer matches it.
   */
  void pinSpecs() throws IOException {
    List<String> lines = new ArrayList<>();
    for (Path spec : specs) lines.add("spec " + sha256(Files.readAllBytes(spec)) + " " + sizeAndTime(spec) + "\t" + spec);
    specLines = lines;
  }

  /** Removes the stamp; done before the output changes, so an interrupted write is never taken as up to date. */
  static void clear(Path out) throws IOException {
    Files.deleteIfExists(out.resolve(NAME));
  }

  /** Records this stamp, the pinned specs and the current size and time of each of {@code files} (paths under {@code out}). */
  void write(Path out, List<String> files) throws IOException {
    if (specLines == null) throw new IllegalStateException("the specs were not pinned before generating");
    List<String> lines = new ArrayList<>(header);
    lines.addAll(specLines);
    for (String f : files) lines.add(FILE + sizeAndTime(out.resolve(f)) + "\t" + f);
    Files.createDirectories(out);
    Files.write(out.resolve(NAME), lines, StandardCharsets.UTF_8);
  }

  private static String sizeAndTime(Path file) throws IOException {
    BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
    return a.size() + " " + a.lastModifiedTime().toMillis();
  }

  /**
   * The generator's fingerprint: for each jar its code comes from, its size and time; for each class directory
   * (a development build), its number of files, their total size and the newest time. Computed once per class
   * loader; a rebuilt generator is another one.
   */
  private static String generator() throws IOException {
    String g = generator;
    if (g != null) return g;
    Set<Path> sources = new LinkedHashSet<>();
    for (Class<?> c : GENERATOR) {
      CodeSource source = c.getProtectionDomain().getCodeSource();
      if (source == null) throw new IOException("cannot tell where " + c.getName() + " was loaded from");
      try {
        sources.add(Path.of(source.getLocation().toURI()));
      } catch (URISyntaxException | IllegalArgumentException e) {
        throw new IOException("cannot tell where " + c.getName() + " was loaded from: " + source.getLocation(), e);
      }
    }
    StringBuilder b = new StringBuilder();
    for (Path where : sources) {
      if (!Files.isDirectory(where)) {
        b.append(' ').append(where).append(':').append(sizeAndTime(where).replace(' ', ':'));
        continue;
      }
      long count = 0;
      long size = 0;
      long newest = 0;
      try (Stream<Path> files = Files.walk(where)) {
        for (Path f : (Iterable<Path>) files::iterator) {
          BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class);
          if (!a.isRegularFile()) continue;
          count++;
          size += a.size();
          newest = Math.max(newest, a.lastModifiedTime().toMillis());
        }
      }
      b.append(' ').append(where).append(':').append(count).append(':').append(size).append(':').append(newest);
    }
    g = b.substring(1);
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
