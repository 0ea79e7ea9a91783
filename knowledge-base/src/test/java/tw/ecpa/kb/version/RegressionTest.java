package tw.ecpa.kb.version;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tw.ecpa.kb.search.QuestionIndex;
import tw.ecpa.kb.tree.KnowledgeBase;
import tw.ecpa.kb.tree.json.KnowledgeBaseLoader;

class RegressionTest {

  @Test
  void theShippedFiles_loadAsTheShippedTree() {
    Map<String, String> files = ShippedFiles.read();
    assertTrue(files.containsKey("knowledge-base.json") && files.containsKey("moica.json"), files.keySet().toString());
    assertEquals(KnowledgeBaseLoader.shipped().orThrow().size(), KnowledgeBaseLoader.fromFiles(files).orThrow().size());
  }

  @Test
  void theShippedTree_answersAlmostEveryAlternateQuestion_andAGoldenQuestionToAnotherNodeFails() {
    KnowledgeBase kb = KnowledgeBaseLoader.shipped().orThrow();
    try (QuestionIndex index = QuestionIndex.build(kb)) {
      List<Regression.Failure> failures = Regression.run(kb, index,
          List.of(new Regression.Golden("自然人憑證解密失敗", "moica.error.decrypt-failure"),
              new Regression.Golden("自然人憑證解密失敗", "nhi.error")));
      List<Regression.Failure> golden = failures.stream().filter(Regression.Failure::golden).toList();
      assertEquals(1, golden.size());
      assertEquals("nhi.error", golden.get(0).expected());
      assertEquals("moica.error.decrypt-failure", golden.get(0).got());
      long alternates = kb.nodes().stream().filter(tw.ecpa.kb.tree.AnswerNode.class::isInstance)
          .mapToLong(n -> ((tw.ecpa.kb.tree.AnswerNode) n).questions().size()).sum();
      assertTrue(failures.size() - 1 <= alternates / 100, "at most 1 % of alternate questions miss: " + failures);
    }
  }
}
