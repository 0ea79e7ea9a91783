package tw.ecpa.kb.tree.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tw.ecpa.kb.tree.AnswerNode;
import tw.ecpa.kb.tree.KnowledgeBase;
import tw.ecpa.kb.tree.MenuNode;
import tw.ecpa.kb.tree.Problem;

class KnowledgeBaseLoaderTest {

  private static final String MANIFEST = """
      {"format": 1, "root": "menu.main", "files": ["menus.json", "answers.json"],
       "synonyms": [{"terms": ["彈出式視窗", "快顯"], "nodes": ["browser.popup"]}]}
      """;
  private static final String MENUS = """
      {"nodes": [
        {"id": "menu.main", "type": "menu", "title": "主選單", "prompt": "請問有什麼可以為您服務的嗎？",
         "options": [{"label": "忘記密碼", "target": "account.forgot"}, {"label": "瀏覽器", "target": "browser.popup"}],
         "source": "editorial"}
      ]}
      """;
  private static final String ANSWERS = """
      {"nodes": [
        {"id": "account.forgot", "type": "answer", "title": "忘記密碼", "text": "請點選【忘記密碼】。",
         "steps": ["輸入身分證字號", "輸入Email"], "links": [{"label": "人事服務網", "url": "https://ecpa.dgpa.gov.tw"}],
         "related": ["browser.popup"], "questions": ["忘記密碼怎麼辦"], "keywords": ["forgot password"],
         "source": "000_645b535f9c503d9b.txt § 忘記密碼"},
        {"id": "browser.popup", "type": "answer", "title": "彈出式視窗", "text": "請允許彈出式視窗。",
         "source": "editorial"}
      ]}
      """;

  private static Map<String, String> files() {
    Map<String, String> files = new HashMap<>();
    files.put("knowledge-base.json", MANIFEST);
    files.put("menus.json", MENUS);
    files.put("answers.json", ANSWERS);
    return files;
  }

  private static List<Problem> problems(Map<String, String> files) {
    LoadResult result = KnowledgeBaseLoader.fromFiles(files);
    return assertInstanceOf(LoadResult.Invalid.class, result, "expected problems").problems();
  }

  private static void assertProblem(List<Problem> problems, String file, String nodeId, String text) {
    assertTrue(problems.stream().anyMatch(p -> p.file().equals(file)
            && java.util.Objects.equals(p.nodeId(), nodeId) && p.message().contains(text)),
        "no problem in " + file + " at " + nodeId + " saying '" + text + "': " + problems);
  }

  @Test
  void load_validFiles_buildsTheTree() {
    KnowledgeBase kb = KnowledgeBaseLoader.fromFiles(files()).orThrow();
    assertEquals(3, kb.size());
    assertEquals("menu.main", kb.root().id());
    AnswerNode forgot = (AnswerNode) kb.node("account.forgot").orElseThrow();
    assertEquals("請點選【忘記密碼】。\n1. 輸入身分證字號\n2. 輸入Email", forgot.fullText());
    assertEquals("000_645b535f9c503d9b.txt", forgot.source().seed());
    assertEquals("忘記密碼", forgot.source().section());
    assertTrue(kb.node("browser.popup").orElseThrow().source().editorial());
    assertEquals(List.of("彈出式視窗", "快顯"), kb.synonyms().get(0).terms());
  }

  @Test
  void load_duplicateId_namesBothFilesAndTheNode() {
    Map<String, String> files = files();
    files.put("answers.json", ANSWERS.replace("\"id\": \"browser.popup\"", "\"id\": \"account.forgot\""));
    assertProblem(problems(files), "answers.json", "account.forgot", "duplicate id");
  }

  @Test
  void load_danglingOption_isNamed() {
    Map<String, String> files = files();
    files.put("menus.json", MENUS.replace("\"target\": \"browser.popup\"", "\"target\": \"browser.nothing\""));
    assertProblem(problems(files), "menus.json", "menu.main", "unknown node 'browser.nothing'");
  }

  @Test
  void load_menuCycle_isNamed() {
    Map<String, String> files = files();
    files.put("menus.json", """
        {"nodes": [
          {"id": "menu.main", "type": "menu", "title": "主選單", "options": [{"label": "A", "target": "menu.a"}], "source": "editorial"},
          {"id": "menu.a", "type": "menu", "title": "A", "options": [{"label": "B", "target": "menu.b"}, {"label": "忘記", "target": "account.forgot"}], "source": "editorial"},
          {"id": "menu.b", "type": "menu", "title": "B", "options": [{"label": "A", "target": "menu.a"}, {"label": "彈出", "target": "browser.popup"}], "source": "editorial"}
        ]}
        """);
    List<Problem> problems = problems(files);
    assertTrue(problems.stream().anyMatch(p -> p.message().contains("menu cycle") && p.file().equals("menus.json")),
        problems.toString());
  }

  @Test
  void load_emptyAnswer_isNamed() {
    Map<String, String> files = files();
    files.put("answers.json", ANSWERS.replace("\"text\": \"請允許彈出式視窗。\",", ""));
    assertProblem(problems(files), "answers.json", "browser.popup", "empty answer");
  }

  @Test
  void load_unknownIdInASynonymGroup_isNamed() {
    Map<String, String> files = files();
    files.put("knowledge-base.json", MANIFEST.replace("\"nodes\": [\"browser.popup\"]", "\"nodes\": [\"browser.gone\"]"));
    assertProblem(problems(files), "knowledge-base.json", null, "unknown node 'browser.gone'");
  }

  @Test
  void load_unknownRelatedIdOrBadLink_isNamed() {
    Map<String, String> files = files();
    files.put("answers.json", ANSWERS.replace("\"related\": [\"browser.popup\"]", "\"related\": [\"nope\"]")
        .replace("https://ecpa.dgpa.gov.tw", "javascript:alert(1)"));
    List<Problem> problems = problems(files);
    assertProblem(problems, "answers.json", "account.forgot", "related id 'nope' is unknown");
    assertProblem(problems, "answers.json", "account.forgot", "absolute http(s) URL");
  }

  @Test
  void load_brokenJsonOrUnknownField_namesTheFileAndLine() {
    Map<String, String> files = files();
    files.put("answers.json", "{\"nodes\": [ {\"id\": \"x\", ");
    assertProblem(problems(files), "answers.json", null, "not valid knowledge-base JSON");

    files = files();
    files.put("answers.json", ANSWERS.replace("\"keywords\"", "\"keyword\""));
    assertProblem(problems(files), "answers.json", null, "keyword");
  }

  @Test
  void load_missingFileOrRoot_isNamed() {
    Map<String, String> files = files();
    files.remove("answers.json");
    assertProblem(problems(files), "answers.json", null, "file not found");

    files = files();
    files.put("knowledge-base.json", MANIFEST.replace("\"root\": \"menu.main\"", "\"root\": \"account.forgot\""));
    assertProblem(problems(files), "knowledge-base.json", null, "the root 'account.forgot' must be a menu");
  }

  @Test
  void load_badIdShapeOrSource_isNamed() {
    Map<String, String> files = files();
    files.put("answers.json", ANSWERS.replace("\"id\": \"browser.popup\"", "\"id\": \"Browser Popup\"")
        .replace("\"target\": \"browser.popup\"", "\"target\": \"Browser Popup\"")
        .replace("\"source\": \"000_645b535f9c503d9b.txt § 忘記密碼\"", "\"source\": \"the slides\""));
    List<Problem> problems = problems(files);
    assertProblem(problems, "answers.json", "account.forgot", "source must be");
  }

  @Test
  void load_symptoms_keepTheirTextAndSource() {
    Map<String, String> files = files();
    files.put("answers.json", ANSWERS.replace("\"keywords\": [\"forgot password\"],",
        "\"keywords\": [\"forgot password\"], \"symptoms\": [{\"text\": \" 一直說密碼不對 \","
            + " \"source\": \"000_645b535f9c503d9b.txt § 忘記密碼\"}],"));
    AnswerNode forgot = (AnswerNode) KnowledgeBaseLoader.fromFiles(files).orThrow().node("account.forgot").orElseThrow();

    assertEquals(1, forgot.symptoms().size());
    assertEquals("一直說密碼不對", forgot.symptoms().get(0).text());
    assertEquals("忘記密碼", forgot.symptoms().get(0).source().section());
  }

  @Test
  void load_aSymptomWithoutASource_orOnAMenu_isNamed() {
    Map<String, String> files = files();
    files.put("answers.json", ANSWERS.replace("\"keywords\": [\"forgot password\"],",
        "\"keywords\": [\"forgot password\"], \"symptoms\": [{\"text\": \"一直說密碼不對\"}],"));
    files.put("menus.json", MENUS.replace("\"source\": \"editorial\"",
        "\"symptoms\": [{\"text\": \"轉圈圈\", \"source\": \"editorial\"}], \"source\": \"editorial\""));
    List<Problem> problems = problems(files);

    assertProblem(problems, "answers.json", "account.forgot", "a symptom needs a text and a source");
    assertProblem(problems, "menus.json", "menu.main", "a menu takes no");
  }

  @Test
  void orThrow_invalidTree_listsEveryProblem() {
    Map<String, String> files = files();
    files.put("menus.json", MENUS.replace("\"target\": \"browser.popup\"", "\"target\": \"browser.nothing\""));
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> KnowledgeBaseLoader.fromFiles(files).orThrow());
    assertTrue(e.getMessage().contains("menus.json: node 'menu.main'"), e.getMessage());
  }

  @Test
  void fromDirectory_sameLayout_loads(@TempDir Path dir) throws Exception {
    for (Map.Entry<String, String> file : files().entrySet()) {
      Files.writeString(dir.resolve(file.getKey()), file.getValue());
    }
    KnowledgeBase kb = KnowledgeBaseLoader.fromDirectory(dir).orThrow();
    assertInstanceOf(MenuNode.class, kb.node("menu.main").orElseThrow());
  }
}
