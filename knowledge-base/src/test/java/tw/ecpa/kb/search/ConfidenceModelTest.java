package tw.ecpa.kb.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.List;
import java.util.Set;
import java.util.function.BiPredicate;
import org.junit.jupiter.api.Test;

class ConfidenceModelTest {

  private final SearchSettings settings = SearchSettings.lexical().withThresholds(0.5, 0.1, 0.3, 0.15);

  @Test
  void decide_confidentAndAhead_answers() {
    Match m = ConfidenceModel.decide(List.of(new Candidate("a", 0.8), new Candidate("b", 0.4)), settings);
    Match.Answer answer = assertInstanceOf(Match.Answer.class, m);
    assertEquals("a", answer.best().nodeId());
    assertEquals(List.of(new Candidate("b", 0.4)), answer.others());
  }

  @Test
  void decide_confidentButRunnerUpClose_suggests() {
    Match m = ConfidenceModel.decide(List.of(
        new Candidate("a", 0.8), new Candidate("b", 0.75), new Candidate("c", 0.5), new Candidate("d", 0.4)),
        settings);
    assertEquals(3, assertInstanceOf(Match.Suggest.class, m).candidates().size());
  }

  @Test
  void decide_betweenThresholdsWithWeakRunnerUp_suggestsTwo() {
    Match m = ConfidenceModel.decide(List.of(new Candidate("a", 0.35), new Candidate("b", 0.05)), settings);
    assertEquals(2, assertInstanceOf(Match.Suggest.class, m).candidates().size());
  }

  @Test
  void decide_withTheMeaningSignal_aBestAtTheSuggestionThresholdAndClearlyAhead_isAnswered() {
    SearchSettings meaning = SearchSettings.defaults().withThresholds(0.5, 0.02, 0.3, 0.15);
    double lead = meaning.meaning().clearLead();

    assertInstanceOf(Match.Answer.class, ConfidenceModel.decide(
        List.of(new Candidate("a", 0.35), new Candidate("b", 0.35 - lead - 0.01)), meaning));
    assertInstanceOf(Match.Suggest.class, ConfidenceModel.decide(
        List.of(new Candidate("a", 0.35), new Candidate("b", 0.35 - lead + 0.01)), meaning));
  }

  @Test
  void decide_withAnAnswerModel_itDecidesWhetherToAnswer_andTheThresholdsStillDecideWhatIsSuggested() {
    // A model that answers when at least two of the three signals rank the best first, whatever its probability.
    double[] weights = new double[AnswerModel.NAMES.size()];
    double[] ones = new double[AnswerModel.NAMES.size()];
    java.util.Arrays.fill(ones, 1);
    weights[AnswerModel.NAMES.indexOf("agreement")] = 10;
    AnswerModel model = new AnswerModel(new double[AnswerModel.NAMES.size()], ones, weights, -5, 0.5);
    SearchSettings calibrated = SearchSettings.defaults();
    calibrated = calibrated.withCalibration(calibrated.calibration().withAnswer(model));
    // Above the suggestion threshold, below the answer threshold, and close to the runner-up.
    double best = calibrated.suggestAt() + 0.01;
    List<Candidate> close = List.of(new Candidate("a", best), new Candidate("b", best - 0.05));

    assertInstanceOf(Match.Answer.class, ConfidenceModel.decide(
        new Ranking(close, evidence(1, 1, 0.5), 20), calibrated, (x, y) -> false));
    assertInstanceOf(Match.Suggest.class, ConfidenceModel.decide(
        new Ranking(close, evidence(1, 0.5, 0.5), 20), calibrated, (x, y) -> false));
    // Ranked by the words alone (no features), the thresholds decide as before.
    assertInstanceOf(Match.Suggest.class, ConfidenceModel.decide(Ranking.of(close), calibrated, (x, y) -> false));
  }

  /** A best candidate's features with the given rank features (1 is first place) for the three signals. */
  private static double[] evidence(double lexicalRank, double cosineRank, double nodeWordsRank) {
    double[] x = new double[CandidateFeatures.NAMES.size()];
    x[CandidateFeatures.NAMES.indexOf("lexicalRank")] = lexicalRank;
    x[CandidateFeatures.NAMES.indexOf("cosineRank")] = cosineRank;
    x[CandidateFeatures.NAMES.indexOf("nodeWordsRank")] = nodeWordsRank;
    return x;
  }

  @Test
  void decide_weakBest_noMatchWithNearCandidatesAboveFloor() {
    Match m = ConfidenceModel.decide(List.of(new Candidate("a", 0.25), new Candidate("b", 0.1)), settings);
    assertEquals(List.of(new Candidate("a", 0.25)), assertInstanceOf(Match.NoMatch.class, m).near());
  }

  @Test
  void decide_nothingRanked_noMatchWithoutCandidates() {
    assertEquals(new Match.NoMatch(List.of()), ConfidenceModel.decide(List.of(), settings));
  }

  @Test
  void decide_runnerUpIsTheMenuOfferingTheBest_answersTheBestAgainstTheNextOther() {
    List<Candidate> ranked = List.of(
        new Candidate("moica.first-login", 0.8), new Candidate("menu.moica", 0.75), new Candidate("mobile.usage", 0.5));
    BiPredicate<String, String> offers = (a, b) -> Set.of(a, b).equals(Set.of("menu.moica", "moica.first-login"));
    Match.Answer answer = assertInstanceOf(Match.Answer.class, ConfidenceModel.decide(ranked, settings, offers));
    assertEquals("moica.first-login", answer.best().nodeId());
    assertInstanceOf(Match.Suggest.class, ConfidenceModel.decide(ranked, settings, (a, b) -> false),
        "unrelated nodes that close still compete");
  }
}
