package tw.ecpa.kb.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tw.ecpa.kb.tree.json.KnowledgeBaseLoader;
import tw.ecpa.kb.tree.json.LoadResult;

/** The shipped knowledge base holds every topic and menu of the topic catalog, complete and valid. */
class ShippedKnowledgeBaseTest {

  /** The topic ids of ../shared/docs/kb-topics.md: the contract tests and evaluations use. */
  static final List<String> TOPICS = List.of(
      "account.first-login", "account.custom-account-rules", "account.forgot-password",
      "account.forgot-account", "account.no-reset-email", "account.password-rules",
      "account.password-expired", "account.change-password", "account.hr-reset-password",
      "account.not-in-database",
      "moica.first-login", "moica.hicos-install", "moica.env-setup", "moica.reader-driver",
      "moica.new-card", "moica.error.id-mismatch", "moica.error.wrong-pin", "moica.error.locked",
      "moica.error.invalid", "moica.error.read-failure", "moica.error.service-unavailable",
      "moica.error.component-fails", "moica.error.decrypt-failure", "moica.error.client-not-running",
      "gca.login", "gca.error.org-code", "gca.unlock",
      "browser.popup.chrome", "browser.popup.firefox", "browser.popup.edge", "browser.popup.safari",
      "browser.supported",
      "nhi.env-setup", "nhi.component-install", "nhi.register", "nhi.wrong-password", "nhi.error",
      "nhi.suspend",
      "mobile.usage", "mobile.register", "mobile.error", "mobile.change-device", "mobile.limits",
      "portal.todo", "portal.apps", "portal.session-timeout", "portal.questionnaire-fill",
      "portal.questionnaire-manage", "portal.delegation", "portal.mydata", "portal.contact");

  /** The guided-menu roots with their option labels in the seed's order. */
  static final Map<String, List<String>> MENUS = Map.of(
      "menu.login", List.of("以帳號登入", "以自然人憑證登入", "以機關憑證登入", "以健保卡登入",
          "以行動自然人憑證登入", "My Data相關問題"),
      "menu.moica", List.of("首次登入", "環境設置", "顯示錯誤訊息"),
      "menu.moica.errors", List.of("憑證序號與身分證字號不符合", "憑證密碼輸入錯誤", "憑證遭鎖定",
          "憑證失效", "憑證讀取失敗", "憑證驗證服務無法使用", "已安裝登入元件仍無法正常讀取憑證",
          "解密失敗", "未安裝客戶端程式或未啟動服務"),
      "menu.nhi", List.of("環境設置", "安裝健保卡元件流程", "健保卡錯誤訊息", "健保卡密碼註冊",
          "健保卡密碼輸入錯誤"),
      "menu.mobile", List.of("使用方式", "註冊方式", "驗證錯誤訊息", "其他問題"),
      "menu.account", List.of("首次登入", "忘記密碼", "忘記帳號", "收不到認證信", "密碼規則"));

  private static final Pattern SIMPLIFIED_ONLY = Pattern.compile("[这说问题码设记录证书号没办册样]");

  static KnowledgeBase kb;

  @BeforeAll
  static void load() {
    LoadResult result = KnowledgeBaseLoader.shipped();
    kb = result.fold(LoadResult.Loaded::knowledgeBase, invalid -> {
      fail("the shipped knowledge base is invalid: " + invalid.problems());
      return null;
    });
  }

  @Test
  void shipped_everyCatalogTopic_isAnAnswerWithText() {
    List<String> missing = new ArrayList<>();
    for (String id : TOPICS) {
      if (!(kb.node(id).orElse(null) instanceof AnswerNode answer) || answer.fullText().isBlank()) {
        missing.add(id);
      }
    }
    assertEquals(List.of(), missing, "topics without an answer node");
  }

  @Test
  void shipped_menuRoots_haveTheSeedOptionsInOrder() {
    MENUS.forEach((id, labels) -> {
      MenuNode menu = assertInstanceOf(MenuNode.class, kb.node(id).orElseThrow(), id);
      assertEquals(labels, menu.options().stream().map(Option::label).toList(), id);
    });
  }

  @Test
  void shipped_rootMenu_reachesTheLoginMenu() {
    assertTrue(kb.root().options().stream().anyMatch(o -> o.target().equals("menu.login")));
  }

  @Test
  void shipped_everyNode_isReachableFromTheRoot() {
    java.util.Set<String> seen = new java.util.HashSet<>();
    java.util.ArrayDeque<String> todo = new java.util.ArrayDeque<>(List.of(kb.root().id()));
    while (!todo.isEmpty()) {
      String id = todo.pop();
      if (!seen.add(id)) {
        continue;
      }
      Node node = kb.node(id).orElseThrow();
      if (node instanceof MenuNode menu) {
        menu.options().forEach(o -> todo.push(o.target()));
      } else if (node instanceof AnswerNode answer) {
        answer.related().forEach(todo::push);
      }
    }
    // Small talk is matched as whole messages and needs no menu.
    List<String> unreachable = kb.searchable().stream().map(Node::id).filter(id -> !seen.contains(id)).toList();
    assertEquals(List.of(), unreachable, "nodes no menu path reaches");
  }

  @Test
  void shipped_everyAnswer_hasRealisticAlternateQuestionsInBothScripts() {
    List<String> thin = new ArrayList<>();
    for (Node node : kb.searchable()) {
      if (node instanceof AnswerNode answer) {
        boolean simplified = answer.questions().stream().anyMatch(q -> SIMPLIFIED_ONLY.matcher(q).find());
        if (answer.questions().size() < 6 || !simplified) {
          thin.add(answer.id() + " (" + answer.questions().size() + " questions, simplified=" + simplified + ")");
        }
      }
    }
    assertEquals(List.of(), thin, "answers with fewer than 6 alternate questions or none in Simplified script");
  }

  @Test
  void shipped_everyNode_namesItsSource() {
    for (Node node : kb.nodes()) {
      Source source = node.source();
      assertFalse(!source.editorial() && !source.seed().matches("00[01]_[0-9a-f]{16}\\.txt"),
          node.id() + " names an unknown seed: " + source.seed());
    }
  }
}
