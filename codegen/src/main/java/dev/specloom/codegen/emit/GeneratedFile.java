package dev.specloom.codegen.emit;

/** One generated file: its path relative to its target's root ({@code /}-separated) and its text (written as UTF-8). */
public record GeneratedFile(String path, String text) {

  /** This file under {@code root}, a folder of the output. */
  GeneratedFile under(String root) {
    return new GeneratedFile(root + "/" + path, text);
  }
}
