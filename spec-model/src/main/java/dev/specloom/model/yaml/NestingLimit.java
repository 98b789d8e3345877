package dev.specloom.model.yaml;

import java.util.Optional;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.parser.Parser;

/**
 * Stops a YAML document at a nesting depth, as a marked syntax error: the composer builds nodes by recursion,
 * so a deeply nested document would otherwise end in a StackOverflowError. Shared by the spec loader and the
 * accounts-file reader; snakeyaml-engine is theirs to bring (a provided dependency here), so the model's other
 * readers need no YAML parser.
 */
public final class NestingLimit implements Parser {
  private final Parser parser;
  private final int max;
  private int depth;

  public NestingLimit(Parser parser, int max) {
    this.parser = parser;
    this.max = max;
  }

  @Override
  public boolean checkEvent(Event.ID choice) {
    return parser.checkEvent(choice);
  }

  @Override
  public Event peekEvent() {
    return parser.peekEvent();
  }

  @Override
  public boolean hasNext() {
    return parser.hasNext();
  }

  @Override
  public Event next() {
    Event e = parser.next();
    switch (e.getEventId()) {
      case SequenceStart, MappingStart -> {
        if (++depth > max) throw new TooDeep(e, max);
      }
      case SequenceEnd, MappingEnd -> depth--;
      default -> { }
    }
    return e;
  }

  /** The collection that went one level too deep, with its position. */
  public static final class TooDeep extends MarkedYamlEngineException {
    private static final long serialVersionUID = 1L;

    TooDeep(Event e, int max) {
      super("", Optional.empty(), "nested more than " + max + " levels deep", e.getStartMark());
    }
  }
}
