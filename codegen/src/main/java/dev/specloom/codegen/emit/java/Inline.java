package dev.specloom.codegen.emit.java;

import com.palantir.javapoet.CodeBlock;
import java.util.ArrayList;
import java.util.List;

/**
 * A code block with its {@code $N} and {@code $L} text arguments written into the format. JavaPoet renders a file
 * twice (once to collect imports), and each piece of a block (every literal run and every argument) costs a
 * regex split on line breaks per pass: most of generation's time. Text written in makes one literal run of what
 * were several pieces. The rendered code is the same: {@code $N} and {@code $L} of a string, number or boolean
 * emit its text as is, and a {@code $} in it is kept as {@code $$}. Types ({@code $T}, for the imports),
 * strings ({@code $S}, escaped by JavaPoet) and code blocks stay arguments.
 */
public final class Inline {
  private Inline() {}

  public static CodeBlock of(String format, Object... args) {
    StringBuilder f = new StringBuilder(format.length() + 32);
    List<Object> kept = new ArrayList<>(args.length);
    int arg = 0;
    for (int i = 0; i < format.length(); i++) {
      char c = format.charAt(i);
      if (c != '$' || i + 1 == format.length()) {
        f.append(c);
        continue;
      }
      char kind = format.charAt(++i);
      if (kind == 'N' || kind == 'L' || kind == 'S' || kind == 'T') {
        Object a = args[arg++];
        if ((kind == 'N' || kind == 'L') && (a instanceof String || a instanceof Number || a instanceof Boolean)) {
          f.append(a.toString().replace("$", "$$"));
          continue;
        }
        kept.add(a);
      }
      f.append('$').append(kind);
    }
    if (arg != args.length) throw new IllegalArgumentException("unused arguments for " + format);
    return CodeBlock.of(f.toString(), kept.toArray());
  }
}
