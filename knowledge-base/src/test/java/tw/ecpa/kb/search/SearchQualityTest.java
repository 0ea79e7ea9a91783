package tw.ecpa.kb.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tw.ecpa.kb.tree.json.KnowledgeBaseLoader;
import tw.ecpa.kb.tree.json.LoadResult;

/**
 * Guards search quality on the shipped knowledge base with conservative floors; the exact numbers
 * per configuration come from {@link SearchHarness}. Skipped where the shipped tree is not present.
 */
class SearchQualityTest {

  private static QuestionIndex index;

  @BeforeAll
  static void build() {
    LoadResult shipped = KnowledgeBaseLoader.shipped();
    Assumptions.assumeTrue(shipped instanceof LoadResult.Loaded, "shipped knowledge base present");
    index = QuestionIndex.build(shipped.orThrow());
  }

  @AfterAll
  static void close() {
    if (index != null) {
      index.close();
    }
  }

  @Test
  void validationSet_defaultSettings_accurateAndNeverAnswersOutOfScope() {
    SearchEvaluation e = SearchEvaluation.of(SearchEvaluation.rank(index, EvalSet.validation()),
        index.settings());
    assertTrue(e.accuracy() >= 0.85, e.summary());
    assertEquals(0, e.outAnswer(), e.summary() + "\n" + String.join("\n", e.misses()));
  }

  @Test
  void probeSet_defaultSettings_generalizesAndNeverAnswersOutOfScope() {
    SearchEvaluation e = SearchEvaluation.of(SearchEvaluation.rank(index, EvalSet.probe()), index.settings());
    assertTrue(e.accuracy() >= 0.9, e.summary() + "\n" + String.join("\n", e.misses()));
    assertEquals(0, e.outAnswer(), e.summary());
  }

  @Test
  void devSet_defaultSettings_accurateAndNeverAnswersOutOfScope() {
    Optional<EvalSet> dev = EvalSet.dev();
    Assumptions.assumeTrue(dev.isPresent(), "shared dev set present");
    SearchEvaluation e = SearchEvaluation.of(SearchEvaluation.rank(index, dev.get()), index.settings());
    assertTrue(e.accuracy() >= 0.85, e.summary());
    assertEquals(0, e.outAnswer(), e.summary());
  }

  @ParameterizedTest
  @CsvSource({
      "Safari彈出視窗被封鎖, browser.popup.safari",
      "firefox 跳出視窗被封鎖, browser.popup.firefox",
      "edge彈出視窗被擋住, browser.popup.edge",
      "蘋果瀏覽器快顯被擋, browser.popup.safari"})
  void match_browserNamed_answersThatBrowser_whateverTheRestSharesWithAnother(String question, String expected) {
    Match match = index.match(question);
    assertTrue(match instanceof Match.Answer a && a.best().nodeId().equals(expected), question + " -> " + match);
  }

  @Test
  void match_briefOutOfDomainQuestions_noMatch() {
    for (String q : List.of("今天午餐吃什麼", "請問高鐵時刻表", "天氣如何", "我要請假", "年終獎金何時發")) {
      assertTrue(index.match(q) instanceof Match.NoMatch, q + " -> " + index.rank(q, 2));
    }
  }
}
