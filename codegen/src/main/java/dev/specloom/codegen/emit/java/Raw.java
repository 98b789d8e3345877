package dev.specloom.codegen.emit.java;

import dev.specloom.model.Function;

/**
 * A raw pass-through function (a provider's "api_call"): its method, path, query, headers and body are
 * all params, so it goes through {@code ApiCore.executeRaw} instead of a Retrofit method.
 */
final class Raw {
  private Raw() {}

  static boolean is(Function fn) {
    return fn.http().raw();
  }
}
