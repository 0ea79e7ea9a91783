package tw.ecpa.kb.version;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tw.ecpa.kb.tree.KnowledgeBase;
import tw.ecpa.kb.tree.json.KnowledgeBaseLoader;

class TreeDiffTest {

  @Test
  void aTreeAgainstItself_hasNoChanges_andAnAddedQuestionIsNamed() {
    Map<String, String> files = ShippedFiles.read();
    KnowledgeBase shipped = KnowledgeBaseLoader.fromFiles(files).orThrow();
    assertEquals(List.of(), TreeDiff.between(shipped, shipped));

    KnowledgeBase edited = KnowledgeBaseLoader.fromFiles(
        TreeFiles.addQuestions(files, "portal.contact", List.of("找真人幫忙")).orElseThrow()).orThrow();
    List<TreeDiff.Change> changes = TreeDiff.between(shipped, edited);

    assertEquals(List.of(new TreeDiff.Change("portal.contact", "changed", List.of("questions"), List.of("找真人幫忙"),
        List.of())), changes);
    assertEquals("changed", TreeDiff.between(edited, shipped).get(0).change());
    assertEquals(List.of("找真人幫忙"), TreeDiff.between(edited, shipped).get(0).questionsRemoved());
  }
}
