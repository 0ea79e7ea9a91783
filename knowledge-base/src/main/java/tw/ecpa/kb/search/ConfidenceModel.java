package tw.ecpa.kb.search;

import java.util.ArrayList;
import java.util.List;

/**
 * The decision rule that turns ranked candidates into a {@link Match}: answer when the best is
 * confident and clearly ahead of the runner-up, suggest two or three when close, otherwise no match
 * with whatever reached the floor.
 */
final class ConfidenceModel {

  private ConfidenceModel() {}

  /** Decides on candidates ranked best first (at least the top four, when there are that many). */
  static Match decide(List<Candidate> ranked, SearchSettings settings) {
    if (ranked.isEmpty()) {
      return new Match.NoMatch(List.of());
    }
    Candidate best = ranked.get(0);
    double runnerUp = ranked.size() > 1 ? ranked.get(1).confidence() : 0;
    if (best.confidence() >= settings.answerAt()
        && best.confidence() - runnerUp >= settings.margin()) {
      return new Match.Answer(best, above(ranked.subList(1, ranked.size()), settings.floor()));
    }
    if (best.confidence() >= settings.suggestAt() && ranked.size() > 1) {
      List<Candidate> offered = new ArrayList<>(above(ranked, settings.floor()));
      if (offered.size() < 2) {
        offered = List.of(best, ranked.get(1));
      }
      return new Match.Suggest(offered);
    }
    return new Match.NoMatch(above(ranked, settings.floor()));
  }

  private static List<Candidate> above(List<Candidate> candidates, double floor) {
    return candidates.stream().filter(c -> c.confidence() >= floor).limit(3).toList();
  }
}
