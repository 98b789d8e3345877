package dev.specloom.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The paging facts of a spec's list functions, worked out once (in the manner of Smithy's {@code PaginatedIndex}):
 * the result field that holds a page's items and their type, the page-size param, and for offset paging the page
 * param that goes on the wire as an offset instead of itself.
 */
public final class PaginatedIndex {
  private final Map<String, Paged> byFunction = new LinkedHashMap<>();

  private PaginatedIndex(Spec spec) {
    for (Function f : spec.functions()) {
      f.pagination().ifPresent(pg -> byFunction.put(f.name(), paged(spec, f, pg)));
    }
  }

  public static PaginatedIndex of(Spec spec) {
    return new PaginatedIndex(spec);
  }

  /**
   * One paged function. {@code items} is the field of the result model holding a page's items, {@code itemType}
   * their element type; {@code pageSize} the param that sets how many come per page, when the spec names one.
   */
  public record Paged(Function function, Pagination pagination, Field items, TypeRef itemType, Optional<Param> pageSize) {

    /** Offset paging: the page param, sent as {@code offsetWire = (page - 1) * limit} instead of itself. */
    public Optional<Param> offsetPage() {
      if (pagination.style() != Pagination.Style.OFFSET || pagination.offsetWire().isEmpty()) return Optional.empty();
      return pagination.pageParam().flatMap(function::param);
    }

    /** Whether {@code p} goes on the wire as the offset rather than under its own name. */
    public boolean sendsAsOffset(Param p) {
      return offsetPage().map(o -> o.name().equals(p.name())).orElse(false);
    }
  }

  public Optional<Paged> of(Function f) {
    return Optional.ofNullable(byFunction.get(f.name()));
  }

  /** Every paged function, in spec order. */
  public List<Paged> all() {
    return List.copyOf(byFunction.values());
  }

  /** Whether {@code p} of {@code f} goes on the wire as an offset rather than under its own name. */
  public boolean sendsAsOffset(Function f, Param p) {
    return of(f).map(pg -> pg.sendsAsOffset(p)).orElse(false);
  }

  private static Paged paged(Spec spec, Function f, Pagination pg) {
    Model page = spec.models().get(((TypeRef.ModelRef) f.returns().type()).name());
    Field items = page.fields().stream().filter(x -> x.name().equals(pg.items())).findFirst().orElseThrow();
    return new Paged(f, pg, items, ((TypeRef.ListOf) items.type()).element(), pg.limitParam().flatMap(f::param));
  }
}
