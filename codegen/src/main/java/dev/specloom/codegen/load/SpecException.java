package dev.specloom.codegen.load;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown when one or more specs are invalid; carries every problem found, sorted by place. */
public final class SpecException extends Exception {
  private static final long serialVersionUID = 1L;
  private final transient List<SpecProblem> problems;

  public SpecException(List<SpecProblem> problems) {
    super(problems.stream().sorted().map(SpecProblem::toString).collect(Collectors.joining("\n")));
    this.problems = problems.stream().sorted().toList();
  }

  public List<SpecProblem> problems() {
    return problems;
  }
}
