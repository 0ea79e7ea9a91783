package tw.ecpa.kb.version;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tw.ecpa.kb.tree.AnswerNode;
import tw.ecpa.kb.tree.KnowledgeBase;
import tw.ecpa.kb.tree.MenuNode;
import tw.ecpa.kb.tree.Option;
import tw.ecpa.kb.tree.Problem;
import tw.ecpa.kb.tree.Source;
import tw.ecpa.kb.tree.json.KnowledgeBaseLoader;
import tw.ecpa.kb.tree.json.LoadResult;

class TreeFilesTest {

  private final Map<String, String> shipped = ShippedFiles.read();

  private static KnowledgeBase load(TreeFiles.Edit edit) {
    return KnowledgeBaseLoader.fromFiles(assertInstanceOf(TreeFiles.Edited.class, edit).files()).orThrow();
  }

  private static List<Problem> problems(TreeFiles.Edit edit) {
    LoadResult result = KnowledgeBaseLoader.fromFiles(assertInstanceOf(TreeFiles.Edited.class, edit).files());
    return assertInstanceOf(LoadResult.Invalid.class, result).problems();
  }

  @Test
  void editingAnAnswer_replacesItInPlace_keepsItsSource_andDropsFieldsAnAnswerCannotHave() {
    AnswerNode before = (AnswerNode) KnowledgeBaseLoader.fromFiles(shipped).orThrow().node("portal.contact").orElseThrow();

    KnowledgeBase kb = load(TreeFiles.putNode(shipped, Map.of("id", "portal.contact", "type", "answer",
        "title", "客服專線與服務時間", "text", "請於上班時間來電。", "steps", List.of(), "options", List.of(),
        "questions", List.of("電話幾號"), "action", "helpline"), null));

    AnswerNode after = (AnswerNode) kb.node("portal.contact").orElseThrow();
    assertEquals("客服專線與服務時間", after.title());
    assertEquals("請於上班時間來電。", after.text());
    assertEquals(List.of("電話幾號"), after.questions());
    assertEquals(before.source(), after.source());
    assertEquals("helpline", after.action());
  }

  @Test
  void editingAnAnswerWithSymptoms_keepsThem_unlessNewOnesAreGiven() {
    String id = KnowledgeBaseLoader.fromFiles(shipped).orThrow().nodes().stream()
        .filter(n -> !n.symptoms().isEmpty()).map(n -> n.id()).findFirst().orElseThrow();
    AnswerNode before = (AnswerNode) KnowledgeBaseLoader.fromFiles(shipped).orThrow().node(id).orElseThrow();

    AnswerNode kept = (AnswerNode) load(TreeFiles.putNode(shipped, Map.of("id", id, "type", "answer",
        "title", before.title(), "text", "新的說明。"), null)).node(id).orElseThrow();
    AnswerNode replaced = (AnswerNode) load(TreeFiles.putNode(shipped, Map.of("id", id, "type", "answer",
        "title", before.title(), "text", "新的說明。",
        "symptoms", List.of(Map.of("text", "畫面一片空白", "source", "editorial"))), null)).node(id).orElseThrow();

    assertEquals(before.symptoms(), kept.symptoms());
    assertEquals(List.of("畫面一片空白"), replaced.symptoms().stream().map(s -> s.text()).toList());
    assertTrue(replaced.symptoms().get(0).source().editorial());
  }

  @Test
  void aNewNode_goesUnderItsParentMenu_asTheLastOption_withAnEditorialSource() {
    KnowledgeBase kb = load(TreeFiles.putNode(shipped, Map.of("id", "browser.cookies", "type", "answer",
        "title", "如何允許 Cookie", "text", "請在瀏覽器設定中允許 ecpa.dgpa.gov.tw 的 Cookie。"), "menu.browser"));

    MenuNode browser = (MenuNode) kb.node("menu.browser").orElseThrow();
    assertEquals(new Option("如何允許 Cookie", "browser.cookies"), browser.options().get(browser.options().size() - 1));
    assertEquals(Source.EDITORIAL, kb.node("browser.cookies").orElseThrow().source());
  }

  @Test
  void aNewNodeWithoutAParentMenu_isRefusedOnTheParentField() {
    TreeFiles.Edit edit = TreeFiles.putNode(shipped, Map.of("id", "browser.cookies", "type", "answer",
        "title", "Cookie", "text", "…"), "browser.supported");

    TreeFiles.Refused refused = assertInstanceOf(TreeFiles.Refused.class, edit);
    assertEquals("parent", refused.problems().get(0).field());
  }

  @Test
  void problemsOfAnEditedNode_nameTheirField_inChineseForEditors() {
    List<Problem> problems = problems(TreeFiles.putNode(shipped, Map.of("id", "menu.browser", "type", "menu",
        "title", " ", "options", List.of(Map.of("label", "Chrome", "target", "browser.popup.chrome"),
            Map.of("label", "Chrome", "target", "browser.nowhere"))), null));

    assertTrue(problems.stream().anyMatch(p -> "menu.browser".equals(p.nodeId()) && "title".equals(p.field())
        && p.editorMessage().equals("請輸入標題。")), problems.toString());
    assertTrue(problems.stream().anyMatch(p -> "options".equals(p.field())
        && p.editorMessage().contains("選項「Chrome」重複")), problems.toString());
    assertTrue(problems.stream().anyMatch(p -> "options".equals(p.field())
        && p.editorMessage().contains("不存在的節點 browser.nowhere")), problems.toString());
    assertEquals("browser.json", problems.get(0).file());
  }

  @Test
  void aMenuCycle_andAnEmptyAnswer_areNamedOnTheirFields() {
    List<Problem> cycle = problems(TreeFiles.putNode(shipped, Map.of("id", "menu.browser", "type", "menu",
        "title", "瀏覽器", "options", List.of(Map.of("label", "回到登入", "target", "menu.main"))), null));
    assertTrue(cycle.stream().anyMatch(p -> "options".equals(p.field()) && p.editorMessage().startsWith("選單形成循環")),
        cycle.toString());

    List<Problem> empty = problems(TreeFiles.putNode(shipped, Map.of("id", "portal.contact", "type", "answer",
        "title", "客服", "text", ""), null));
    assertEquals(List.of("text"), empty.stream().map(Problem::field).toList());
  }

  @Test
  void deletingANode_removesItsOptions_relatedMentions_andSynonymNodes() {
    KnowledgeBase kb = load(TreeFiles.deleteNode(shipped, "browser.popup.firefox"));

    assertTrue(kb.node("browser.popup.firefox").isEmpty());
    assertFalse(((MenuNode) kb.node("menu.browser").orElseThrow()).options().stream()
        .anyMatch(o -> o.target().equals("browser.popup.firefox")));
    assertTrue(kb.synonyms().stream().noneMatch(g -> g.nodes().contains("browser.popup.firefox")));
    assertTrue(kb.nodes().stream().filter(AnswerNode.class::isInstance).map(AnswerNode.class::cast)
        .noneMatch(a -> a.related().contains("browser.popup.firefox")));
  }

  @Test
  void deletingTheRoot_isRefused_andDeletingAMenusLastOption_failsValidationOnThatMenu() {
    assertInstanceOf(TreeFiles.Refused.class, TreeFiles.deleteNode(shipped, "menu.main"));

    Map<String, String> files = shipped;
    for (String id : List.of("browser.popup.chrome", "browser.popup.firefox", "browser.popup.edge",
        "browser.popup.safari", "browser.supported")) {
      files = ((TreeFiles.Edited) TreeFiles.deleteNode(files, id)).files();
    }
    List<Problem> problems = problems(TreeFiles.deleteNode(files, "browser.env-check"));
    assertTrue(problems.stream().anyMatch(p -> "menu.browser".equals(p.nodeId()) && "options".equals(p.field())),
        problems.toString());
  }

  @Test
  void movingANode_takesItsOptionWithItsLabel_toTheEndOfTheOtherMenu() {
    KnowledgeBase kb = load(TreeFiles.moveNode(shipped, "browser.env-check", "menu.browser", "menu.main"));

    assertTrue(((MenuNode) kb.node("menu.browser").orElseThrow()).options().stream()
        .noneMatch(o -> o.target().equals("browser.env-check")));
    List<Option> main = ((MenuNode) kb.node("menu.main").orElseThrow()).options();
    assertEquals("browser.env-check", main.get(main.size() - 1).target());

    assertInstanceOf(TreeFiles.Refused.class, TreeFiles.moveNode(shipped, "menu.browser", null, "menu.main"));
    assertInstanceOf(TreeFiles.Refused.class, TreeFiles.moveNode(shipped, "browser.env-check", "menu.main", "menu.login"));
  }

  @Test
  void synonymGroups_areReplacedWhole_andCheckedOnLoad() {
    KnowledgeBase kb = load(TreeFiles.setSynonyms(shipped, List.of(
        Map.of("terms", List.of("密碼", "密碼", "pwd"), "nodes", List.of("account.password-rules")))));
    assertEquals(1, kb.synonyms().size());
    assertEquals(List.of("密碼", "密碼", "pwd"), kb.synonyms().get(0).terms());

    List<Problem> problems = problems(TreeFiles.setSynonyms(shipped, List.of(Map.of("terms", List.of("只有一個")),
        Map.of("terms", List.of("甲", "乙"), "nodes", List.of("no.such")))));
    assertEquals(List.of("synonyms", "synonyms"), problems.stream().map(Problem::field).toList());
    assertTrue(problems.get(1).editorMessage().contains("第 2 組"), problems.toString());
  }

  @Test
  void theGivenFiles_areNeverChanged() {
    Map<String, String> copy = Map.copyOf(shipped);
    TreeFiles.deleteNode(shipped, "browser.popup.firefox");
    TreeFiles.putNode(shipped, Map.of("id", "x.y", "type", "answer", "title", "t", "text", "x"), "menu.browser");
    assertEquals(copy, shipped);
  }
}
