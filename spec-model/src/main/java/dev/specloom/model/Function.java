package dev.specloom.model;

import java.util.List;
import java.util.Optional;

/**
 * One callable operation: the same function in Java, Lua, the docs and OpenAPI. {@code reference} is the
 * provider's documentation of the endpoint.
 */
public record Function(
    String name,
    List<String> aliases,
    Operation operation,
    boolean destructive,
    String group,
    Optional<String> reference,
    String summary,
    String description,
    Http http,
    List<Param> params,
    Optional<Pagination> pagination,
    Returns returns,
    List<Example> examples) {

  public enum Operation { READ, WRITE }

  /**
   * The HTTP call; {@code routes} are other paths taken when a given param is set; {@code query} is sent on
   * every call. A raw call takes its method, path, query, headers and body from params of those names.
   */
  public record Http(String method, String path, List<Route> routes, Optional<String> bodyRoot, boolean raw,
      java.util.Map<String, String> query) {}

  /**
   * A path taken instead when {@code when} is given. {@code emptyOnNotFound}: the path answers 404 when nothing
   * matches (a search), which the SDK turns into an empty page.
   */
  public record Route(String when, String path, boolean emptyOnNotFound) {}

  /** The result type, decoded from {@code from} (a dot path in the body) when present. */
  public record Returns(TypeRef type, Optional<String> from) {}

  public record Example(String title, String lua, String returns) {}

  public boolean isWrite() {
    return operation == Operation.WRITE;
  }

  /** Writes sent as POST carry the provider's idempotency key; GET and DELETE are idempotent already. */
  public boolean takesIdempotencyKey() {
    return isWrite() && http.method().equals("POST");
  }

  public Optional<Param> param(String name) {
    return params.stream().filter(p -> p.name().equals(name)).findFirst();
  }
}
