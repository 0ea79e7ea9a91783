package tw.ecpa.kb.search;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tw.ecpa.kb.search.SearchSettings.Meaning;
import tw.ecpa.kb.search.embedding.BgeSmallZh;
import tw.ecpa.kb.search.embedding.Semantics;
import tw.ecpa.kb.search.embedding.VectorCache;
import tw.ecpa.kb.tree.KnowledgeBase;
import tw.ecpa.kb.tree.json.KnowledgeBaseLoader;

/**
 * Fits the shipped {@link Calibration}: a logistic regression (L2, Newton's method) of "this
 * candidate is a right answer" on the candidates of the committed validation and calibration sets
 * (out-of-scope questions give only wrong candidates), and on the fresh batches of earlier rounds
 * named by {@code -Dharness.fit=a.jsonl,b.jsonl} (never the batch that is to measure the result); then
 * the thresholds swept on the same sets for the best {@link SearchEvaluation#utility()}. Prints each
 * set's result and writes the JSON.
 *
 * <p>Run from {@code knowledge-base/} like {@link SearchHarness}: {@code java -cp ...
 * tw.ecpa.kb.search.CalibrationFit src/main/resources/tw/ecpa/kb/search/calibration.json}
 * ({@code -Dharness.sets=a.jsonl,b.jsonl} reports more sets, never fitted on).
 */
public final class CalibrationFit {

  private static final double L2 = 2.0;
  private static final double OUT_OF_SCOPE_SHARE = 0.03;

  private CalibrationFit() {}

  public static void main(String[] args) throws Exception {
    KnowledgeBase kb = KnowledgeBaseLoader.shipped().orThrow();
    Semantics semantics = Semantics.of(BgeSmallZh.shared(), VectorCache.in(Path.of("target/embedding-cache")));
    EvalSet fitting = EvalSet.join("validation+calibration", EvalSet.validation(), EvalSet.calibration());
    for (String file : System.getProperty("harness.fit", "").split(",")) {
      if (!file.isBlank()) {
        Path path = Path.of(file);
        fitting = EvalSet.join(fitting.name() + "+" + path.getFileName(), fitting,
            EvalSet.parse(path.getFileName().toString(), Files.readString(path)));
      }
    }
    SearchSettings base = SearchSettings.fused().withMeaning(new Meaning(0.6, 0.55, 0.95, 0.9, 0.4, 0.8, 0, 0.2, 9));
    String given = System.getProperty("harness.calibration", "");
    Calibration fitted = given.isBlank() ? fitted(kb, semantics, base, fitting)
        : Calibration.parse(new ObjectMapper().readTree(Files.readString(Path.of(given))));
    System.out.println(fitted.toJson());
    if (args.length > 0) {
      Files.writeString(Path.of(args[0]), fitted.toJson() + "\n");
    }
    List<EvalSet> reported = new ArrayList<>(List.of(EvalSet.validation(), EvalSet.calibration(), EvalSet.probe()));
    for (String file : System.getProperty("harness.sets", "").split(",")) {
      if (!file.isBlank()) {
        reported.add(EvalSet.parse(Path.of(file).getFileName().toString(), Files.readString(Path.of(file))));
      }
    }
    try (QuestionIndex index = QuestionIndex.build(kb, base.withCalibration(fitted), semantics)) {
      for (EvalSet set : reported) {
        List<SearchEvaluation.Ranked> ranked = SearchEvaluation.rank(index, set);
        SearchEvaluation e = SearchEvaluation.of(ranked, index.settings());
        System.out.println(set.name() + ": " + e.summary());
        System.out.println("  (thresholds alone: " + SearchEvaluation.of(ranked, index.settings().withCalibration(
            fitted.withAnswer(null))).summary() + ")");
        if (Boolean.getBoolean("harness.misses")) {
          e.misses().forEach(m -> System.out.println("    " + m));
        }
      }
    }
  }

  /** The calibration fitted on a set: candidates, then thresholds, then the answer model. */
  private static Calibration fitted(KnowledgeBase kb, Semantics semantics, SearchSettings base, EvalSet fitting) {
    List<double[]> x = new ArrayList<>();
    List<Integer> y = new ArrayList<>();
    try (QuestionIndex index = QuestionIndex.build(kb, base, semantics)) {
      for (EvalSet.Item item : fitting.items()) {
        for (CandidateFeatures.Featured f : index.featured(item.question())) {
          x.add(f.x());
          y.add(!item.outOfScope() && item.expect().contains(f.nodeId()) ? 1 : 0);
        }
      }
    }
    Calibration fitted = fit(x, y, String.format("%s, %d questions (%d out of scope), %d candidates", fitting.name(),
        fitting.items().size(), fitting.items().stream().filter(EvalSet.Item::outOfScope).count(), x.size()));
    try (QuestionIndex index = QuestionIndex.build(kb, base.withCalibration(fitted), semantics)) {
      List<SearchEvaluation.Ranked> ranked = SearchEvaluation.rank(index, fitting);
      fitted = sweep(ranked, index.settings(), fitted);
      fitted = fitted.withAnswer(answerModel(ranked, index.settings().withCalibration(fitted)));
      System.out.println("fitting set, thresholds alone: " + SearchEvaluation.of(ranked, index.settings().withCalibration(
          fitted.withAnswer(null))).summary());
      System.out.println("fitting set, answer model:     "
          + SearchEvaluation.of(ranked, index.settings().withCalibration(fitted)).summary());
    }
    return fitted;
  }

  /**
   * The thresholds with the best utility on the fitting set, answering at most 3 % of its out-of-scope
   * questions: an answer needs the probability and a lead, or a lower probability and a clear lead.
   */
  static Calibration sweep(List<SearchEvaluation.Ranked> ranked, SearchSettings base, Calibration fitted) {
    long allowed = (long) Math.floor(ranked.stream().filter(r -> r.item().outOfScope()).count() * OUT_OF_SCOPE_SHARE);
    double bestUtility = Double.NEGATIVE_INFINITY;
    Calibration best = fitted;
    for (double answer = 0.30; answer <= 0.95; answer += 0.025) {
      for (double margin = 0; margin <= 0.40; margin += 0.05) {
        for (double suggest = 0.10; suggest <= answer; suggest += 0.025) {
          for (double lead = 0.3; lead <= 0.91; lead += 0.1) {
            Calibration c = fitted.withThresholds(answer, margin, suggest, Math.min(0.12, suggest), lead, fitted.fitted());
            SearchEvaluation e = SearchEvaluation.of(ranked, base.withCalibration(c));
            if (e.outAnswer() <= allowed && e.utility() > bestUtility) {
              bestUtility = e.utility();
              best = c;
            }
          }
        }
      }
    }
    return best;
  }

  /**
   * The question-level answer model: a logistic regression of "the best candidate is right" on each fitting
   * question the calibration ranked (in scope or not), its threshold swept, with the suggestion threshold,
   * for the best utility while answering at most 3 % of the out-of-scope questions.
   */
  static AnswerModel answerModel(List<SearchEvaluation.Ranked> ranked, SearchSettings settings) {
    List<double[]> x = new ArrayList<>();
    List<Integer> y = new ArrayList<>();
    for (SearchEvaluation.Ranked r : ranked) {
      Ranking ranking = r.ranking();
      if (ranking.evidence() == null || ranking.candidates().isEmpty()) {
        continue;
      }
      List<Candidate> c = ranking.candidates();
      x.add(AnswerModel.features(c, ConfidenceModel.runnerUp(c, r.offers()), ranking.evidence(), ranking.length()));
      y.add(!r.item().outOfScope() && r.item().expect().contains(c.get(0).nodeId()) ? 1 : 0);
    }
    Logistic l = logistic(x, y);
    AnswerModel model = new AnswerModel(l.mean(), l.scale(), l.weights(), l.bias(), 0.5);
    long allowed = (long) Math.floor(ranked.stream().filter(r -> r.item().outOfScope()).count() * OUT_OF_SCOPE_SHARE);
    double bestUtility = Double.NEGATIVE_INFINITY;
    AnswerModel best = model;
    for (double at = 0.30; at <= 0.96; at += 0.01) {
      AnswerModel m = model.withAnswerAt(at);
      SearchEvaluation e = SearchEvaluation.of(ranked, settings.withCalibration(settings.calibration().withAnswer(m)));
      if (e.outAnswer() <= allowed && e.utility() > bestUtility) {
        bestUtility = e.utility();
        best = m;
      }
    }
    return best;
  }

  /** Logistic regression on standardized features, by Newton's method with an L2 penalty (not on the bias). */
  static Calibration fit(List<double[]> x, List<Integer> y, String note) {
    Logistic l = logistic(x, y);
    return new Calibration(CandidateFeatures.NAMES, l.mean(), l.scale(), l.weights(), l.bias(), 0.5, 0, 0.3, 0.12, 9,
        null, note);
  }

  /** A fitted logistic regression on standardized features. */
  record Logistic(double[] mean, double[] scale, double[] weights, double bias) {}

  static Logistic logistic(List<double[]> x, List<Integer> y) {
    int n = x.size();
    int d = x.get(0).length;
    double[] mean = new double[d];
    double[] scale = new double[d];
    for (double[] row : x) {
      for (int j = 0; j < d; j++) {
        mean[j] += row[j] / n;
      }
    }
    for (double[] row : x) {
      for (int j = 0; j < d; j++) {
        scale[j] += (row[j] - mean[j]) * (row[j] - mean[j]) / n;
      }
    }
    for (int j = 0; j < d; j++) {
      scale[j] = Math.sqrt(scale[j]) + 1e-9;
    }
    double[][] z = new double[n][d + 1];
    for (int i = 0; i < n; i++) {
      z[i][0] = 1;
      for (int j = 0; j < d; j++) {
        z[i][j + 1] = (x.get(i)[j] - mean[j]) / scale[j];
      }
    }
    double[] w = new double[d + 1];
    for (int iteration = 0; iteration < 50; iteration++) {
      double[] gradient = new double[d + 1];
      double[][] hessian = new double[d + 1][d + 1];
      for (int i = 0; i < n; i++) {
        double s = 0;
        for (int j = 0; j <= d; j++) {
          s += w[j] * z[i][j];
        }
        double p = 1 / (1 + Math.exp(-s));
        for (int j = 0; j <= d; j++) {
          gradient[j] += (p - y.get(i)) * z[i][j];
          for (int k = 0; k <= d; k++) {
            hessian[j][k] += p * (1 - p) * z[i][j] * z[i][k];
          }
        }
      }
      for (int j = 1; j <= d; j++) {
        gradient[j] += L2 * w[j];
        hessian[j][j] += L2;
      }
      double[] step = solve(hessian, gradient);
      double size = 0;
      for (int j = 0; j <= d; j++) {
        w[j] -= step[j];
        size = Math.max(size, Math.abs(step[j]));
      }
      if (size < 1e-8) {
        break;
      }
    }
    double[] weights = new double[d];
    System.arraycopy(w, 1, weights, 0, d);
    return new Logistic(mean, scale, weights, w[0]);
  }

  /** Solves {@code a x = b} by Gaussian elimination with partial pivoting ({@code a} is small and well-conditioned). */
  private static double[] solve(double[][] a, double[] b) {
    int n = b.length;
    double[][] m = new double[n][];
    for (int i = 0; i < n; i++) {
      m[i] = java.util.Arrays.copyOf(a[i], n + 1);
      m[i][n] = b[i];
    }
    for (int c = 0; c < n; c++) {
      int pivot = c;
      for (int r = c + 1; r < n; r++) {
        if (Math.abs(m[r][c]) > Math.abs(m[pivot][c])) {
          pivot = r;
        }
      }
      double[] t = m[c];
      m[c] = m[pivot];
      m[pivot] = t;
      for (int r = c + 1; r < n; r++) {
        double f = m[r][c] / m[c][c];
        for (int k = c; k <= n; k++) {
          m[r][k] -= f * m[c][k];
        }
      }
    }
    double[] out = new double[n];
    for (int r = n - 1; r >= 0; r--) {
      double s = m[r][n];
      for (int k = r + 1; k < n; k++) {
        s -= m[r][k] * out[k];
      }
      out[r] = s / m[r][r];
    }
    return out;
  }
}
