package dev.specloom.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.squareup.moshi.Moshi;
import dev.specloom.codegen.emit.java.JavaNames;
import dev.specloom.codegen.load.SpecLoader;
import dev.specloom.model.Function;
import dev.specloom.model.Spec;
import dev.specloom.sandbox.Exchange;
import dev.specloom.sandbox.OfflineSandbox;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URLClassLoader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The Java and HTTP tabs of the generated site, run as the page shows them: every Java example (and each page's
 * client set-up) is compiled with javac against the SDKs and called with a client pointed at the offline
 * sandbox; every curl line is run by the real curl binary through bash, with the credentials' environment
 * variables set and only the documented API root replaced by the sandbox's. Both must reach the documented
 * function and get a 2xx answer, and the request curl sends must be the one the Java example sent (method,
 * path, query and body, compared as data). The Lua tab is the spec's examples, run by sdk-lua-bindings'
 * SpecExamplesTest.
 */
class SiteExamplesTest {
  static final Path SITE = Path.of("target/site");
  static final Path CLASSES = Path.of("target/site-examples");
  static final List<String> PROVIDERS = List.of("stripe", "chartmogul", "chargeover");
  static final Pattern PRE = Pattern.compile(
      "<pre data-example=\"(lua|java|http|java-setup)\" data-provider=\"(\\w+)\"(?: data-function=\"(\\w+)\")?([^>]*)><code[^>]*>(.*?)</code></pre>",
      Pattern.DOTALL);
  static final Pattern API_ROOT = Pattern.compile("data-api-root=\"([^\"]+)\"");
  static final Map<String, Spec> SPECS = new LinkedHashMap<>();
  /** provider → tab → function → code, in page order. */
  static final Map<String, Map<String, Map<String, String>>> EXAMPLES = new LinkedHashMap<>();
  static final Map<String, String> API_ROOTS = new LinkedHashMap<>();
  static final Map<String, Request> JAVA_SENT = new TreeMap<>();
  static OfflineSandbox sandbox;
  static ClassLoader compiled;

  record Request(String method, String path, Map<String, List<String>> query, Object body) {}

  @BeforeAll
  static void readSiteAndCompile() throws Exception {
    for (String provider : PROVIDERS) {
      SPECS.put(provider, SpecLoader.load(Path.of("..", "specs", provider + ".yaml")));
      String html = Files.readString(SITE.resolve(provider + ".html"));
      Map<String, Map<String, String>> tabs = new LinkedHashMap<>();
      Matcher m = PRE.matcher(html);
      while (m.find()) {
        String function = m.group(3) == null ? "" : m.group(3);
        tabs.computeIfAbsent(m.group(1), k -> new LinkedHashMap<>()).put(function, unescape(m.group(5)));
        Matcher root = API_ROOT.matcher(m.group(4));
        if (root.find()) API_ROOTS.put(provider, unescape(root.group(1)));
      }
      EXAMPLES.put(provider, tabs);
    }
    Files.createDirectories(CLASSES);
    List<Path> sources = new ArrayList<>();
    for (String provider : PROVIDERS) sources.add(source(provider));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    List<String> args = new ArrayList<>(List.of("-d", CLASSES.toString(), "-cp", System.getProperty("java.class.path"),
        "--release", "17", "-Xlint:none"));
    sources.forEach(s -> args.add(s.toString()));
    java.io.ByteArrayOutputStream errors = new java.io.ByteArrayOutputStream();
    int rc = javac.run(null, errors, errors, args.toArray(String[]::new));
    assertEquals(0, rc, "the site's Java examples do not compile:\n" + errors);
    compiled = new URLClassLoader(new java.net.URL[] {CLASSES.toUri().toURL()}, SiteExamplesTest.class.getClassLoader());
    sandbox = OfflineSandbox.start(PROVIDERS, Clock.fixed(Instant.parse("2025-03-15T12:00:00Z"), ZoneOffset.UTC));
  }

  @AfterAll
  static void stop() {
    if (sandbox != null) sandbox.close();
  }

  /** One class per provider: a static method per function holding its Java tab, and the page's set-up. */
  static Path source(String provider) throws Exception {
    Spec spec = SPECS.get(provider);
    String client = new JavaNames(spec).client().simpleName();
    String variable = JavaNames.member(provider);
    StringBuilder java = new StringBuilder("package examples;\n\nimport dev.specloom.").append(provider).append(".*;\n")
        .append("import dev.specloom.").append(provider).append(".model.*;\nimport java.util.List;\nimport java.util.Map;\n\n")
        .append("public final class ").append(className(provider)).append(" {\n")
        .append("  public static Object setup() {\n").append(EXAMPLES.get(provider).get("java-setup").get(""))
        .append("    return ").append(variable).append(";\n  }\n");
    for (Map.Entry<String, String> e : EXAMPLES.get(provider).get("java").entrySet()) {
      java.append("\n  public static void ").append(e.getKey()).append('(').append(client).append(' ').append(variable)
          .append(") {\n").append(e.getValue()).append("  }\n");
    }
    Path file = CLASSES.resolve("src/examples/" + className(provider) + ".java");
    Files.createDirectories(file.getParent());
    Files.writeString(file, java.append("}\n").toString());
    return file;
  }

  static String className(String provider) {
    return dev.specloom.model.Names.upperCamel(provider) + "Examples";
  }

  @Test
  void everyFunctionHasALuaJavaAndHttpExampleOnItsPage() {
    StringBuilder counts = new StringBuilder("site examples per tab:");
    int[] total = new int[3];
    for (String provider : PROVIDERS) {
      List<String> functions = SPECS.get(provider).functions().stream().map(Function::name).toList();
      Map<String, Map<String, String>> tabs = EXAMPLES.get(provider);
      for (String tab : List.of("lua", "java", "http")) {
        assertEquals(functions, List.copyOf(tabs.get(tab).keySet()), provider + ": the " + tab + " tab of every function");
      }
      assertNotNull(API_ROOTS.get(provider), provider + ": the HTTP tab names its API root");
      counts.append(' ').append(provider).append(" lua=").append(tabs.get("lua").size()).append(" java=")
          .append(tabs.get("java").size()).append(" http=").append(tabs.get("http").size()).append(';');
      total[0] += tabs.get("lua").size();
      total[1] += tabs.get("java").size();
      total[2] += tabs.get("http").size();
    }
    System.out.println(counts.append(" total lua=").append(total[0]).append(" java=").append(total[1]).append(" http=").append(total[2]));
  }

  @Test
  void everyJavadocLinkReachesAPageAndAnchorOfTheCopiedJavadoc() throws Exception {
    Pattern link = Pattern.compile("href=\"(javadoc/[^\"#]+)(?:#([^\"]+))?\"");
    int links = 0;
    for (String provider : PROVIDERS) {
      Matcher m = link.matcher(Files.readString(SITE.resolve(provider + ".html")));
      while (m.find()) {
        Path page = SITE.resolve(m.group(1));
        assertTrue(Files.isRegularFile(page), provider + ".html links to missing " + m.group(1));
        if (m.group(2) != null) {
          assertTrue(Files.readString(page).contains("id=\"" + unescape(m.group(2)) + "\""), m.group(1) + " has no #" + m.group(2));
        }
        links++;
      }
    }
    assertEquals(2 * SPECS.values().stream().mapToInt(s -> s.functions().size()).sum(), links, "a builder and a method per function");
  }

  @TestFactory
  Stream<DynamicTest> javaThenCurl() {
    List<DynamicTest> tests = new ArrayList<>();
    for (String provider : PROVIDERS) {
      for (String function : EXAMPLES.get(provider).get("java").keySet()) {
        tests.add(DynamicTest.dynamicTest(provider + "." + function, () -> {
          Request java = runJava(provider, function);
          Request curl = runCurl(provider, function);
          assertEquals(java, curl, provider + "." + function + ": curl sent another request than the Java example");
        }));
      }
    }
    return tests.stream();
  }

  static Request runJava(String provider, String function) throws Exception {
    sandbox.reset();
    sandbox.prepareFor(provider, function);
    Method example = compiled.loadClass("examples." + className(provider)).getMethod(function, clientClass(provider));
    try {
      example.invoke(null, client(provider));
    } catch (InvocationTargetException e) {
      throw new AssertionError(provider + "." + function + ": the Java example failed: " + e.getCause(), e.getCause());
    }
    return sent(provider, function, "Java");
  }

  static Request runCurl(String provider, String function) throws Exception {
    sandbox.reset();
    sandbox.prepareFor(provider, function);
    String shown = EXAMPLES.get(provider).get("http").get(function);
    String root = API_ROOTS.get(provider);
    assertTrue(shown.contains(root), shown);
    String command = shown.strip().replace(root, sandbox.baseUrl(provider)) + " -sS -o /dev/null -w '%{http_code}'";
    ProcessBuilder pb = new ProcessBuilder("bash", "-c", command).redirectErrorStream(true);
    for (String credential : SPECS.get(provider).credentials().keySet()) {
      pb.environment().put((provider + "_" + credential).toUpperCase(java.util.Locale.ROOT), "test_" + credential);
    }
    Process p = pb.start();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "curl did not finish: " + command);
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.exitValue(), provider + "." + function + ": curl failed: " + out + "\n" + command);
    assertTrue(out.matches("2\\d\\d"), provider + "." + function + ": curl got HTTP " + out + "\n" + command);
    return sent(provider, function, "curl");
  }

  /** The request that reached the documented function (two functions may share a route), as data. */
  static Request sent(String provider, String function, String who) {
    List<Exchange> journal = sandbox.journal(provider);
    assertFalse(journal.isEmpty(), provider + "." + function + ": the " + who + " example called nothing");
    Function f = SPECS.get(provider).function(function).orElseThrow();
    Exchange e = journal.get(0);
    assertEquals(1, journal.size(), who + " example of " + provider + "." + function + " made more than one call: " + journal);
    assertTrue(e.status() >= 200 && e.status() < 300, who + " example of " + provider + "." + function + ": " + e);
    if (!f.http().raw()) {
      Function reached = SPECS.get(provider).function(String.valueOf(e.function())).orElseThrow();
      assertTrue(reached.http().method().equals(f.http().method()) && reached.http().path().equals(f.http().path()),
          who + " example of " + function + " reached " + e.function());
    }
    int q = e.target().indexOf('?');
    Map<String, List<String>> query = new TreeMap<>();
    if (q >= 0) {
      for (String pair : e.target().substring(q + 1).split("&")) {
        int eq = pair.indexOf('=');
        query.computeIfAbsent(decode(pair.substring(0, eq)), k -> new ArrayList<>()).add(decode(pair.substring(eq + 1)));
      }
    }
    return new Request(e.method(), q < 0 ? e.target() : e.target().substring(0, q), query, body(e.body()));
  }

  /** A JSON body as a tree, a form body as sorted pairs; an empty body and {} are both "nothing sent". */
  static Object body(String body) throws RuntimeException {
    String b = body.strip();
    if (b.isEmpty() || b.equals("{}")) return Map.of();
    if (b.startsWith("{") || b.startsWith("[")) {
      try {
        return new Moshi.Builder().build().adapter(Object.class).fromJson(b);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
    Map<String, List<String>> form = new TreeMap<>();
    for (String pair : b.split("&")) {
      int eq = pair.indexOf('=');
      form.computeIfAbsent(decode(pair.substring(0, eq)), k -> new ArrayList<>()).add(decode(pair.substring(eq + 1)));
    }
    return form;
  }

  static Class<?> clientClass(String provider) throws ClassNotFoundException {
    return Class.forName(new JavaNames(SPECS.get(provider)).client().canonicalName());
  }

  /** A client as the page's set-up builds it, with every credential set and the sandbox as its API root. */
  static Object client(String provider) throws Exception {
    Spec spec = SPECS.get(provider);
    Object builder = clientClass(provider).getMethod("builder").invoke(null);
    for (String credential : spec.auth().get(0).credentials()) {
      Method set = builder.getClass().getMethod(JavaNames.member(credential), String.class);
      builder = set.invoke(builder, "test_" + credential);
    }
    builder = builder.getClass().getMethod("baseUrl", String.class).invoke(builder, sandbox.baseUrl(provider));
    return builder.getClass().getMethod("build").invoke(builder);
  }

  static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }

  static String unescape(String html) {
    return html.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&");
  }
}
