package tw.ecpa.kb.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class QuestionIndexTest {

  private static QuestionIndex index;

  @BeforeAll
  static void build() {
    index = QuestionIndex.build(TestKnowledgeBase.load());
  }

  @AfterAll
  static void close() {
    index.close();
  }

  private static String answered(String question) {
    Match match = index.match(question);
    return match.fold(a -> a.best().nodeId(), s -> "suggest:" + s.candidates(), n -> "nomatch:" + n.near());
  }

  @ParameterizedTest
  @CsvSource({
      "忘記密碼, account.forgot-password",
      "我忘記密碼了怎麼辦, account.forgot-password",
      "憑證讀取失敗, moica.error.read-failure",
      "HiCOS元件要去哪裡下載, moica.hicos-install",
      "客服電話, portal.contact"})
  void match_plainQuestion_answersNode(String question, String expected) {
    assertEquals(expected, answered(question));
  }

  @ParameterizedTest
  @CsvSource({
      "忘計密碼, account.forgot-password",
      "平證讀取失敗, moica.error.read-failure",
      "建保卡註冊, nhi.register"})
  void match_sameSoundTypo_answersIntendedNode(String question, String expected) {
    assertEquals(expected, answered(question));
  }

  @ParameterizedTest
  @CsvSource({
      "自然人凭证读取失败, moica.error.read-failure",
      "健保卡怎么注册, nhi.register",
      "forgot password, account.forgot-password",
      "Chrome 彈跳視窗被擋, browser.popup.chrome",
      "ＨｉＣＯＳ 安裝, moica.hicos-install"})
  void match_simplifiedEnglishOrFullWidth_answersNode(String question, String expected) {
    assertEquals(expected, answered(question));
  }

  @Test
  void rank_questionNamingASynonymGroup_liftsExactlyTheNodesTheGroupNames() {
    String question = "popup 設定";
    try (QuestionIndex plain = QuestionIndex.build(TestKnowledgeBase.load(), index.settings().withHintWeight(0))) {
      Map<String, Double> with = confidences(index, question);
      Map<String, Double> without = confidences(plain, question);
      double hint = index.settings().hintWeight();
      assertEquals(without.getOrDefault("browser.popup.chrome", 0.0) + hint, with.get("browser.popup.chrome"), 1e-9);
      without.forEach((id, confidence) -> {
        if (!id.equals("browser.popup.chrome")) {
          assertEquals(confidence, with.get(id), 1e-9, id);
        }
      });
    }
  }

  private static Map<String, Double> confidences(QuestionIndex on, String question) {
    Map<String, Double> out = new HashMap<>();
    on.rank(question, 1000).forEach(c -> out.put(c.nodeId(), c.confidence()));
    return out;
  }

  @ParameterizedTest
  @ValueSource(strings = {"今天午餐吃什麼", "請問高鐵時刻表", "天氣如何", "我要請假", "年終獎金何時發", "", "？？"})
  void match_outOfDomain_noMatch(String question) {
    assertInstanceOf(Match.NoMatch.class, index.match(question), answered(question));
  }

  @Test
  void rank_anyQuestion_bestFirstWithinLimitAndCalibrated() {
    List<Candidate> ranked = index.rank("密碼", 3);
    assertFalse(ranked.isEmpty());
    assertTrue(ranked.size() <= 3);
    for (int i = 0; i < ranked.size(); i++) {
      double c = ranked.get(i).confidence();
      assertTrue(c >= 0 && c <= 1, "confidence in [0, 1]: " + c);
      if (i > 0) {
        assertTrue(ranked.get(i - 1).confidence() >= c, "best first");
      }
    }
  }

  @Test
  void rank_ambiguousWord_bothPasswordNodesOnTop() {
    List<String> top = index.rank("密碼", 2).stream().map(Candidate::nodeId).toList();
    assertTrue(top.containsAll(List.of("account.forgot-password", "account.change-password")), top.toString());
  }

  @Test
  void match_manyThreads_sameOutcomesAsOneThread() throws Exception {
    List<String> questions = List.of("忘計密碼", "平證讀取失敗", "健保卡怎么注册", "天氣如何", "密碼", "Chrome popup");
    List<Match> expected = questions.stream().map(index::match).toList();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        results.add(pool.submit(() -> {
          for (int round = 0; round < 100; round++) {
            for (int i = 0; i < questions.size(); i++) {
              if (!index.match(questions.get(i)).equals(expected.get(i))) {
                return false;
              }
            }
          }
          return true;
        }));
      }
      for (Future<Boolean> r : results) {
        assertTrue(r.get());
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
