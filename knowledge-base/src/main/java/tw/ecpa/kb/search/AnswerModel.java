package tw.ecpa.kb.search;

import java.util.ArrayList;
import java.util.List;

/**
 * A logistic model, over a whole question, of how likely its best candidate is the right answer: what
 * decides between answering and a did-you-mean once {@link Calibration} has ranked the candidates. It
 * weighs the best candidate's probability and its lead over the runner-up, as the fixed thresholds did,
 * with what made that probability: how far the lexical, meaning-level and per-node signals agree on the
 * best, how many others are close, how long the message is, and the best candidate's own features. So a
 * best at 0.62 that all three signals rank first can be answered, while one at 0.8 that only the words
 * favour, in a question the scope probe doubts, is offered as a suggestion. Fitted by {@code
 * CalibrationFit} (test scope) on the same sets as the calibration, its threshold swept as theirs were.
 *
 * @param mean each feature's mean on the fitting set, in the order of {@link #NAMES}
 * @param scale each feature's standard deviation on the fitting set
 * @param weights each standardized feature's weight
 * @param bias the intercept
 * @param answerAt the probability from which the best candidate is answered
 */
public record AnswerModel(double[] mean, double[] scale, double[] weights, double bias, double answerAt) {

  /** The question-level features, then the best candidate's own ({@link CandidateFeatures#NAMES}). */
  static final List<String> NAMES = names();

  /** A candidate this probable counts as close to the best. */
  private static final double CLOSE = 0.2;
  /** The rank feature of a signal's first place ({@code 1 / (1 + 0)}). */
  private static final double FIRST = 1.0;

  public AnswerModel {
    if (mean.length != NAMES.size() || scale.length != NAMES.size() || weights.length != NAMES.size()) {
      throw new IllegalArgumentException("the answer model needs one mean, scale and weight per feature " + NAMES);
    }
    mean = mean.clone();
    scale = scale.clone();
    weights = weights.clone();
  }

  private static List<String> names() {
    List<String> out = new ArrayList<>(List.of("best", "bestLogit", "lead", "logitLead", "agreement", "close",
        "length"));
    CandidateFeatures.NAMES.forEach(n -> out.add("best." + n));
    return List.copyOf(out);
  }

  /**
   * The features of a decision.
   *
   * @param ranked the candidates, best first, with their probabilities
   * @param runnerUp the runner-up's probability (the best that is not a menu offering the best, or its option)
   * @param evidence the best candidate's features ({@link CandidateFeatures#NAMES})
   * @param length the message's length in characters
   */
  static double[] features(List<Candidate> ranked, double runnerUp, double[] evidence, int length) {
    double best = ranked.get(0).confidence();
    int lexicalRank = CandidateFeatures.NAMES.indexOf("lexicalRank");
    int cosineRank = CandidateFeatures.NAMES.indexOf("cosineRank");
    int nodeWordsRank = CandidateFeatures.NAMES.indexOf("nodeWordsRank");
    double agreement = ((evidence[lexicalRank] >= FIRST ? 1 : 0) + (evidence[cosineRank] >= FIRST ? 1 : 0)
        + (evidence[nodeWordsRank] >= FIRST ? 1 : 0)) / 3.0;
    long close = ranked.stream().skip(1).filter(c -> c.confidence() >= CLOSE).count();
    double[] x = new double[NAMES.size()];
    x[0] = best;
    x[1] = logit(best);
    x[2] = best - runnerUp;
    x[3] = logit(best) - logit(runnerUp);
    x[4] = agreement;
    x[5] = close;
    x[6] = Math.min(3, length / 50.0);
    System.arraycopy(evidence, 0, x, 7, evidence.length);
    return x;
  }

  private static double logit(double p) {
    double q = Math.min(Math.max(p, 1e-6), 1 - 1e-6);
    return Math.log(q / (1 - q));
  }

  /** The probability that the best candidate of a question with these features is right. */
  double probability(double[] x) {
    double z = bias;
    for (int i = 0; i < weights.length; i++) {
      z += weights[i] * (x[i] - mean[i]) / scale[i];
    }
    return 1 / (1 + Math.exp(-z));
  }

  /** Whether to answer with the best candidate. */
  boolean answers(double[] x) {
    return probability(x) >= answerAt;
  }

  /** This model with another threshold (the fit sweeps it). */
  AnswerModel withAnswerAt(double value) {
    return new AnswerModel(mean, scale, weights, bias, value);
  }
}
