package dev.specloom.codegen.emit.java;

import com.palantir.javapoet.ClassName;
import dev.specloom.model.Names;
import dev.specloom.model.Spec;
import java.util.Set;

/** Names every generated Java symbol of a provider (the "symbol provider"). */
public final class JavaNames {
  private static final Set<String> KEYWORDS = Set.of("abstract", "assert", "boolean", "break", "byte", "case",
      "catch", "char", "class", "const", "continue", "default", "do", "double", "else", "enum", "extends", "final",
      "finally", "float", "for", "goto", "if", "implements", "import", "instanceof", "int", "interface", "long",
      "native", "new", "package", "private", "protected", "public", "return", "short", "static", "strictfp",
      "super", "switch", "synchronized", "this", "throw", "throws", "transient", "try", "void", "volatile", "while",
      "true", "false", "null", "var", "record", "yield");

  private final Spec spec;

  public JavaNames(Spec spec) {
    this.spec = spec;
  }

  public String packageName() {
    return "dev.specloom." + spec.provider();
  }

  public String modelPackage() {
    return packageName() + ".model";
  }

  public ClassName client() {
    return ClassName.get(packageName(), titleName(spec.title()) + "Client");
  }

  public ClassName service() {
    return ClassName.get(packageName(), titleName(spec.title()) + "Service");
  }

  /** The title's letters and digits: the start of the client, service and Lua binding class names. */
  public static String titleName(String title) {
    return title.replaceAll("[^A-Za-z0-9]", "");
  }

  public ClassName params(String function) {
    return ClassName.get(packageName(), Names.upperCamel(function) + "Params");
  }

  public ClassName model(String name) {
    return ClassName.get(modelPackage(), name);
  }

  /** The Retrofit and client method of the route a function takes when param {@code when} is set. */
  public static String routeMethod(String function, String when) {
    return Names.lowerCamel(function) + "Via" + Names.upperCamel(when);
  }

  /** snake_case → lowerCamel, made a legal identifier. */
  public static String member(String snake) {
    String camel = Names.lowerCamel(snake);
    return KEYWORDS.contains(camel) ? camel + "_" : camel;
  }

  /**
   * Javadoc text: escapes what would end the comment or be read as a tag. javac decodes Unicode escapes before
   * it looks for the end of a comment, so every backslash becomes an HTML entity too: spec text cannot spell
   * an escaped star-slash and leave the comment.
   */
  public static String doc(String text) {
    return text.replace("\\", "&#92;").replace("*/", "*&#47;").replace("@", "{@literal @}");
  }
}
