package dev.specloom.lua;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.specloom.codegen.emit.java.JavaNames;
import dev.specloom.model.constraint.Constraint;
import dev.specloom.lua.bridge.FunctionSpec;
import dev.specloom.lua.bridge.ProviderBinding;
import dev.specloom.model.Names;
import dev.specloom.runtime.testing.WireServer;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Generated bad input for every function of every provider, through both front doors: the Lua argument
 * table (wrong types, missing required keys, out-of-range numbers, unknown keys, huge strings, nested junk,
 * values outside an enum, malformed dates, a non-table argument) and the Java params builders (what the type
 * system lets through: missing required, out of range, outside an enum, malformed dates). Each input starts
 * from a valid call and breaks exactly one thing, so the error must name the function and that key; nothing
 * may reach the loopback server, and no Java detail may reach the script.
 */
class BadInputPropertyTest {
  static final int MAX_STRING = 4096;
  static final List<ProviderBinding> BINDINGS = Bindings.all();
  static final AtomicInteger LUA_TRIED = new AtomicInteger();
  static final AtomicInteger JAVA_TRIED = new AtomicInteger();

  static WireServer server;
  static IntegrationHost host;
  static Map<String, Object> clients;

  /** One function of one provider. */
  record Target(ProviderBinding binding, FunctionSpec fn) {
    String qualified() {
      return binding.provider() + "." + fn.name();
    }

    @Override
    public String toString() {
      return qualified();
    }
  }

  enum Mutation { MISSING, WRONG_TYPE, OUT_OF_RANGE, UNKNOWN_KEY, HUGE_STRING, NESTED_JUNK, BAD_ENUM, BAD_DATE, NOT_A_TABLE }

  /** Java builders are typed: only what a typed value can still get wrong. */
  static final List<Mutation> JAVA = List.of(Mutation.MISSING, Mutation.OUT_OF_RANGE, Mutation.BAD_ENUM, Mutation.BAD_DATE);

  record Case(Target target, Mutation mutation, long seed) {}

  @BeforeContainer
  static void start() {
    server = new WireServer();
    String url = server.url("/");
    host = IntegrationHost.builder().bindings(BINDINGS)
        .account(new Account("stripe", "default", Map.of("api_key", "sk_test_fuzz"), Map.of(), url, WritePolicy.ALLOW))
        .account(new Account("chartmogul", "default", Map.of("api_key", "cm_fuzz"), Map.of(), url, WritePolicy.ALLOW))
        .account(new Account("chargeover", "default", Map.of("public_key", "pub", "private_key", "priv"), Map.of(), url,
            WritePolicy.ALLOW))
        .limits(Limits.DEFAULT.withMaxStringBytes(MAX_STRING))
        .build();
    clients = host.accounts.entrySet().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().get("default").client()));
  }

  @AfterContainer
  static void stop() {
    System.out.printf("bad input: %d Lua argument tables over %d functions and %d Java params over %d functions tried; %d requests sent%n",
        LUA_TRIED.get(), targets().size(), JAVA_TRIED.get(), javaTargets().size(), server.requestCount());
    server.close();
  }

  static List<Target> targets() {
    List<Target> out = new ArrayList<>();
    for (ProviderBinding b : BINDINGS) for (FunctionSpec f : b.functions()) out.add(new Target(b, f));
    return out;
  }

  // ---------------------------------------------------------------- Lua

  @Property(tries = 2500)
  void badLuaArgumentsAreCleanErrorsAndSendNothing(@ForAll("luaCases") Case c) {
    checkLua(c);
  }

  /** Every function meets every mutation that applies to it at least once, whatever the random draws. */
  @Example
  void everyFunctionMeetsEveryApplicableMutation() {
    int before = LUA_TRIED.get();
    for (Target t : targets()) {
      for (Mutation m : applicable(t.fn(), List.of(Mutation.values()))) checkLua(new Case(t, m, t.qualified().hashCode() + m.ordinal()));
    }
    assertTrue(LUA_TRIED.get() - before >= targets().size() * 3, "too few cases: " + (LUA_TRIED.get() - before));
  }

  @Provide
  Arbitrary<Case> luaCases() {
    return cases(List.of(Mutation.values()));
  }

  static Arbitrary<Case> cases(List<Mutation> allowed) {
    return Arbitraries.of(targets()).flatMap(t -> Arbitraries.of(applicable(t.fn(), allowed))
        .flatMap(m -> Arbitraries.longs().map(seed -> new Case(t, m, seed))));
  }

  void checkLua(Case c) {
    LUA_TRIED.incrementAndGet();
    Random random = new Random(c.seed());
    Broken broken = lua(c.target().fn(), c.mutation(), random);
    String script = "local ok, e = pcall(app.integrations." + c.target().binding().provider() + "." + c.target().fn().name()
        + ", " + broken.args() + ")\nprint(ok)\nprint(type(e))\nprint(tostring(e))";
    List<String> printed = Collections.synchronizedList(new ArrayList<>());
    ScriptResult r = host.run(script, "fuzz.lua", printed::add);
    String where = c + " with " + abbreviate(broken.args());
    assertTrue(r.ok(), where + ": " + r.error());
    assertEquals(3, printed.size(), where + ": " + printed);
    assertEquals("false", printed.get(0), where);
    assertEquals("string", printed.get(1), where);
    String error = printed.get(2);
    assertTrue(error.startsWith(c.target().qualified() + ": "), where + ": " + error);
    assertTrue(error.contains(broken.expected()), where + ": expected '" + broken.expected() + "' in: " + error);
    assertNotJavaish(error, where);
    assertEquals(0, server.requestCount(), where + ": a request was sent");
  }

  /** A Lua expression for the argument table and what its error must mention. */
  record Broken(String args, String expected) {}

  static Broken lua(FunctionSpec fn, Mutation m, Random random) {
    if (m == Mutation.NOT_A_TABLE) {
      return new Broken(pick(random, "'customer'", "42", "true", "function() end"), "expects one table argument");
    }
    if (m == Mutation.UNKNOWN_KEY) {
      String key;
      do {
        key = randomName(random);
      } while (names(fn.args()).contains(key));
      return new Broken(table(fn.args(), null, key + " = " + junk(random, 0)), "unknown key '" + key + "'");
    }
    List<Constraint> candidates = fn.args().stream().filter(a -> applies(m, a)).toList();
    Constraint arg = candidates.get(random.nextInt(candidates.size()));
    String key = "'" + arg.name();
    if (m == Mutation.MISSING) return new Broken(table(fn.args(), arg, null), key + "' is required");
    String value = switch (m) {
      case WRONG_TYPE -> wrongType(arg, random);
      case OUT_OF_RANGE -> outOfRange(arg, random);
      case HUGE_STRING -> "string.rep('" + (char) ('a' + random.nextInt(26)) + "', "
          + ((arg.maxLength() != null ? arg.maxLength() : MAX_STRING) + 1 + random.nextInt(1000)) + ")";
      case NESTED_JUNK -> nestedJunk(arg, random);
      case BAD_ENUM -> lit(outside(arg.allowed(), random));
      case BAD_DATE -> lit(pick(random, "2025-13-45", "yesterday", "2025/01/31", "31-01-2025", "2025-01-31T25:00:00Z", "")
          + (random.nextBoolean() ? "" : randomName(random)));
      default -> throw new IllegalStateException(m.name());
    };
    return new Broken(table(fn.args(), arg, arg.name() + " = " + value), key);
  }

  static List<Mutation> applicable(FunctionSpec fn, List<Mutation> allowed) {
    return allowed.stream().filter(m -> m == Mutation.NOT_A_TABLE || m == Mutation.UNKNOWN_KEY
        || fn.args().stream().anyMatch(a -> applies(m, a))).toList();
  }

  static boolean applies(Mutation m, Constraint a) {
    boolean text = a.kind() == Constraint.Kind.STRING || a.kind() == Constraint.Kind.DATE || a.kind() == Constraint.Kind.DATETIME;
    boolean number = a.kind() == Constraint.Kind.INTEGER || a.kind() == Constraint.Kind.NUMBER;
    return switch (m) {
      case MISSING -> a.required() && a.defaultValue() == null;
      case WRONG_TYPE -> true;
      case OUT_OF_RANGE -> number && (a.min() != null || a.max() != null || a.kind() == Constraint.Kind.INTEGER);
      case HUGE_STRING -> text;
      case NESTED_JUNK -> a.kind() == Constraint.Kind.MAP || a.kind() == Constraint.Kind.LIST || a.kind() == Constraint.Kind.MODEL
          || a.kind() == Constraint.Kind.OBJECT;
      case BAD_ENUM -> a.kind() == Constraint.Kind.STRING && !a.allowed().isEmpty();
      case BAD_DATE -> a.kind() == Constraint.Kind.DATE || a.kind() == Constraint.Kind.DATETIME;
      default -> false;
    };
  }

  /** A valid table of the required args, without {@code skip}, plus {@code extra} (a "key = value" entry). */
  static String table(List<Constraint> args, Constraint skip, String extra) {
    List<String> entries = new ArrayList<>();
    for (Constraint a : args) {
      if (a.required() && a != skip) entries.add(a.name() + " = " + valid(a));
    }
    if (extra != null) {
      String name = extra.substring(0, extra.indexOf(" = "));
      entries.removeIf(e -> e.startsWith(name + " = "));
      entries.add(extra);
    }
    return "{ " + String.join(", ", entries) + " }";
  }

  static String valid(Constraint a) {
    return switch (a.kind()) {
      case STRING -> lit(a.allowed().isEmpty() ? "x" : a.allowed().get(0));
      case DATE -> lit("2025-01-31");
      case DATETIME -> lit("2025-01-31T12:00:00Z");
      case INTEGER, NUMBER -> String.valueOf(a.min() != null ? a.min().longValue() : a.max() != null ? Math.min(1, a.max().longValue()) : 1);
      case BOOLEAN -> "true";
      case MAP, LIST, OBJECT -> "{}";
      case MODEL -> table(a.fields(), null, null);
    };
  }

  static String wrongType(Constraint a, Random random) {
    List<String> options = new ArrayList<>(List.of("function() end"));
    if (a.kind() != Constraint.Kind.OBJECT) {
      if (a.kind() != Constraint.Kind.INTEGER && a.kind() != Constraint.Kind.NUMBER) options.add(String.valueOf(random.nextInt(1000) - 500));
      if (a.kind() != Constraint.Kind.BOOLEAN) options.add(random.nextBoolean() ? "true" : "false");
      if (!List.of(Constraint.Kind.MAP, Constraint.Kind.LIST, Constraint.Kind.MODEL).contains(a.kind())) {
        options.add("{ " + junk(random, 1) + " }");
      }
      if (!List.of(Constraint.Kind.STRING, Constraint.Kind.DATE, Constraint.Kind.DATETIME).contains(a.kind())) {
        options.add(lit(String.valueOf(random.nextInt(100))));
      }
    }
    return options.get(random.nextInt(options.size()));
  }

  static String outOfRange(Constraint a, Random random) {
    List<String> options = new ArrayList<>();
    long delta = 1 + random.nextInt(1_000_000);
    if (a.min() != null) options.add(String.valueOf(a.min().longValue() - delta));
    if (a.max() != null) options.add(String.valueOf(a.max().longValue() + delta));
    if (a.kind() == Constraint.Kind.INTEGER) {
      long base = a.min() != null ? a.min().longValue() : 1;
      options.add(base + ".5");
      options.add(random.nextBoolean() ? "1/0" : "-1/0");
    }
    return options.get(random.nextInt(options.size()));
  }

  /** Something wrong inside a table-shaped argument. */
  static String nestedJunk(Constraint a, Random random) {
    return switch (a.kind()) {
      case MAP -> random.nextBoolean() ? "{ [" + (1 + random.nextInt(9)) + "] = 'x' }" : "{ k = " + wrongElement(a.element(), random) + " }";
      case LIST -> random.nextBoolean() ? "{ 1, 2, extra = " + junk(random, 1) + " }" : "{ " + wrongElement(a.element(), random) + " }";
      case MODEL -> {
        String key;
        do {
          key = randomName(random);
        } while (names(a.fields()).contains(key));
        yield table(a.fields(), null, key + " = " + junk(random, 1));
      }
      case OBJECT -> {
        int depth = 18 + random.nextInt(10);
        yield "{ ".repeat(depth) + junk(random, 4) + " }".repeat(depth);
      }
      default -> throw new IllegalStateException(a.kind().name());
    };
  }

  static String wrongElement(Constraint element, Random random) {
    return element.kind() == Constraint.Kind.OBJECT ? "function() end" : wrongType(element, random);
  }

  /** A random, possibly nested, valid Lua value. */
  static String junk(Random random, int depth) {
    return switch (depth > 3 ? random.nextInt(3) : random.nextInt(5)) {
      case 0 -> lit(randomName(random));
      case 1 -> String.valueOf(random.nextInt());
      case 2 -> random.nextBoolean() ? "true" : "1.5e300";
      case 3 -> "{ " + junk(random, depth + 1) + ", " + junk(random, depth + 1) + " }";
      default -> "{ " + randomName(random) + " = " + junk(random, depth + 1) + " }";
    };
  }

  static String outside(List<String> allowed, Random random) {
    String s;
    do {
      s = random.nextBoolean() ? randomName(random).toUpperCase() : allowed.get(random.nextInt(allowed.size())) + " ";
    } while (allowed.contains(s));
    return s;
  }

  static String randomName(Random random) {
    int n = 1 + random.nextInt(12);
    StringBuilder b = new StringBuilder("k");
    for (int i = 0; i < n; i++) b.append("abcdefghijklmnopqrstuvwxyz_0123456789".charAt(random.nextInt(37)));
    return b.toString();
  }

  static String lit(String s) {
    return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }

  @SafeVarargs
  static <T> T pick(Random random, T... options) {
    return options[random.nextInt(options.length)];
  }

  static List<String> names(List<Constraint> args) {
    return args.stream().map(Constraint::name).toList();
  }

  static void assertNotJavaish(String error, String where) {
    for (String bad : List.of("java.", "Exception", "\tat ", "org.luaj", "dev.specloom", "internal error")) {
      assertFalse(error.contains(bad), where + ": Java detail '" + bad + "' in: " + error);
    }
  }

  static String abbreviate(String s) {
    return s.length() <= 300 ? s : s.substring(0, 300) + "...";
  }

  // ---------------------------------------------------------------- Java

  @Property(tries = 2000)
  void badJavaParamsAreRejectedByTheBuilderAndSendNothing(@ForAll("javaCases") Case c) throws Exception {
    JAVA_TRIED.incrementAndGet();
    Target t = c.target();
    Random random = new Random(c.seed());
    List<Constraint> candidates = t.fn().args().stream().filter(a -> javaApplies(c.mutation(), a)).toList();
    Constraint arg = candidates.get(random.nextInt(candidates.size()));
    Class<?> paramsType = paramsType(t);
    Object builder = paramsType.getMethod("builder").invoke(null);
    for (Constraint a : t.fn().args()) {
      if (a.required() && a != arg) set(builder, a, javaValid(a));
    }
    Object bad = switch (c.mutation()) {
      case MISSING -> null;
      case OUT_OF_RANGE -> javaOutOfRange(arg, random);
      case BAD_ENUM -> outside(arg.allowed(), random);
      case BAD_DATE -> pick(random, "2025-13-45", "yesterday", "2025/01/31", "31-01-2025", "2025-01-31T25:00:00Z", "");
      default -> throw new IllegalStateException(c.mutation().name());
    };
    if (bad != null) set(builder, arg, bad);
    String where = c + " with " + arg.name() + " = " + bad;
    Object params;
    try {
      params = builder.getClass().getMethod("build").invoke(builder);
    } catch (InvocationTargetException e) {
      assertTrue(e.getCause() instanceof IllegalArgumentException, where + ": " + e.getCause());
      String message = e.getCause().getMessage();
      assertTrue(message.startsWith(t.qualified() + ": '" + arg.name() + "' "), where + ": " + message);
      assertEquals(0, server.requestCount(), where);
      return;
    }
    // The builder let it through: sending it shows on the server count and fails the property.
    Object client = clients.get(t.binding().provider());
    try {
      client.getClass().getMethod(JavaNames.member(t.fn().name()), paramsType).invoke(client, params);
    } catch (InvocationTargetException sentAndFailed) {
      // The count below is what matters.
    }
    assertEquals(0, server.requestCount(), where + ": the builder accepted it and a request was sent");
  }

  @Provide
  Arbitrary<Case> javaCases() {
    return Arbitraries.of(javaTargets())
        .flatMap(t -> Arbitraries.of(javaMutations(t.fn())).flatMap(m -> Arbitraries.longs().map(seed -> new Case(t, m, seed))));
  }

  /** Functions whose required args are typed scalars, and that have something a typed value can get wrong. */
  static List<Target> javaTargets() {
    return targets().stream().filter(t -> javaReady(t.fn()) && !javaMutations(t.fn()).isEmpty()).toList();
  }

  static List<Mutation> javaMutations(FunctionSpec fn) {
    return JAVA.stream().filter(m -> fn.args().stream().anyMatch(a -> javaApplies(m, a))).toList();
  }

  static boolean javaApplies(Mutation m, Constraint a) {
    return applies(m, a) && scalar(a) && (m != Mutation.OUT_OF_RANGE || a.min() != null || a.max() != null);
  }

  /** Required args this test can fill with a typed value. */
  static boolean javaReady(FunctionSpec fn) {
    return fn.args().stream().filter(Constraint::required).allMatch(BadInputPropertyTest::scalar);
  }

  static boolean scalar(Constraint a) {
    return a.kind() != Constraint.Kind.MAP && a.kind() != Constraint.Kind.LIST && a.kind() != Constraint.Kind.MODEL
        && a.kind() != Constraint.Kind.OBJECT;
  }

  static Class<?> paramsType(Target t) throws ClassNotFoundException {
    String pkg = clients.get(t.binding().provider()).getClass().getPackageName();
    return Class.forName(pkg + "." + Names.upperCamel(t.fn().name()) + "Params");
  }

  static Object javaValid(Constraint a) {
    return switch (a.kind()) {
      case STRING -> a.allowed().isEmpty() ? "x" : a.allowed().get(0);
      case DATE -> "2025-01-31";
      case DATETIME -> "2025-01-31T12:00:00Z";
      case INTEGER -> a.min() != null ? a.min().longValue() : 1L;
      case NUMBER -> a.min() != null ? a.min() : 1.0;
      case BOOLEAN -> true;
      default -> throw new IllegalStateException(a.kind().name());
    };
  }

  static Object javaOutOfRange(Constraint a, Random random) {
    long delta = 1 + random.nextInt(1_000_000);
    boolean below = a.min() != null && (a.max() == null || random.nextBoolean());
    double v = below ? a.min() - delta : a.max() + delta;
    return a.kind() == Constraint.Kind.INTEGER ? (Object) (long) v : (Object) v;
  }

  static void set(Object builder, Constraint a, Object value) throws ReflectiveOperationException {
    String name = JavaNames.member(a.name());
    for (Method m : builder.getClass().getMethods()) {
      if (m.getName().equals(name) && m.getParameterCount() == 1) {
        m.invoke(builder, value);
        return;
      }
    }
    throw new AssertionError(builder.getClass().getName() + " has no setter " + name);
  }
}
