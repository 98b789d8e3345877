package dev.specloom.sandbox;

import dev.specloom.model.simulator.Descriptor;
import dev.specloom.model.simulator.Expression;
import dev.specloom.model.simulator.RecordTrees;
import dev.specloom.model.simulator.Sandbox;
import dev.specloom.model.simulator.Template;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One provider's descriptor as the simulator runs it: the spec-model {@link Descriptor} read from
 * {@code dev/specloom/sandbox/<provider>.sandbox.json}, its models' shapes, and every template and condition of its
 * {@code sandbox:} section parsed once, when it is loaded (the generator has already rejected any that does not parse).
 */
final class Simulation {
  private final Descriptor descriptor;
  private final Shapes shapes;
  private final Map<String, Template> defaults = new LinkedHashMap<>();
  private final Map<String, Plan> plans = new LinkedHashMap<>();

  /** A behaviour's templates and conditions, parsed. */
  record Plan(Template set, List<Case> cases, Optional<Template> answer, List<List<Expression>> refusals) {}

  /** A case: {@code when} expressions with the text each must equal, {@code has} expressions that must be set. */
  record Case(Map<Expression, Object> when, List<Expression> has, Template set) {}

  Simulation(Descriptor descriptor) {
    this.descriptor = descriptor;
    this.shapes = new Shapes(descriptor.models());
    descriptor.sandbox().resources().forEach((name, r) -> defaults.put(name, Template.of(r.defaults())));
    descriptor.sandbox().functions().forEach((name, b) -> plans.put(name, new Plan(Template.of(b.set()),
        b.cases().stream().map(Simulation::compile).toList(), b.answer().map(Template::of),
        b.refusals().stream().map(x -> x.conditions().stream().map(Expression::parse).toList()).toList())));
  }

  private static Case compile(Sandbox.Case c) {
    Map<Expression, Object> when = new LinkedHashMap<>();
    c.when().forEach((source, value) -> when.put(Expression.parse(source), value));
    return new Case(when, c.has().stream().map(Expression::parse).toList(), Template.of(c.set()));
  }

  static Simulation load(String provider) {
    String resource = Descriptor.resource(provider);
    try (InputStream in = Simulation.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) throw new IllegalArgumentException("no sandbox descriptor for provider '" + provider + "' on the classpath");
      return new Simulation(RecordTrees.fromTree(Json.read(in), Descriptor.class));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Descriptor descriptor() {
    return descriptor;
  }

  Sandbox sandbox() {
    return descriptor.sandbox();
  }

  Shapes shapes() {
    return shapes;
  }

  Template defaults(Sandbox.Resource r) {
    return defaults.get(r.name());
  }

  Plan plan(String function) {
    return plans.get(function);
  }
}
