package dev.specloom.runtime;

import okhttp3.OkHttpClient;

/** One connection pool and dispatcher for every client that was not handed its own OkHttpClient. */
final class SharedHttp {
  static final OkHttpClient CLIENT = new OkHttpClient();

  private SharedHttp() {}
}
