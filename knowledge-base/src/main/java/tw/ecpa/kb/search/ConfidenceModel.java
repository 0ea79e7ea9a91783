package tw.ecpa.kb.search;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;

/**
 * The decision rule that turns ranked candidates into a {@link Match}: answer when the best is
 * confident and clearly ahead of the runner-up, suggest two or three when close, otherwise no match
 * with whatever reached the floor. A menu and an answer it offers do not compete: the runner-up is
 * the best candidate that is neither (asked 自然人憑證怎麼登入, the first-login answer is not held
 * back by the certificate menu that leads to it).
 */
final class ConfidenceModel {

  private ConfidenceModel() {}

  /** Decides on candidates ranked best first (at least the top four, when there are that many). */
  static Match decide(List<Candidate> ranked, SearchSettings settings) {
    return decide(ranked, settings, (a, b) -> false);
  }

  /**
   * Decides on candidates ranked best first, where {@code offers} says whether two nodes are a menu
   * and one of its options (either way round).
   */
  static Match decide(List<Candidate> ranked, SearchSettings settings, BiPredicate<String, String> offers) {
    if (ranked.isEmpty()) {
      return new Match.NoMatch(List.of());
    }
    Candidate best = ranked.get(0);
    double runnerUp = ranked.stream().skip(1).filter(c -> !offers.test(best.nodeId(), c.nodeId()))
        .mapToDouble(Candidate::confidence).findFirst().orElse(0);
    double lead = best.confidence() - runnerUp;
    if ((best.confidence() >= settings.answerAt() && lead >= settings.margin())
        || (best.confidence() >= settings.suggestAt() && lead >= settings.meaning().clearLead())) {
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
