package tw.ecpa.kb.version;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UnansweredTest {

  static Unanswered.Question q(long id, String text) {
    return new Unanswered.Question(id, text, "fallback", Instant.EPOCH);
  }

  @Test
  void similarQuestions_formOneGroup_largestFirst_withTheNewestExamples() {
    List<Unanswered.Group> groups = Unanswered.group(List.of(
        q(1, "年終獎金什麼時候發"), q(2, "請問年休假有幾天"), q(3, "年終獎金什麼時候發放"), q(4, "年終獎金什麼時候發？")));

    assertEquals(2, groups.size());
    assertEquals(3, groups.get(0).count());
    assertEquals(1, groups.get(0).id());
    assertEquals(List.of(4L, 3L, 1L).size(), groups.get(0).ids().size());
    assertEquals("年終獎金什麼時候發？", groups.get(0).examples().get(0));
    assertEquals(List.of("請問年休假有幾天"), groups.get(1).examples());
  }

  @Test
  void addQuestions_putsThemUnderTheNode_once_andTheTreeStillLoads() {
    Map<String, String> files = ShippedFiles.read();
    Map<String, String> edited = TreeFiles.addQuestions(files, "portal.contact", List.of("找真人幫忙", "找真人幫忙", "客服專線"))
        .orElseThrow();

    var kb = tw.ecpa.kb.tree.json.KnowledgeBaseLoader.fromFiles(edited).orThrow();
    List<String> questions = ((tw.ecpa.kb.tree.AnswerNode) kb.node("portal.contact").orElseThrow()).questions();
    assertEquals(1, questions.stream().filter("找真人幫忙"::equals).count());
    assertEquals(1, questions.stream().filter("客服專線"::equals).count(), "an existing question is not repeated");
    assertTrue(TreeFiles.addQuestions(files, "no.such.node", List.of("x")).isEmpty());
  }
}
