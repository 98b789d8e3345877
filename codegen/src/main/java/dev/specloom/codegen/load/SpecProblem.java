package dev.specloom.codegen.load;

/** One thing wrong with a spec, at the place in the file where it is. Lines and columns count from 1. */
public record SpecProblem(String file, int line, int column, String path, String message)
    implements Comparable<SpecProblem> {

  @Override
  public String toString() {
    return file + ":" + line + ":" + column + ": " + (path.isEmpty() ? "" : path + ": ") + message;
  }

  @Override
  public int compareTo(SpecProblem o) {
    int c = file.compareTo(o.file);
    if (c != 0) return c;
    c = Integer.compare(line, o.line);
    return c != 0 ? c : Integer.compare(column, o.column);
  }
}
