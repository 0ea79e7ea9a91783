package tw.ecpa.bot.knowledge.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tw.ecpa.bot.dialog.Knowledge;
import tw.ecpa.bot.feedback.jdbc.JdbcChatStats;
import tw.ecpa.bot.feedback.jdbc.JdbcFeedbackStore;
import tw.ecpa.bot.feedback.jdbc.JdbcUnansweredLog;
import tw.ecpa.bot.knowledge.KnowledgeService;
import tw.ecpa.bot.knowledge.jdbc.JdbcKbVersionStore;
import tw.ecpa.kb.search.QuestionIndex;
import tw.ecpa.kb.tree.AnswerNode;
import tw.ecpa.kb.tree.KnowledgeBase;
import tw.ecpa.kb.tree.Problem;
import tw.ecpa.kb.tree.json.KnowledgeBaseLoader;
import tw.ecpa.kb.version.TreeFiles;
import tw.ecpa.portal.jdbc.Database;
import tw.ecpa.portal.testing.MovableClock;

/**
 * Node edits of two server nodes on one database at once: each edit is made on the draft as it is
 * when saved, so none is lost (without the revision check, one node's save overwrote the other's).
 */
class ConsoleDeskDraftTest {

  final Database database = Database.open(Database.Location.inMemory("desk-draft"), 8);
  final List<KnowledgeService> services = new ArrayList<>();

  @AfterEach
  void close() {
    services.forEach(KnowledgeService::close);
    database.close();
  }

  private ConsoleDesk node() {
    KnowledgeBase kb = KnowledgeBaseLoader.shipped().orThrow();
    JdbcKbVersionStore store = new JdbcKbVersionStore(database.dataSource());
    KnowledgeService service = KnowledgeService.open(store, new Knowledge(kb, QuestionIndex.build(kb)),
        new MovableClock());
    services.add(service);
    return new ConsoleDesk(service, store, new JdbcUnansweredLog(database.dataSource(), new MovableClock()),
        new JdbcChatStats(database.dataSource(), new MovableClock()), new JdbcFeedbackStore(database.dataSource()),
        new MovableClock());
  }

  @Test
  void editsOfTwoNodesAtOnce_areAllKeptInTheDraft() throws Exception {
    List<ConsoleDesk> nodes = List.of(node(), node());
    int edits = 12;
    ExecutorService pool = Executors.newFixedThreadPool(4);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<List<Problem>>> results = new ArrayList<>();
    for (int i = 0; i < edits; i++) {
      String question = "同時加入的問句第" + i + "句";
      ConsoleDesk desk = nodes.get(i % 2);
      results.add(pool.submit(() -> {
        start.await();
        return desk.editDraft(files -> TreeFiles.addQuestions(files, "portal.contact", List.of(question))
            .<TreeFiles.Edit>map(TreeFiles.Edited::new).orElseThrow(), "editor");
      }));
    }
    start.countDown();
    for (Future<List<Problem>> result : results) {
      assertEquals(List.of(), result.get(30, TimeUnit.SECONDS));
    }
    pool.shutdown();

    Map<String, String> draft = nodes.get(0).draft().orElseThrow();
    AnswerNode contact = (AnswerNode) KnowledgeBaseLoader.fromFiles(draft).orThrow().node("portal.contact").orElseThrow();
    for (int i = 0; i < edits; i++) {
      assertTrue(contact.questions().contains("同時加入的問句第" + i + "句"), "edit " + i + " was lost");
    }
  }

  @Test
  void aDraftDiscardedAndMadeAgain_isNotOverwrittenByAnEditOfTheOldOne() {
    ConsoleDesk desk = node();
    JdbcKbVersionStore store = new JdbcKbVersionStore(database.dataSource());
    desk.saveDraft(desk.liveFiles(), "editor");
    String old = store.draftWithRevision().orElseThrow().revision();
    desk.discardDraft();
    desk.saveDraft(desk.liveFiles(), "editor");
    assertTrue(!store.saveDraftIf(java.util.Optional.of(old), desk.liveFiles(), "late", MovableClock.DEFAULT_START),
        "the old revision does not match the new draft");
    assertTrue(!store.saveDraftIf(java.util.Optional.empty(), desk.liveFiles(), "late", MovableClock.DEFAULT_START),
        "a draft exists already");
  }
}
