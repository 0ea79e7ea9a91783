package tw.ecpa.kb.search;

import tw.ecpa.kb.search.lucene.ChineseAnalysis;

/**
 * The tunable parts of a question index: analysis variant, how scores are fused, and the
 * confidence thresholds. {@link #defaults()} is the configuration chosen by measurement.
 *
 * @param analysis how Chinese text is cut into Lucene terms
 * @param soundWeight weight of pinyin-bigram matches relative to character matches (0 disables)
 * @param classifierWeight share of the intent classifier in the fused confidence (0 = Lucene
 *     alone, 1 = classifier alone)
 * @param hintWeight confidence added to the nodes a synonym group names when the question mentions
 *     the group (an explicit 火狐 points at the Firefox answer however the rest is worded); 0 disables
 * @param answerAt confidence from which the best candidate is answered
 * @param margin how far the best must be ahead of the runner-up to be answered
 * @param suggestAt confidence from which candidates are suggested
 * @param floor confidence a candidate needs to be offered at all
 * @param trainingBudget bound on GIS work (examples × nodes × iterations) so large trees train fast
 * @param meaning how the meaning-level signal (sentence embeddings) joins, when the index has one
 * @param calibration with the meaning-level signal, the model that ranks candidates by how likely each
 *     is the answer (the thresholds then apply to that probability, and of {@code meaning} only the
 *     embedding shortcut, the clause weight and the clear lead take part); {@code null} fuses the
 *     signals by {@code meaning}'s weights
 */
public record SearchSettings(
    ChineseAnalysis analysis,
    double soundWeight,
    double classifierWeight,
    double hintWeight,
    double answerAt,
    double margin,
    double suggestAt,
    double floor,
    long trainingBudget,
    Meaning meaning,
    Calibration calibration) {

  /**
   * How sentence embeddings join the lexical confidence.
   *
   * @param weight share of the meaning signal in the fused confidence (0 turns it off)
   * @param floor cosine at or below which a phrasing counts as unrelated (maps to 0)
   * @param ceiling cosine at or above which a phrasing counts as the same question (maps to 1)
   * @param sureAt lexical confidence from which, with {@code sureMargin} over the runner-up, the
   *     question is answered without embedding it
   * @param sureMargin the lead the lexical best needs to skip the embedding
   * @param clauseWeight how much a long message's best sentence or clause counts, lexically, against
   *     the whole message (0 takes the message whole)
   * @param outOfScopeLead how much closer than every phrasing a question must be to one of the knowledge
   *     base's out-of-scope examples to be taken as out of scope (its confidences are then halved); a
   *     large value turns the rule off
   * @param exactWeight confidence added to the node whose own keyword (one no other node has: 解密失敗,
   *     an error code) the question contains word for word, shared when it names several: an exact
   *     error text outweighs sentences that merely sound alike
   * @param clearLead a lead over the runner-up that answers a best candidate already at the suggestion
   *     threshold, rather than hiding it behind a did-you-mean
   */
  public record Meaning(double weight, double floor, double ceiling, double sureAt, double sureMargin,
      double clauseWeight, double outOfScopeLead, double exactWeight, double clearLead) {

    public Meaning {
      if (weight < 0 || weight > 1 || !(floor < ceiling)) {
        throw new IllegalArgumentException("need 0 <= weight <= 1 and floor < ceiling");
      }
    }

    /** The signal turned off. */
    public static final Meaning OFF = new Meaning(0, 0, 1, 1, 1, 0, 9, 0, 9);

    /** Whether the signal takes part. */
    public boolean on() {
      return weight > 0;
    }

    /** A cosine as a score in [0, 1]. */
    public double score(double cosine) {
      return Math.max(0, Math.min(1, (cosine - floor) / (ceiling - floor)));
    }
  }

  public SearchSettings {
    if (classifierWeight < 0 || classifierWeight > 1) {
      throw new IllegalArgumentException("classifierWeight must be in [0, 1]: " + classifierWeight);
    }
    if (!(floor <= suggestAt && suggestAt <= answerAt)) {
      throw new IllegalArgumentException("need floor <= suggestAt <= answerAt");
    }
    if (soundWeight < 0 || hintWeight < 0 || margin < 0 || trainingBudget < 0) {
      throw new IllegalArgumentException("weights, margin and budget must not be negative");
    }
  }

  /**
   * The configuration chosen by measurement: the signals of {@link #fused()}, ranked and decided by the
   * shipped {@link Calibration} (a logistic model fitted on the validation and calibration sets,
   * thresholds swept there for the best utility; see {@code SEARCH.md}).
   */
  public static SearchSettings defaults() {
    return lexical().withMeaning(new Meaning(0.6, 0.55, 0.95, 0.9, 0.4, 0.8, 0, 0.2, 9))
        .withCalibration(Calibration.shipped());
  }

  /**
   * The previous round's configuration, kept for comparison: the lexical configuration of
   * {@link #lexical()} (0.4) fused with sentence embeddings (0.6, cosines from 0.55 to 0.95 mapped onto
   * 0 to 1), a long message's best clause counting 0.8 of a whole question, and the question embedded
   * unless the lexical best is at 0.9 and 0.4 ahead; 0.2 for the node whose own keyword the question
   * contains word for word; confidences halved when the question is closer to one of the knowledge
   * base's out-of-scope examples than to any phrasing; a best candidate at the suggestion threshold and
   * 0.1 ahead is answered.
   */
  public static SearchSettings fused() {
    return lexical().withThresholds(0.700, 0.02, 0.600, 0.12)
        .withMeaning(new Meaning(0.6, 0.55, 0.95, 0.9, 0.4, 0.8, 0, 0.2, 0.1));
  }

  /**
   * The chosen configuration without the meaning-level signal, with the thresholds calibrated for it:
   * character bigrams and single characters plus pinyin bigrams (weight 0.5), fused with the maxent
   * classifier at a 0.6 share, and 0.1 for the nodes a mentioned synonym group names.
   */
  public static SearchSettings lexical() {
    return new SearchSettings(ChineseAnalysis.BIGRAMS_UNIGRAMS, 0.5, 0.6, 0.1, 0.275, 0.08, 0.225, 0.12,
        400_000_000L, Meaning.OFF, null);
  }

  /** These settings with another analysis variant. */
  public SearchSettings withAnalysis(ChineseAnalysis value) {
    return new SearchSettings(value, soundWeight, classifierWeight, hintWeight, answerAt, margin, suggestAt, floor,
        trainingBudget, meaning, calibration);
  }

  /** These settings with another pinyin weight. */
  public SearchSettings withSoundWeight(double value) {
    return new SearchSettings(analysis, value, classifierWeight, hintWeight, answerAt, margin, suggestAt, floor,
        trainingBudget, meaning, calibration);
  }

  /** These settings with another classifier share. */
  public SearchSettings withClassifierWeight(double value) {
    return new SearchSettings(analysis, soundWeight, value, hintWeight, answerAt, margin, suggestAt, floor,
        trainingBudget, meaning, calibration);
  }

  /** These settings with another synonym-group hint weight. */
  public SearchSettings withHintWeight(double value) {
    return new SearchSettings(analysis, soundWeight, classifierWeight, value, answerAt, margin, suggestAt, floor,
        trainingBudget, meaning, calibration);
  }

  /** These settings with other thresholds. */
  public SearchSettings withThresholds(double answer, double gap, double suggest, double least) {
    return new SearchSettings(analysis, soundWeight, classifierWeight, hintWeight, answer, gap, suggest, least,
        trainingBudget, meaning, calibration);
  }

  /** These settings ranked and decided by a calibration (its thresholds with it), or fused by weights with {@code null}. */
  public SearchSettings withCalibration(Calibration value) {
    SearchSettings s = new SearchSettings(analysis, soundWeight, classifierWeight, hintWeight, answerAt, margin,
        suggestAt, floor, trainingBudget, meaning, value);
    if (value == null) {
      return s;
    }
    Meaning m = meaning;
    return s.withThresholds(value.answerAt(), value.margin(), value.suggestAt(), value.floor())
        .withMeaning(new Meaning(m.weight(), m.floor(), m.ceiling(), m.sureAt(), m.sureMargin(), m.clauseWeight(),
            m.outOfScopeLead(), m.exactWeight(), value.clearLead()));
  }

  /** Whether candidates are ranked by a calibration rather than fused by weights. */
  public boolean calibrated() {
    return calibration != null && meaning.on();
  }

  /** These settings with another way for the meaning signal to join. */
  public SearchSettings withMeaning(Meaning value) {
    return new SearchSettings(analysis, soundWeight, classifierWeight, hintWeight, answerAt, margin, suggestAt, floor,
        trainingBudget, value, calibration);
  }
}
