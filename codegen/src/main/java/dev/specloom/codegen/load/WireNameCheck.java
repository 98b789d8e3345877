package dev.specloom.codegen.load;

import dev.specloom.model.Function;
import dev.specloom.model.Param;
import dev.specloom.model.Spec;
import dev.specloom.model.WireName;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Bracketed wire names nest ({@code items[0][price]}): two params of one function may not need one key to hold
 * both a value and an object ({@code items} next to {@code items[0][price]}), nor both a list and an object
 * ({@code a[0]} next to {@code a[b]}); the request could not be built. Nor may a bracket be left open.
 */
final class WireNameCheck {
  private final Spec spec;
  private final BiConsumer<String, String> report;

  WireNameCheck(Spec spec, BiConsumer<String, String> report) {
    this.spec = spec;
    this.report = report;
  }

  void run() {
    for (Function f : spec.functions()) {
      if (f.http().raw()) continue;
      if (!f.params().stream().allMatch(p -> wellFormed(f, p))) continue;
      for (Param.Location in : List.of(Param.Location.QUERY, Param.Location.BODY)) {
        List<Param> params = f.params().stream().filter(p -> p.in() == in).toList();
        for (int i = 0; i < params.size(); i++) {
          for (int j = 0; j < i; j++) clash("functions/" + f.name() + "/params/" + params.get(i).name(), params.get(j), params.get(i));
        }
      }
    }
  }

  private boolean wellFormed(Function f, Param p) {
    try {
      WireName.parse(p.wire());
      return true;
    } catch (IllegalArgumentException e) {
      report.accept("functions/" + f.name() + "/params/" + p.name(), e.getMessage());
      return false;
    }
  }

  private void clash(String at, Param first, Param second) {
    List<String> a = WireName.parse(first.wire()).segments();
    List<String> b = WireName.parse(second.wire()).segments();
    if (a.equals(b)) return; // the same wire name: reported (or joined, for templates) by SemanticCheck
    int k = 0;
    while (k < a.size() && k < b.size() && a.get(k).equals(b.get(k))) k++;
    if (k == a.size() || k == b.size()) {
      report.accept(at, "wire name '" + second.wire() + "' and '" + first.wire() + "' of '" + first.name()
          + "' need one key to hold both a value and an object");
    } else if (k > 0 && WireName.isIndex(a.get(k)) != WireName.isIndex(b.get(k))) {
      report.accept(at, "wire name '" + second.wire() + "' and '" + first.wire() + "' of '" + first.name()
          + "' need one key to hold both a list and an object");
    }
  }
}
