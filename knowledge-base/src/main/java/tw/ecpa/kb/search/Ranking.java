package tw.ecpa.kb.search;

import java.util.List;

/**
 * A question's candidates, best first, with what the decision weighs beyond their probabilities: the
 * best candidate's features and the message's length, when the calibrated path ranked them.
 *
 * @param candidates the candidates, best first
 * @param evidence the best candidate's features ({@link CandidateFeatures#NAMES}), or {@code null} when the
 *     lexical index alone ranked them (no meaning-level signal, or a lexically sure question)
 * @param length the message's length in characters
 */
record Ranking(List<Candidate> candidates, double[] evidence, int length) {

  Ranking {
    candidates = List.copyOf(candidates);
    evidence = evidence == null ? null : evidence.clone();
  }

  /** Candidates ranked without features: the decision uses its thresholds alone. */
  static Ranking of(List<Candidate> candidates) {
    return new Ranking(candidates, null, 0);
  }
}
