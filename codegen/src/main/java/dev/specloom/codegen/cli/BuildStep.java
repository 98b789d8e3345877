package dev.specloom.codegen.cli;

/**
 * Entry point for the Maven build (exec:java runs it in-process): fails the build by exception instead of
 * exiting the JVM that Maven itself runs in.
 */
public final class BuildStep {
  private BuildStep() {}

  public static void main(String[] args) {
    int status = Specloom.run(args, new java.io.PrintStream(java.io.OutputStream.nullOutputStream()), System.err);
    if (status != 0) throw new IllegalStateException("specloom " + String.join(" ", args) + " failed with status " + status);
  }
}
