package tw.ecpa.bot.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tw.ecpa.bot.dialog.Knowledge;
import tw.ecpa.bot.knowledge.jdbc.JdbcKbVersionStore;
import tw.ecpa.kb.search.Match;
import tw.ecpa.kb.search.QuestionIndex;
import tw.ecpa.kb.tree.AnswerNode;
import tw.ecpa.kb.tree.KnowledgeBase;
import tw.ecpa.kb.tree.json.KnowledgeBaseLoader;
import tw.ecpa.kb.version.Regression;
import tw.ecpa.kb.version.ShippedFiles;
import tw.ecpa.portal.jdbc.Database;
import tw.ecpa.portal.testing.MovableClock;

/** Versions in a real (H2) database: first start, publish, validation, regression, rollback, other nodes, load. */
class KnowledgeServiceTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final AtomicInteger DATABASES = new AtomicInteger();
  static KnowledgeBase shippedKb;

  Database database;
  JdbcKbVersionStore store;
  KnowledgeService service;

  @BeforeAll
  static void shipped() {
    shippedKb = KnowledgeBaseLoader.shipped().orThrow();
  }

  @BeforeEach
  void open() {
    database = Database.open(Database.Location.inMemory("kb" + DATABASES.incrementAndGet()), 4);
    store = new JdbcKbVersionStore(database.dataSource());
    service = KnowledgeService.open(store, shippedKnowledge(), new MovableClock());
  }

  @AfterEach
  void close() {
    service.close();
    database.close();
  }

  static Knowledge shippedKnowledge() {
    return new Knowledge(shippedKb, QuestionIndex.build(shippedKb));
  }

  /** The shipped files with one node of one file changed. */
  static Map<String, String> edited(String file, String nodeId, java.util.function.Consumer<ObjectNode> edit)
      throws Exception {
    Map<String, String> files = new LinkedHashMap<>(ShippedFiles.read());
    ObjectNode doc = (ObjectNode) JSON.readTree(files.get(file));
    for (var node : doc.get("nodes")) {
      if (node.get("id").asText().equals(nodeId)) {
        edit.accept((ObjectNode) node);
      }
    }
    files.put(file, JSON.writeValueAsString(doc));
    return files;
  }

  static String answerText(Knowledge k, String nodeId) {
    return ((AnswerNode) k.knowledgeBase().node(nodeId).orElseThrow()).text();
  }

  @Test
  void theFirstStart_publishesTheShippedTreeAsVersion1_once() {
    assertEquals(1, service.version());
    service.close();
    service = KnowledgeService.open(store, shippedKnowledge(), new MovableClock());
    assertEquals(1, service.version());
    assertEquals(1, store.history().size());
  }

  @Test
  void aPublishedEdit_isLiveAtOnce_withoutARestart() throws Exception {
    Map<String, String> files = edited("moica.json", "moica.error.wrong-pin",
        n -> n.put("text", "新版說明：憑證密碼輸入錯誤時，請確認大小寫。"));

    PublishOutcome outcome = service.publish(files, "修改憑證密碼說明", "editor", false);

    assertEquals(2, assertInstanceOf(PublishOutcome.Published.class, outcome).version().number());
    assertEquals("新版說明：憑證密碼輸入錯誤時，請確認大小寫。", answerText(service.current(), "moica.error.wrong-pin"));
    assertEquals(List.of(2, 1), store.history().stream().map(v -> v.number()).toList());
  }

  @Test
  void anInvalidTree_isRefused_andNothingChanges() throws Exception {
    Map<String, String> files = edited("moica.json", "moica.error.wrong-pin",
        n -> n.putArray("related").add("no.such.node"));

    PublishOutcome outcome = service.publish(files, "壞掉的版本", "editor", false);

    assertTrue(assertInstanceOf(PublishOutcome.Invalid.class, outcome).problems().toString().contains("no.such.node"));
    assertEquals(1, service.version());
  }

  @Test
  void aVersionThatBreaksQuestions_isStoppedUntilConfirmed() throws Exception {
    Map<String, String> files = edited("browser.json", "browser.popup.safari", n -> {
      n.put("title", "蘋果電腦說明");
      n.putArray("questions").add("蘋果電腦說明");
      n.remove("keywords");
      n.remove("symptoms");
    });

    PublishOutcome stopped = service.publish(files, "合併 Safari 說明", "editor", false);
    List<Regression.Failure> failures = assertInstanceOf(PublishOutcome.WouldBreak.class, stopped).failures();
    assertFalse(failures.isEmpty());
    // Safari's own questions, and at most a sibling pop-up answer whose questions the merge made ambiguous.
    assertTrue(failures.stream().anyMatch(f -> f.expected().equals("browser.popup.safari")), failures.toString());
    assertTrue(failures.stream().allMatch(f -> f.expected().startsWith("browser.popup.")), failures.toString());
    assertEquals(1, service.version(), "nothing published");

    assertInstanceOf(PublishOutcome.Published.class, service.publish(files, "合併 Safari 說明", "editor", true));
    assertEquals(2, service.version());
  }

  @Test
  void aGoldenQuestion_mustReachItsAnswer() throws Exception {
    // A symptom, not the error's name: 解密失敗 itself names the node through its synonym group, which
    // this edit leaves alone.
    String golden = "用過別人的卡再插自己的卡登不進去";
    store.addGolden(new Regression.Golden(golden, "moica.error.decrypt-failure"));
    Map<String, String> files = edited("moica.json", "moica.error.decrypt-failure", n -> {
      n.put("title", "其他憑證問題");
      n.putArray("questions").add("其他憑證問題");
      n.remove("keywords");
      n.remove("symptoms");
    });

    List<Regression.Failure> failures = assertInstanceOf(PublishOutcome.WouldBreak.class,
        service.publish(files, "改寫", "editor", false)).failures();
    assertTrue(failures.stream().anyMatch(f -> f.golden() && f.question().equals(golden)), failures.toString());
  }

  @Test
  void rollback_publishesTheOldFilesAgain_asTheNewestVersion() throws Exception {
    String original = answerText(service.current(), "moica.error.wrong-pin");
    service.publish(edited("moica.json", "moica.error.wrong-pin", n -> n.put("text", "暫時的說明。")), "v2", "editor", false);

    PublishOutcome back = service.rollback(1, "editor", false);

    assertEquals(3, assertInstanceOf(PublishOutcome.Published.class, back).version().number());
    assertEquals(original, answerText(service.current(), "moica.error.wrong-pin"));
    assertEquals("回復至第 1 版", store.history().get(0).note());
  }

  @Test
  void anotherNode_picksUpAVersionPublishedHere() throws Exception {
    try (KnowledgeService other = KnowledgeService.open(store, shippedKnowledge(), new MovableClock())) {
      service.publish(edited("moica.json", "moica.error.wrong-pin", n -> n.put("text", "兩台都要看到。")), "v2",
          "editor", false);

      assertTrue(other.refresh());
      assertEquals(2, other.version());
      assertEquals("兩台都要看到。", answerText(other.current(), "moica.error.wrong-pin"));
      assertFalse(other.refresh(), "nothing newer");
    }
  }

  @Test
  void questionsAskedDuringThePublish_allGetAnswers() throws Exception {
    Map<String, String> files = edited("moica.json", "moica.error.wrong-pin", n -> n.put("text", "負載中發布的版本。"));
    AtomicBoolean running = new AtomicBoolean(true);
    ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();
    AtomicInteger answered = new AtomicInteger();
    List<Thread> askers = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      Thread asker = new Thread(() -> {
        while (running.get()) {
          try {
            Match match = service.current().index().match("自然人憑證密碼輸入錯誤");
            if (match.fold(a -> a.best().nodeId(), s -> "?", n -> "?").equals("moica.error.wrong-pin")) {
              answered.incrementAndGet();
            } else {
              errors.add(new AssertionError("not answered: " + match));
            }
          } catch (Throwable e) {
            errors.add(e);
          }
        }
      });
      asker.start();
      askers.add(asker);
    }
    try {
      Awaitility.await("the first answers").atMost(Duration.ofSeconds(60))
          .until(() -> answered.get() >= 100 || !errors.isEmpty());
      assertInstanceOf(PublishOutcome.Published.class, service.publish(files, "負載中發布", "editor", false));
      int atPublish = answered.get();
      Awaitility.await("answers after the publish").atMost(Duration.ofSeconds(60))
          .until(() -> answered.get() >= atPublish + 100 || !errors.isEmpty());
    } finally {
      running.set(false);
    }
    for (Thread asker : askers) {
      asker.join();
    }
    assertEquals(List.of(), List.copyOf(errors));
    assertEquals("負載中發布的版本。", answerText(service.current(), "moica.error.wrong-pin"));
  }

  @Test
  void theBotsOwnChecks_refuseAVersion() throws Exception {
    service.requiring(kb -> kb.node("moica.error.wrong-pin").map(n -> ((AnswerNode) n).act().isPresent()).orElse(false)
        ? List.of("moica.error.wrong-pin: the bot has no action \"fly\"") : List.of());
    Map<String, String> files = edited("moica.json", "moica.error.wrong-pin", n -> n.put("action", "fly"));

    PublishOutcome outcome = service.publish(files, "未知動作", "editor", true);

    assertTrue(assertInstanceOf(PublishOutcome.Invalid.class, outcome).problems().get(0).contains("fly"));
    assertEquals(1, service.version());
  }
}
