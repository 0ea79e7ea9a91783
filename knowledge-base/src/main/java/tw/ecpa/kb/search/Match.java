package tw.ecpa.kb.search;

import java.util.List;
import java.util.function.Function;

/**
 * What a free-text question means to the knowledge base, after the confidence model has decided.
 *
 * <p>Three outcomes: sure enough to answer; close to two or three nodes, so ask "did you mean";
 * or nothing fits well enough, with whatever came near.
 */
public sealed interface Match {

  /** Confident: answer with {@code best}; {@code others} are the next-ranked nodes. */
  record Answer(Candidate best, List<Candidate> others) implements Match {
    public Answer {
      others = List.copyOf(others);
    }
  }

  /** Not sure: offer these two or three candidates, best first, with 以上皆非. */
  record Suggest(List<Candidate> candidates) implements Match {
    public Suggest {
      candidates = List.copyOf(candidates);
    }
  }

  /** Nothing fits; {@code near} holds up to three weak candidates worth offering (may be empty). */
  record NoMatch(List<Candidate> near) implements Match {
    public NoMatch {
      near = List.copyOf(near);
    }
  }

  /** Applies the function that matches this outcome. */
  default <R> R fold(
      Function<Answer, R> answer, Function<Suggest, R> suggest, Function<NoMatch, R> noMatch) {
    if (this instanceof Answer a) {
      return answer.apply(a);
    }
    return this instanceof Suggest s ? suggest.apply(s) : noMatch.apply((NoMatch) this);
  }
}
