package dev.specloom.model.simulator;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the offline simulator of one provider runs: the wire protocol (API root path, body encoding, the credentials
 * it checks for, request id header), the models under their wire names, every function's route, params and paging,
 * and the spec's {@code sandbox:} section. The generator writes it as JSON ({@link RecordTrees}); the simulator reads
 * only this, never the YAML.
 */
public record Descriptor(
    String provider,
    String basePath,
    Encoding encoding,
    List<Credentials> auth,
    Optional<String> requestIdHeader,
    Map<String, Map<String, Field>> models,
    List<Operation> functions,
    Sandbox sandbox) {

  /** The resource a descriptor lives at on the classpath. */
  public static String resource(String provider) {
    return "dev/specloom/sandbox/" + provider + ".sandbox.json";
  }

  public enum Encoding { FORM, JSON }

  /** The form of an {@code Authorization} header the simulator accepts: Basic user:password, or a bearer token. */
  public enum Credentials { BASIC, BEARER }

  /** A model field: its name on the wire and its type as the spec spells it ({@code list<Customer>}). */
  public record Field(String wire, String type) {}

  /**
   * One function as it travels. {@code query}: fixed query values it always sends, which tell it from others on its
   * path; {@code returnsFrom}: the dot path its result sits at in the answer.
   */
  public record Operation(
      String name,
      String method,
      List<String> paths,
      Optional<String> bodyRoot,
      List<Param> params,
      Map<String, String> query,
      Optional<Paging> pagination,
      String returns,
      Optional<String> returnsFrom) {

    public Optional<Param> param(String name) {
      return params.stream().filter(p -> p.name().equals(name)).findFirst();
    }
  }

  public enum Location { PATH, QUERY, BODY, HEADER, CLIENT }

  /** {@code template}: a param sent inside a clause ({@code status:EQUALS:{}}); {@code defaultValue}: a JSON value. */
  public record Param(String name, String wire, Location in, boolean required, Optional<String> template,
      Optional<Object> defaultValue) {}

  /**
   * How a list pages, by the spec's pagination style: {@code items} is the result field with the page's items,
   * {@code limitParam} the param with the page size, {@code hasMoreField} the result field that says more follow.
   */
  public sealed interface Paging {
    String items();

    Optional<String> limitParam();

    Optional<String> hasMoreField();
  }

  /** The cursor is the field {@code cursorField} of the last item of the previous page. */
  public record CursorAfterLast(String items, Optional<String> limitParam, Optional<String> hasMoreField,
      String cursorParam, String cursorField) implements Paging {}

  /** The cursor is an opaque token the answer carries in {@code cursorField}. */
  public record CursorToken(String items, Optional<String> limitParam, Optional<String> hasMoreField,
      String cursorParam, String cursorField) implements Paging {}

  /** Page numbers from 1, in {@code pageParam}. */
  public record Page(String items, Optional<String> limitParam, Optional<String> hasMoreField, String pageParam)
      implements Paging {}

  /** An offset, sent as {@code offsetWire}. */
  public record Offset(String items, Optional<String> limitParam, Optional<String> hasMoreField, String offsetWire)
      implements Paging {}
}
