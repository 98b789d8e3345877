package dev.specloom.model;

import dev.specloom.model.simulator.Sandbox;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One provider, as declared by its YAML file and checked by the loader. Immutable. {@code credentialAliases}
 * maps other names an accounts file may use to the credential they stand for.
 */
public record Spec(
    String provider,
    String title,
    String summary,
    String sourceFile,
    List<DocSection> docs,
    List<BaseUrl> baseUrls,
    Map<String, String> settings,
    Map<String, String> settingPatterns,
    Map<String, String> credentials,
    Map<String, String> credentialAliases,
    List<AuthScheme> auth,
    Map<String, String> headers,
    BodyEncoding requestEncoding,
    Optional<String> idempotencyHeader,
    Optional<String> requestIdHeader,
    List<Integer> retryStatuses,
    ErrorPaths errors,
    Optional<Envelope> envelope,
    Map<String, Model> models,
    List<Function> functions,
    List<Workflow> workflows,
    Optional<Sandbox> sandbox) {

  public enum BodyEncoding { FORM, JSON }

  /** A script that combines several functions, shown in the docs and run as a doc test. */
  public record Workflow(String title, String lua) {}

  /** A titled Markdown section of the reference. */
  public record DocSection(String title, String markdown) {}

  /** An API root, taken when every setting in {@code when} is set. */
  public record BaseUrl(List<String> when, String url) {}

  /** Candidate dot paths, in order, for each part of an error body. */
  public record ErrorPaths(List<String> code, List<String> type, List<String> message, List<String> param) {}

  /**
   * A 2xx body whose status field says whether the call failed; a failure's status code and message are read from
   * {@code codePath} and {@code messagePath} when given.
   */
  public record Envelope(String statusPath, String okValue, Optional<String> codePath, Optional<String> messagePath) {}

  public Optional<Function> function(String name) {
    return functions.stream().filter(f -> f.name().equals(name)).findFirst();
  }
}
