package tw.ecpa.bot.knowledge.console;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import tw.ecpa.bot.dialog.Knowledge;
import tw.ecpa.bot.knowledge.KnowledgeService;
import tw.ecpa.bot.knowledge.PublishOutcome;
import tw.ecpa.kb.console.KnowledgeDesk;
import tw.ecpa.kb.search.Candidate;
import tw.ecpa.kb.search.QuestionIndex;
import tw.ecpa.kb.tree.KnowledgeBase;
import tw.ecpa.kb.tree.Problem;
import tw.ecpa.kb.tree.json.KnowledgeBaseLoader;
import tw.ecpa.kb.tree.json.LoadResult;
import tw.ecpa.kb.version.KbVersion;
import tw.ecpa.kb.version.KbVersionStore;
import tw.ecpa.kb.version.TreeFiles;
import tw.ecpa.kb.version.TreeDiff;
import tw.ecpa.kb.version.Regression;
import tw.ecpa.kb.version.Unanswered;
import tw.ecpa.bot.feedback.FeedbackStore;
import tw.ecpa.bot.feedback.jdbc.JdbcChatStats;
import tw.ecpa.bot.feedback.jdbc.JdbcUnansweredLog;

/**
 * The console's desk over the bot's knowledge versions: drafts in the database, tests against the
 * draft (its index built once per draft and kept) and the live version, publishing through the
 * knowledge service that swaps the running bot.
 */
public final class ConsoleDesk implements KnowledgeDesk {

  private static final int RANKED = 5;
  /** How many similar phrasings an editor is shown. */
  private static final int SIMILAR = 5;

  private final KnowledgeService service;
  private final KbVersionStore store;
  private final JdbcUnansweredLog questions;
  private final JdbcChatStats stats;
  private final FeedbackStore feedback;
  private final Clock clock;
  private Map<String, String> indexedDraft;
  private Knowledge draftKnowledge;

  /** Creates the desk over the service and its store. */
  public ConsoleDesk(KnowledgeService service, KbVersionStore store, JdbcUnansweredLog questions,
      JdbcChatStats stats, FeedbackStore feedback, Clock clock) {
    this.stats = stats;
    this.feedback = feedback;
    this.service = service;
    this.store = store;
    this.questions = questions;
    this.clock = clock;
  }

  @Override
  public int liveVersion() {
    return service.version();
  }

  @Override
  public Map<String, String> liveFiles() {
    return store.version(service.version()).map(KbVersion::files).orElseThrow();
  }

  @Override
  public List<KbVersion.Summary> history() {
    return service.history();
  }

  @Override
  public Optional<Map<String, String>> draft() {
    return store.draft();
  }

  @Override
  public List<Problem> saveDraft(Map<String, String> files, String by) {
    LoadResult loaded = KnowledgeBaseLoader.fromFiles(files);
    if (loaded instanceof LoadResult.Invalid invalid) {
      return invalid.problems();
    }
    store.saveDraft(files, by, clock.instant());
    return List.of();
  }

  /**
   * Makes the edit on the draft as it is now and saves it only if no other edit (on this or another
   * server node) was saved meanwhile; otherwise makes it again on the newer draft.
   */
  @Override
  public synchronized List<Problem> editDraft(Function<Map<String, String>, TreeFiles.Edit> edit, String by) {
    for (int attempt = 0; attempt < EDIT_ATTEMPTS; attempt++) {
      Optional<KbVersionStore.Draft> current = store.draftWithRevision();
      TreeFiles.Edit result = edit.apply(current.map(KbVersionStore.Draft::files).orElseGet(this::liveFiles));
      if (result instanceof TreeFiles.Refused refused) {
        return refused.problems();
      }
      Map<String, String> files = ((TreeFiles.Edited) result).files();
      LoadResult loaded = KnowledgeBaseLoader.fromFiles(files);
      if (loaded instanceof LoadResult.Invalid invalid) {
        return invalid.problems();
      }
      if (store.saveDraftIf(current.map(KbVersionStore.Draft::revision), files, by, clock.instant())) {
        return List.of();
      }
      backOff(attempt);
    }
    return List.of(problem("the draft kept changing", "草稿正被其他人修改，請重新整理後再試一次。"));
  }

  private static final int EDIT_ATTEMPTS = 20;

  /**
   * Waits a random while, longer after each lost race, so that two nodes editing at once stop colliding: with
   * equal retries the same node could lose every time on a busy machine.
   */
  private static void backOff(int attempt) {
    try {
      Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextInt(5, 10 + 10 * Math.min(attempt, 10)));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void discardDraft() {
    store.discardDraft();
  }

  @Override
  public Trial test(String question) {
    Knowledge live = service.current();
    Knowledge draft = draftKnowledge().orElse(live);
    return new Trial(question, ranked(draft, question), answer(draft, question), ranked(live, question),
        answer(live, question));
  }

  @Override
  public List<Similar> similar(String question) {
    Knowledge k = draftKnowledge().orElse(service.current());
    return k.index().similarPhrasings(question, SIMILAR).stream()
        .map(n -> new Similar(n.nodeId(), k.knowledgeBase().node(n.nodeId()).map(node -> node.title()).orElse(""),
            n.text(), Math.round(n.cosine() * 1000) / 1000.0))
        .toList();
  }

  @Override
  public Outcome publishDraft(String note, String by, boolean confirmBreaking) {
    Map<String, String> files = store.draft().orElseThrow(() -> new IllegalStateException("no draft"));
    Outcome outcome = map(service.publish(files, note, by, confirmBreaking));
    if (outcome instanceof Published) {
      store.discardDraft();
    }
    return outcome;
  }

  @Override
  public Outcome rollback(int version, String by, boolean confirmBreaking) {
    return map(service.rollback(version, by, confirmBreaking));
  }

  @Override
  public List<Unanswered.Group> unanswered() {
    return Unanswered.group(questions.open(), service.indexer().semantics());
  }

  @Override
  public synchronized List<Problem> adopt(long groupId, String nodeId, String by) {
    List<Unanswered.Question> open = questions.open();
    Optional<Unanswered.Group> group = Unanswered.group(open, service.indexer().semantics()).stream().filter(g -> g.id() == groupId).findFirst();
    if (group.isEmpty()) {
      return List.of(problem("no such group", "找不到這組問題，可能已處理過。"));
    }
    List<String> asked = open.stream().filter(q -> group.get().ids().contains(q.id()))
        .map(Unanswered.Question::question).distinct().toList();
    List<Problem> problems = editDraft(files -> TreeFiles.addQuestions(files, nodeId, asked)
        .<TreeFiles.Edit>map(TreeFiles.Edited::new)
        .orElseGet(() -> new TreeFiles.Refused(List.of(problem("no such node", "找不到節點：" + nodeId)))), by);
    if (problems.isEmpty()) {
      questions.close(group.get().ids(), nodeId);
    }
    return problems;
  }

  private static Problem problem(String message, String editorMessage) {
    return new Problem(KnowledgeBaseLoader.MANIFEST, null, null, message, editorMessage);
  }

  @Override
  public Map<String, Object> analytics(int days) {
    stats.flush();
    java.time.LocalDate from = java.time.LocalDate.ofInstant(clock.instant(), tw.ecpa.portal.time.RocDate.TAIPEI)
        .minusDays(days - 1L);
    Map<java.time.LocalDate, Map<String, Long>> perDay = stats.questionsPerDay(from);
    long answered = 0;
    long unsure = 0;
    long fallback = 0;
    List<Map<String, Object>> daily = new java.util.ArrayList<>();
    for (var day : perDay.entrySet()) {
      long a = day.getValue().getOrDefault("answer", 0L);
      long d = day.getValue().getOrDefault("did-you-mean", 0L);
      long f = day.getValue().getOrDefault("fallback", 0L);
      answered += a;
      unsure += d;
      fallback += f;
      daily.add(Map.of("day", day.getKey().toString(), "questions", a + d + f, "answered", a, "didYouMean", d,
          "fallback", f));
    }
    long total = answered + unsure + fallback;
    KnowledgeBase kb = service.current().knowledgeBase();
    List<Map<String, Object>> top = stats.shown(from, 20).entrySet().stream().map(e -> Map.<String, Object>of(
        "nodeId", e.getKey(), "title", kb.node(e.getKey()).map(n -> n.title()).orElse(""), "shown", e.getValue()))
        .toList();
    List<tw.ecpa.bot.feedback.Satisfaction> surveys = feedback.recent(10_000);
    Map<String, Object> out = new java.util.LinkedHashMap<>();
    out.put("days", days);
    out.put("questionsPerDay", daily);
    out.put("questions", total);
    out.put("fallbackRate", total == 0 ? 0.0 : Math.round(fallback * 1000.0 / total) / 1000.0);
    out.put("didYouMeanRate", total == 0 ? 0.0 : Math.round(unsure * 1000.0 / total) / 1000.0);
    out.put("topAnswers", top);
    Map<String, Long> shown = stats.shown(from, 10_000);
    out.put("menuExits", stats.leftMenus(from, 20).entrySet().stream().map(e -> {
      long views = Math.max(shown.getOrDefault(e.getKey(), 0L), e.getValue());
      return Map.<String, Object>of("menuId", e.getKey(),
          "title", kb.node(e.getKey()).map(n -> n.title()).orElse(""), "shown", views, "left", e.getValue(),
          "rate", Math.round(e.getValue() * 1000.0 / views) / 1000.0);
    }).toList());
    out.put("votes", feedback.tallies());
    out.put("satisfaction", Map.of("answers", surveys.size(), "average", surveys.isEmpty() ? 0.0
        : Math.round(surveys.stream().mapToInt(tw.ecpa.bot.feedback.Satisfaction::score).average().orElse(0) * 100)
            / 100.0));
    return out;
  }

  @Override
  public Optional<List<TreeDiff.Change>> diff(int from, int to) {
    Optional<KbVersion> older = store.version(from);
    Optional<KbVersion> newer = store.version(to);
    if (older.isEmpty() || newer.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(TreeDiff.between(KnowledgeBaseLoader.fromFiles(older.get().files()).orThrow(),
        KnowledgeBaseLoader.fromFiles(newer.get().files()).orThrow()));
  }

  @Override
  public List<TreeDiff.Change> draftDiff() {
    return store.draft().map(files -> TreeDiff.between(service.current().knowledgeBase(),
        KnowledgeBaseLoader.fromFiles(files).orThrow())).orElse(List.of());
  }

  @Override
  public List<Regression.Golden> golden() {
    return store.golden();
  }

  @Override
  public List<String> addGolden(String question, String expected) {
    if (!(service.current().knowledgeBase().node(expected).orElse(null) instanceof tw.ecpa.kb.tree.AnswerNode)) {
      return List.of("找不到答案節點：" + expected);
    }
    store.addGolden(new Regression.Golden(question, expected));
    return List.of();
  }

  @Override
  public boolean dismiss(long groupId) {
    Optional<Unanswered.Group> group = Unanswered.group(questions.open(), service.indexer().semantics()).stream()
        .filter(g -> g.id() == groupId).findFirst();
    group.ifPresent(g -> questions.close(g.ids(), null));
    return group.isPresent();
  }

  private static Outcome map(PublishOutcome outcome) {
    if (outcome instanceof PublishOutcome.Published published) {
      return new Published(published.version().number());
    }
    if (outcome instanceof PublishOutcome.Invalid invalid) {
      return new Invalid(invalid.problems());
    }
    return new WouldBreak(((PublishOutcome.WouldBreak) outcome).failures());
  }

  /** The draft's knowledge, built once per draft. */
  private synchronized Optional<Knowledge> draftKnowledge() {
    Optional<Map<String, String>> files = store.draft();
    if (files.isEmpty()) {
      return Optional.empty();
    }
    if (!files.get().equals(indexedDraft)) {
      if (draftKnowledge != null) {
        draftKnowledge.index().close();
      }
      KnowledgeBase kb = KnowledgeBaseLoader.fromFiles(files.get()).orThrow();
      draftKnowledge = new Knowledge(kb, service.indexer().build(kb));
      indexedDraft = files.get();
    }
    return Optional.of(draftKnowledge);
  }

  private static List<Ranked> ranked(Knowledge k, String question) {
    return k.index().rank(question, RANKED).stream()
        .map((Candidate c) -> new Ranked(c.nodeId(), k.knowledgeBase().node(c.nodeId()).map(n -> n.title()).orElse(""),
            Math.round(c.confidence() * 1000) / 1000.0))
        .toList();
  }

  private static String answer(Knowledge k, String question) {
    return k.index().match(question).fold(a -> a.best().nodeId(), s -> "did-you-mean", n -> "fallback");
  }
}
