package dev.specloom.codegen.load;

import com.fasterxml.jackson.databind.JsonNode;
import dev.specloom.codegen.emit.java.JavaNames;
import dev.specloom.model.Field;
import dev.specloom.model.Function;
import dev.specloom.model.Model;
import dev.specloom.model.Names;
import dev.specloom.model.Param;
import dev.specloom.model.Placeholders;
import dev.specloom.model.Spec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import javax.lang.model.SourceVersion;

/**
 * The Java symbols the emitters derive from spec names: each must be a legal name, distinct from its neighbours
 * (after snake_case becomes camelCase) and free of the members the generated classes already have, so that every
 * spec that validates also generates Java that compiles.
 */
final class JavaNameCheck {
  /** Longest spec name: generated file names (name + "Params.java") stay far below the usual 255-byte limit. */
  static final int MAX_NAME = 64;

  /** Packages of the project itself, under dev.specloom; a provider's package may not be one of them. */
  private static final Set<String> PROJECT_PACKAGES = Set.of("bench", "codegen", "lua", "maven", "runtime", "sandbox");

  /**
   * Model names the generated code cannot use: every generated class has a nested {@code Builder}, and a model
   * class in the model package hides the java.lang type of the same name that the generated code refers to.
   */
  private static final Set<String> RESERVED_MODELS = Set.of("Builder", "Object", "String", "Long", "Double",
      "Boolean", "Override", "SuppressWarnings", "Iterable", "IllegalArgumentException");

  /** Zero-argument methods every generated class has (its own, or Object's final and protected ones). */
  private static final Set<String> OBJECT_MEMBERS = Set.of("hashCode", "toString", "getClass", "clone", "finalize",
      "notify", "notifyAll", "wait");

  /**
   * Accessor names a params or model class cannot take: its own members, and the local names its generated
   * methods use ({@code b} in the constructor and toBuilder, {@code o} and {@code that} in equals, {@code w} in
   * writeTo), which would hide the field of the same name.
   */
  private static final Set<String> VALUE_CLASS_MEMBERS = union(OBJECT_MEMBERS,
      Set.of("builder", "toBuilder", "b", "o", "that", "w"));

  /** Path placeholders become parameters of a Retrofit method next to these. */
  private static final Set<String> SERVICE_PARAMETERS = Set.of("query", "headers", "body");

  /** Methods of the generated client itself, which a function's method may not take. */
  private static final Set<String> CLIENT_MEMBERS = union(OBJECT_MEMBERS, Set.of("builder", "withOptions", "async"));

  /**
   * Methods of {@code dev.specloom.runtime.ClientBuilder} (and Object); a credential or setting becomes a method
   * of the client's builder and would otherwise override or shadow one of them. (Listed, not reflected: the
   * generator does not load the runtime's HTTP stack; JavaNameCheckTest keeps the list complete.)
   */
  static final Set<String> CLIENT_BUILDER_MEMBERS = union(OBJECT_MEMBERS, Set.of("self", "build", "credential",
      "setting", "baseUrl", "httpClient", "connectTimeout", "readTimeout", "callTimeout", "retries", "maxRetries",
      "logHttp", "provider"));

  private final Spec spec;
  private final JsonNode root;
  private final BiConsumer<String, String> report;

  JavaNameCheck(Spec spec, JsonNode root, BiConsumer<String, String> report) {
    this.spec = spec;
    this.root = root;
    this.report = report;
  }

  void run() {
    provider();
    title();
    models();
    functions();
    clientBuilder();
  }

  private void provider() {
    if (!length("provider", spec.provider())) return;
    if (!SourceVersion.isName("dev.specloom." + spec.provider())) {
      report.accept("provider", "'" + spec.provider() + "' is a Java keyword; the package dev.specloom."
          + spec.provider() + " would not compile");
    } else if (PROJECT_PACKAGES.contains(spec.provider())) {
      report.accept("provider", "'" + spec.provider() + "' names a package of Specloom itself (dev.specloom."
          + spec.provider() + ")");
    }
  }

  private void title() {
    String name = JavaNames.titleName(spec.title());
    if (name.isEmpty() || !Character.isLetter(name.charAt(0))) {
      report.accept("title", "the Java classes are named after the title's letters and digits ('" + name
          + "Client'), which must start with a letter");
    } else if (name.length() > MAX_NAME) {
      report.accept("title", "the title gives a Java class name of " + name.length() + " characters; at most "
          + MAX_NAME + " are allowed");
    }
  }

  private void models() {
    Map<String, String> files = new HashMap<>();
    for (Model m : spec.models().values()) {
      String at = "models/" + m.name();
      if (!root.path("models").has(m.name())) continue; // an inline result: checked with its function
      if (!length(at, m.name())) continue;
      if (RESERVED_MODELS.contains(m.name())) {
        report.accept(at, "a model may not be named '" + m.name() + "': "
            + (m.name().equals("Builder") ? "every generated class has a nested Builder"
            : "it would hide java.lang." + m.name() + " in the generated Java"));
      }
      String other = files.putIfAbsent(m.name().toLowerCase(Locale.ROOT), m.name());
      if (other != null) {
        report.accept(at, "models '" + other + "' and '" + m.name() + "' differ only in case; their Java files would "
            + "be one file on case-insensitive file systems");
      }
      members(at + "/fields", m.fields().stream().map(Field::name).toList(), VALUE_CLASS_MEMBERS, "field");
    }
    // Each model has a generated <Model>JsonAdapter beside it, and the SDK one <Title>JsonAdapters.
    String factory = JavaNames.titleName(spec.title()) + "JsonAdapters";
    for (Model m : spec.models().values()) {
      String clash = m.name().equals(factory) ? "the SDK's JSON adapter factory"
          : m.name().endsWith("JsonAdapter") && spec.models().containsKey(m.name().substring(0, m.name().length() - 11))
              ? "the JSON adapter of model '" + m.name().substring(0, m.name().length() - 11) + "'" : null;
      if (clash != null && root.path("models").has(m.name())) {
        report.accept("models/" + m.name(), "a model may not be named '" + m.name() + "': it is the name of " + clash);
      }
    }
  }

  private void functions() {
    Map<String, String> methods = new HashMap<>();
    Map<String, String> classes = new HashMap<>();
    claim(classes, JavaNames.titleName(spec.title()) + "Client", "the client");
    claim(classes, JavaNames.titleName(spec.title()) + "Service", "the service");
    for (Function f : spec.functions()) {
      String at = "functions/" + f.name();
      if (!length(at, f.name())) continue;
      for (int i = 0; i < f.aliases().size(); i++) length(at + "/aliases/" + i, f.aliases().get(i));
      String method = Names.lowerCamel(f.name());
      if (!SourceVersion.isName(method)) {
        report.accept(at, "'" + f.name() + "' gives the Java method name '" + method + "', a Java keyword");
      } else if (CLIENT_MEMBERS.contains(method)) {
        report.accept(at, "'" + f.name() + "' gives the Java method name '" + method
            + "', which the generated client already has");
      }
      String prior = methods.putIfAbsent(method, f.name());
      if (prior != null) {
        report.accept(at, "'" + f.name() + "' and '" + prior + "' give the same Java method name '" + method + "'");
      }
      for (Function.Route r : f.http().routes()) {
        String route = JavaNames.routeMethod(f.name(), r.when());
        String owner = methods.putIfAbsent(route, f.name() + " (route when " + r.when() + ")");
        if (owner != null) {
          report.accept(at + "/http/routes", "the route method '" + route + "' is also the Java method of " + owner);
        }
      }
      String clash = claim(classes, Names.upperCamel(f.name()) + "Params", f.name());
      if (clash != null) {
        report.accept(at, "the params class " + Names.upperCamel(f.name()) + "Params of '" + f.name()
            + "' has the file name of the class of " + clash);
      }
      inlineResult(at, f);
      members(at + "/params", f.params().stream().map(Param::name).toList(), VALUE_CLASS_MEMBERS, "param");
      params(at, f);
    }
  }

  /** An inline result becomes a model named after its function; a declared model may not have that name. */
  private void inlineResult(String at, Function f) {
    String name = Names.upperCamel(f.name()) + "Result";
    if (root.path("functions").path(f.name()).path("returns").has("fields") && root.path("models").has(name)) {
      report.accept(at + "/returns", "the inline result of '" + f.name() + "' is the model " + name
          + ", which the spec also declares under models");
    }
  }

  private void params(String at, Function f) {
    for (Param p : f.params()) {
      if (p.wireValues().isEmpty()) continue;
      // writeTo keeps the translated value in a local named <member>Wire, which would hide such a param.
      String local = JavaNames.member(p.name()) + "Wire";
      for (Param q : f.params()) {
        if (JavaNames.member(q.name()).equals(local)) {
          report.accept(at + "/params/" + q.name(), "'" + q.name() + "' clashes with the wire value of '" + p.name() + "'");
        }
      }
    }
    List<String> paths = new ArrayList<>(List.of(f.http().path()));
    f.http().routes().forEach(r -> paths.add(r.path()));
    for (String path : paths) {
      for (String name : Placeholders.in(path)) {
        if (SERVICE_PARAMETERS.contains(JavaNames.member(name))) {
          report.accept(at + "/http", "a path placeholder may not be named {" + name
              + "}: the Retrofit method already has a parameter of that name");
        }
      }
    }
  }

  private void clientBuilder() {
    Map<String, String> members = new HashMap<>();
    for (String kind : List.of("credentials", "settings")) {
      for (String name : kind.equals("credentials") ? spec.credentials().keySet() : spec.settings().keySet()) {
        String at = kind + "/" + name;
        if (!length(at, name)) continue;
        String member = JavaNames.member(name);
        if (CLIENT_BUILDER_MEMBERS.contains(member)) {
          report.accept(at, "'" + name + "' gives the client builder method '" + member + "', which it already has");
        }
        String prior = members.putIfAbsent(member, name);
        if (prior != null) {
          report.accept(at, "'" + name + "' and '" + prior + "' give the same client builder method '" + member + "'");
        }
      }
    }
  }

  /** Each name becomes an accessor; two names may not give one accessor, nor take a member the class has. */
  private void members(String at, List<String> names, Set<String> reserved, String what) {
    Map<String, String> seen = new HashMap<>();
    for (String name : names) {
      String nat = at + "/" + name;
      if (!length(nat, name)) continue;
      String member = JavaNames.member(name);
      if (reserved.contains(member)) {
        report.accept(nat, "a " + what + " may not be named '" + name + "': the generated class uses '" + member
            + "' itself");
      }
      String prior = seen.putIfAbsent(member, name);
      if (prior != null) {
        report.accept(nat, what + "s '" + prior + "' and '" + name + "' give the same Java name '" + member + "'");
      }
    }
  }

  private String claim(Map<String, String> classes, String className, String owner) {
    return classes.putIfAbsent(className.toLowerCase(Locale.ROOT), owner);
  }

  private boolean length(String at, String name) {
    if (name.length() <= MAX_NAME) return true;
    report.accept(at, "name of " + name.length() + " characters; at most " + MAX_NAME + " are allowed");
    return false;
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> out = new HashSet<>(a);
    out.addAll(b);
    return Set.copyOf(out);
  }
}
