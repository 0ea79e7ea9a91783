package tw.ecpa.kb.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The calibrated decision: the shipped model, its file, and the features it weighs. */
class CalibrationTest {

  private static QuestionIndex index;
  private static CandidateFeatures features;

  @BeforeAll
  static void build() {
    index = QuestionIndex.build(TestKnowledgeBase.load(), SearchSettings.lexical().withClassifierWeight(0));
    features = index.features();
  }

  @AfterAll
  static void close() {
    index.close();
  }

  @Test
  void theShippedCalibration_weighsTheFeaturesInOrder_andKeepsItsThresholdsInRange() {
    Calibration c = Calibration.shipped();
    assertEquals(CandidateFeatures.NAMES, c.features());
    assertTrue(c.floor() <= c.suggestAt() && c.suggestAt() <= c.answerAt() && c.answerAt() < 1, c.toString());
    assertTrue(SearchSettings.defaults().calibrated());
    assertFalse(SearchSettings.lexical().calibrated());
  }

  @Test
  void aCandidateAheadOnBothSignals_isLikelierTheAnswer_thanOneBehindOnBoth() {
    Calibration c = Calibration.shipped();
    double[] ahead = {0.8, 0.5, 0.92, 0.08, 1, 1, 0, -0.2, 0, 0.1, 0, 0.9, 0, 0.6, 0.3, 1};
    double[] behind = {0.2, -0.6, 0.75, -0.17, 0.25, 0.25, 0, -0.2, 0, 0.1, 0, 0.9, 0, 0.2, -0.4, 0.25};
    double[] outOfScope = {0.8, 0.5, 0.92, 0.08, 1, 1, 0, 0.1, 0, 0.6, 1, 0.2, 1, 0.6, 0.3, 1};
    assertTrue(c.probability(ahead) > c.answerAt(), "ahead " + c.probability(ahead));
    assertTrue(c.probability(behind) < c.suggestAt(), "behind " + c.probability(behind));
    assertTrue(c.probability(outOfScope) < c.probability(ahead), "a question closer to an out-of-scope example");
  }

  @Test
  void aCalibrationFile_roundTrips_andOneForOtherFeatures_isRefused() throws Exception {
    Calibration c = Calibration.shipped();
    ObjectMapper json = new ObjectMapper();
    Calibration back = Calibration.parse(json.readTree(c.toJson()));
    assertEquals(c.probability(new double[CandidateFeatures.NAMES.size()]), back.probability(new double[CandidateFeatures.NAMES.size()]), 1e-12);
    assertEquals(c.answerAt(), back.answerAt());
    // With a question-level answer model, that round-trips too.
    int n = AnswerModel.NAMES.size();
    double[] ones = new double[n];
    java.util.Arrays.fill(ones, 1);
    Calibration withModel = c.withAnswer(new AnswerModel(new double[n], ones, ones, -2, 0.7));
    Calibration modelBack = Calibration.parse(json.readTree(withModel.toJson()));
    assertNotNull(modelBack.answer());
    double[] q = new double[n];
    q[0] = 0.5;
    assertEquals(withModel.answer().probability(q), modelBack.answer().probability(q), 1e-12);
    assertEquals(0.7, modelBack.answer().answerAt());
    assertThrows(IllegalArgumentException.class, () -> new Calibration(List.of("lexical"), new double[1],
        new double[1], new double[1], 0, 0.5, 0, 0.3, 0.1, 9, null, ""));
    assertThrows(IllegalArgumentException.class, () -> new AnswerModel(new double[1], new double[1], new double[1], 0, 0.5));
  }

  @Test
  void fitting_findsWhatSeparatesRightFromWrongCandidates() {
    Random random = new Random(7);
    List<double[]> x = new ArrayList<>();
    List<Integer> y = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      double[] row = new double[CandidateFeatures.NAMES.size()];
      for (int j = 0; j < row.length; j++) {
        row[j] = random.nextDouble();
      }
      // Only the cosine decides here; the fit must weigh it far above the noise.
      y.add(row[2] > 0.5 ? 1 : 0);
      x.add(row);
    }
    Calibration c = CalibrationFit.fit(x, y, "synthetic");
    for (int j = 0; j < c.weights().length; j++) {
      if (j != 2) {
        assertTrue(Math.abs(c.weights()[j]) < Math.abs(c.weights()[2]) / 4, CandidateFeatures.NAMES.get(j));
      }
    }
    assertTrue(c.weights()[2] > 0);
  }

  @Test
  void wordsTheKnowledgeBaseNeverUses_andForeignNames_areNoticed() {
    assertEquals(0, features.unknownShare("忘記密碼"), 1e-9);
    assertTrue(features.unknownShare("明天台北會下雨嗎") > 0.8);
    assertTrue(features.mentionsForeignName("Outlook 收不到信"));
    assertTrue(features.mentionsForeignName("How do I reset my Gmail password?"));
    assertFalse(features.mentionsForeignName("Chrome 封鎖了視窗"), "a browser the knowledge base names");
    assertFalse(features.mentionsForeignName("How do I install HiCOS?"), "an English sentence's first word");
    assertTrue(features.namesOutsideTerm("網路銀行的密碼忘了"));
    assertFalse(features.namesOutsideTerm("忘記密碼"));
  }

  @Test
  void candidates_areTheBestOfEachSignal_withTheirStandingAgainstTheBest() {
    Map<String, Double> lexical = Map.of("account.forgot-password", 0.7, "account.change-password", 0.3);
    Map<String, Double> cosines = Map.of("account.forgot-password", 0.9, "account.change-password", 0.8,
        "portal.contact", 0.6, "menu.main", 0.5);
    List<CandidateFeatures.Featured> f = features.of("忘記密碼", "忘記密碼", lexical, cosines, 0.7,
        Set.of("account.forgot-password"), 0.9);
    assertTrue(f.size() >= 4, "every candidate of the lexical and the meaning signals");
    double[] best = f.stream().filter(c -> c.nodeId().equals("account.forgot-password")).findFirst().orElseThrow().x();
    assertEquals(0.7 - 0.3, best[1], 1e-9);
    assertEquals(1, best[6], 1e-9);
    assertEquals(0.7 - 0.9, best[7], 1e-9);
    double[] menu = f.stream().filter(c -> c.nodeId().equals("menu.main")).findFirst().orElseThrow().x();
    assertEquals(1, menu[8], 1e-9);
    assertEquals(-0.7, menu[1], 1e-9);
    // The node whose phrasings say 忘記密碼 leads the per-node index, and the menu is behind it.
    assertEquals(1, best[15], 1e-9);
    assertTrue(best[13] > 0.5 && best[14] > 0, "node words " + best[13] + ", lead " + best[14]);
    assertTrue(menu[13] < best[13]);
  }
}
