package tw.ecpa.kb.search;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;

/**
 * The decision rule that turns ranked candidates into a {@link Match}: answer when the best is
 * confident and clearly ahead of the runner-up (by the calibration's {@link AnswerModel} when it has one), suggest two or three when close, otherwise no match
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
    return decide(Ranking.of(ranked), settings, offers);
  }

  /**
   * Decides on a ranking: with the calibration's answer model and the best candidate's features, that
   * model says whether to answer; otherwise the thresholds do.
   */
  static Match decide(Ranking ranking, SearchSettings settings, BiPredicate<String, String> offers) {
    List<Candidate> ranked = ranking.candidates();
    if (ranked.isEmpty()) {
      return new Match.NoMatch(List.of());
    }
    Candidate best = ranked.get(0);
    double runnerUp = runnerUp(ranked, offers);
    if (answers(ranking, runnerUp, settings)) {
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

  /** The best confidence after the first that is not a menu offering the first, or one of its options. */
  static double runnerUp(List<Candidate> ranked, BiPredicate<String, String> offers) {
    Candidate best = ranked.get(0);
    return ranked.stream().skip(1).filter(c -> !offers.test(best.nodeId(), c.nodeId()))
        .mapToDouble(Candidate::confidence).findFirst().orElse(0);
  }

  private static boolean answers(Ranking ranking, double runnerUp, SearchSettings settings) {
    Candidate best = ranking.candidates().get(0);
    AnswerModel model = settings.calibrated() ? settings.calibration().answer() : null;
    if (model != null && ranking.evidence() != null) {
      return model.answers(AnswerModel.features(ranking.candidates(), runnerUp, ranking.evidence(), ranking.length()));
    }
    double lead = best.confidence() - runnerUp;
    return (best.confidence() >= settings.answerAt() && lead >= settings.margin())
        || (best.confidence() >= settings.suggestAt() && lead >= settings.meaning().clearLead());
  }

  private static List<Candidate> above(List<Candidate> candidates, double floor) {
    return candidates.stream().filter(c -> c.confidence() >= floor).limit(3).toList();
  }
}
