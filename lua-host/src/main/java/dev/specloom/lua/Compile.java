package dev.specloom.lua;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Prototype;

/**
 * Compiles a script with LuaJ's compiler and makes its failures one readable line: LuaJ reports some syntax
 * errors with a token number ("unexpected symbol 286"), a malformed number as a Java NumberFormatException,
 * and a function over its local-variable or upvalue limit as a NullPointerException from its own error path.
 */
final class Compile {
  private static final Pattern UNEXPECTED = Pattern.compile("unexpected symbol (\\d+) \\(.\\)");
  /** LuaJ's tokens from 257 on: the reserved words, then the multi-character symbols and token classes. */
  private static final List<String> TOKENS = List.of("and", "break", "do", "else", "elseif", "end", "false", "for",
      "function", "goto", "if", "in", "local", "nil", "not", "or", "repeat", "return", "then", "true", "until", "while",
      "..", "...", "==", ">=", "<=", "~=", "::", "<eos>", "<number>", "<name>", "<string>");

  private Compile() {}

  /** The script as a function of {@code g}, or a {@link LuaError} whose message says what is wrong and where. */
  static LuaValue load(Globals g, String script, String chunkName) {
    // A UTF-8 byte order mark is not Lua; editors add it.
    String source = script.startsWith("\uFEFF") ? script.substring(1) : script;
    Prototype p;
    try {
      p = g.compilePrototype(new StringReader(source), chunkName);
    } catch (LuaError e) {
      throw new LuaError(readable(e.getMessage()));
    } catch (NumberFormatException e) {
      throw new LuaError(chunkName + ": syntax error: malformed number");
    } catch (NullPointerException e) {
      throw new LuaError(chunkName + ": syntax error: " + limitHit(e));
    } catch (IOException | RuntimeException e) {
      throw new LuaError(chunkName + ": the script cannot be compiled (" + e.getClass().getSimpleName() + ")");
    }
    try {
      return g.loader.load(p, chunkName, g);
    } catch (IOException e) {
      throw new LuaError(chunkName + ": the script cannot be loaded (" + e.getClass().getSimpleName() + ")");
    }
  }

  /** Names the token LuaJ gave as a number. */
  static String readable(String message) {
    Matcher m = UNEXPECTED.matcher(message);
    if (!m.find()) return message;
    int token = Integer.parseInt(m.group(1));
    String what;
    if (token >= 257 && token - 257 < TOKENS.size()) {
      String name = TOKENS.get(token - 257);
      what = name.equals("<eos>") ? "unexpected end of script" : "unexpected '" + name + "'";
    } else if (token > 32 && token < 127) {
      what = "unexpected symbol '" + (char) token + "'";
    } else {
      what = "unexpected character (byte " + token + "; names are ASCII letters, digits and _)";
    }
    return message.substring(0, m.start()) + what + message.substring(m.end());
  }

  /** LuaJ's limit checks fail before they can say which limit: the stack tells. */
  private static String limitHit(NullPointerException e) {
    for (StackTraceElement f : e.getStackTrace()) {
      if (f.getMethodName().equals("new_localvar")) return "a function has more than 200 local variables";
      if (f.getMethodName().equals("newupvalue")) return "a function has more than 255 upvalues";
    }
    return "the script exceeds a limit of the Lua compiler";
  }
}
