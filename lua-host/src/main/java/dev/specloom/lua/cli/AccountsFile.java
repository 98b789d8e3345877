package dev.specloom.lua.cli;

import dev.specloom.lua.Account;
import dev.specloom.lua.OfflineAccounts;
import dev.specloom.lua.WritePolicy;
import dev.specloom.lua.bridge.ProviderBinding;
import dev.specloom.model.AccountKey;
import dev.specloom.model.yaml.NestingLimit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import dev.specloom.runtime.Suggest;
import okhttp3.HttpUrl;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * The CLI's accounts file: provider → account name → keys. Values may name environment variables as
 * {@code ${VAR}}. Besides {@code writes} and {@code base_url}, keys are the provider's credentials and
 * settings as its spec names them; anything else is an error, so a typo is not silently ignored.
 * {@code sandbox: true} points the account at the offline sandbox (no credentials needed; writes allowed
 * unless {@code writes} says otherwise).
 */
final class AccountsFile {
  private static final Pattern ENV = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");
  /** Far more than any set of accounts needs; checked before the file is read. */
  static final long MAX_BYTES = 1L << 20;
  /** The file nests three levels (provider, account, key); deeper is a mistake, and very deep overflows the stack. */
  static final int MAX_DEPTH = 8;

  private AccountsFile() {}

  static List<Account> read(Path file, Map<String, ProviderBinding> bindings, Function<String, String> env,
      Function<String, String> sandboxUrl) throws IOException {
    long size = Files.size(file);
    if (size > MAX_BYTES) {
      throw new IllegalArgumentException(file + ": the file is " + size + " bytes; an accounts file may be at most "
          + MAX_BYTES + " bytes (1 MiB)");
    }
    String text = Utf8.decode(Files.readAllBytes(file), file.toString());
    LoadSettings yamlSettings = LoadSettings.builder().setLabel(file.toString()).build();
    Object root;
    try {
      root = new Load(yamlSettings) {
        @Override
        protected Composer createComposer(String yaml) {
          return new Composer(yamlSettings,
              new NestingLimit(new ParserImpl(yamlSettings, new StreamReader(yamlSettings, yaml)), MAX_DEPTH));
        }
      }.loadFromString(text);
    } catch (MarkedYamlEngineException e) {
      // The parser's own message quotes the offending line, which may hold a secret: keep only its place.
      Mark m = e.getProblemMark().orElse(null);
      throw new IllegalArgumentException(file + (m == null ? "" : ":" + (m.getLine() + 1) + ":" + (m.getColumn() + 1))
          + ": YAML syntax error: " + e.getProblem());
    } catch (YamlEngineException e) {
      throw new IllegalArgumentException(file + ": not valid YAML");
    }
    List<Account> out = new ArrayList<>();
    if (root == null) return out;
    for (Map.Entry<String, Object> p : map(root, file.toString()).entrySet()) {
      String provider = p.getKey();
      ProviderBinding binding = bindings.get(provider);
      if (binding == null) {
        throw new IllegalArgumentException(file + ": unknown provider " + Suggest.quoted(provider)
            + Suggest.didYouMean(provider, bindings.keySet()) + "; providers: " + bindings.keySet());
      }
      TreeSet<String> keys = new TreeSet<>(binding.credentials());
      keys.addAll(binding.credentialAliases().keySet());
      keys.addAll(binding.settings());
      for (AccountKey k : AccountKey.values()) keys.add(k.key());
      for (Map.Entry<String, Object> a : map(p.getValue(), provider).entrySet()) {
        String where = provider + "." + a.getKey();
        Map<String, String> credentials = new LinkedHashMap<>();
        Map<String, String> settings = new LinkedHashMap<>();
        String baseUrl = null;
        WritePolicy writes = null;
        Integer maxRetries = null;
        Duration timeout = null;
        boolean sandbox = false;
        for (Map.Entry<String, Object> kv : map(a.getValue(), where).entrySet()) {
          if (!keys.contains(kv.getKey())) {
            throw new IllegalArgumentException(file + ": " + where + ": unknown key " + Suggest.quoted(kv.getKey())
                + Suggest.didYouMean(kv.getKey(), keys) + "; keys: " + keys);
          }
          String key = file + ": " + where + "." + kv.getKey();
          if (kv.getValue() instanceof Map<?, ?> || kv.getValue() instanceof List<?>) {
            throw new IllegalArgumentException(key + " must be a single value, not a "
                + (kv.getValue() instanceof Map<?, ?> ? "mapping" : "list"));
          }
          if (kv.getValue() == null || String.valueOf(kv.getValue()).isBlank()) {
            throw new IllegalArgumentException(key + " is empty");
          }
          String value = interpolate(String.valueOf(kv.getValue()), key, env);
          switch (kv.getKey()) {
            case "writes" -> writes = writes(value, key);
            case "base_url" -> baseUrl = url(value, key);
            case "max_retries" -> maxRetries = count(where + ".max_retries", value, AccountKey.MAX_RETRIES_LIMIT);
            case "timeout_seconds" -> timeout = Duration.ofSeconds(count(where + ".timeout_seconds", value,
                AccountKey.TIMEOUT_LIMIT_SECONDS));
            case "sandbox" -> sandbox = sandboxFlag(value, file + ": " + where + ".sandbox");
            default -> {
              if (binding.settings().contains(kv.getKey())) {
                settings.put(kv.getKey(), value);
              } else {
                String name = binding.credentialAliases().getOrDefault(kv.getKey(), kv.getKey());
                if (credentials.put(name, value) != null) {
                  throw new IllegalArgumentException(file + ": " + where + "." + kv.getKey() + ": credential '" + name
                      + "' is given twice (once under another name)");
                }
              }
            }
          }
        }
        if (timeout != null && timeout.isZero()) throw new IllegalArgumentException(file + ": " + where + ".timeout_seconds must be at least 1");
        if (sandbox) {
          if (baseUrl != null || !credentials.isEmpty() || !settings.isEmpty() || maxRetries != null || timeout != null) {
            throw new IllegalArgumentException(file + ": " + where + ": a sandbox account takes only 'writes'");
          }
          out.add(OfflineAccounts.account(binding, a.getKey(), sandboxUrl.apply(provider), writes == null ? WritePolicy.ALLOW : writes));
        } else {
          out.add(new Account(provider, a.getKey(), credentials, settings, baseUrl, writes, maxRetries, timeout));
        }
      }
    }
    return out;
  }

  /** A whole number within [0, max]; the message never quotes the value (it may come from the environment). */
  private static int count(String where, String value, int max) {
    try {
      int n = Integer.parseInt(value.trim());
      if (n >= 0 && n <= max) return n;
    } catch (NumberFormatException notANumber) {
      // reported below
    }
    throw new IllegalArgumentException(where + " must be a whole number from 0 to " + max);
  }

  private static WritePolicy writes(String value, String where) {
    try {
      return WritePolicy.parse(value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(where + " must be allow, ask or deny");
    }
  }

  /** An http(s) URL; the message never quotes the value (it may come from the environment). */
  private static String url(String value, String where) {
    if (HttpUrl.parse(value) == null) throw new IllegalArgumentException(where + " must be an http or https URL");
    return value;
  }

  private static boolean sandboxFlag(String value, String where) {
    if (value.equals("true") || value.equals("false")) return Boolean.parseBoolean(value);
    throw new IllegalArgumentException(where + " must be true or false");
  }

  private static String interpolate(String value, String where, Function<String, String> env) {
    Matcher m = ENV.matcher(value);
    StringBuilder b = new StringBuilder();
    while (m.find()) {
      String v = env.apply(m.group(1));
      if (v == null) throw new IllegalArgumentException(where + ": environment variable " + m.group(1) + " is not set");
      // An empty key would be sent as one, and fail far from here.
      if (v.isBlank()) throw new IllegalArgumentException(where + ": environment variable " + m.group(1) + " is empty");
      m.appendReplacement(b, Matcher.quoteReplacement(v));
    }
    return m.appendTail(b).toString();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object node, String where) {
    if (!(node instanceof Map<?, ?> m)) throw new IllegalArgumentException(where + ": expected a mapping");
    return (Map<String, Object>) m;
  }
}
