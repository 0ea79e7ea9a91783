package tw.ecpa.bot.knowledge;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tw.ecpa.bot.dialog.Knowledge;
import tw.ecpa.kb.search.Indexer;
import tw.ecpa.kb.search.QuestionIndex;
import tw.ecpa.kb.tree.KnowledgeBase;
import tw.ecpa.kb.tree.json.KnowledgeBaseLoader;
import tw.ecpa.kb.tree.json.LoadResult;
import tw.ecpa.kb.version.KbVersion;
import tw.ecpa.kb.version.KbVersionStore;
import tw.ecpa.kb.version.Regression;
import tw.ecpa.kb.version.ShippedFiles;

/**
 * The knowledge the bot answers from, kept in the database as numbered versions. Publishing loads and
 * validates the files, builds the new index beside the live one, runs the regression check against the
 * live version, stores the version and swaps it in at once: requests in flight finish on the old index,
 * which is closed a minute later. Every node polls the database and swaps in versions published
 * elsewhere.
 */
public final class KnowledgeService implements AutoCloseable {

  /** How long a replaced index stays open for requests that started on it. */
  static final Duration RETIRE_AFTER = Duration.ofMinutes(1);

  private static final Logger LOG = LoggerFactory.getLogger(KnowledgeService.class);

  /** A live version: its number, its knowledge and, computed once when first needed, its regression misses. */
  private record Live(int number, Knowledge knowledge, AtomicReference<List<Regression.Failure>> misses) {}

  private final KbVersionStore store;
  private final Clock clock;
  private final Indexer indexer;
  private volatile java.util.function.Function<KnowledgeBase, List<String>> checks = kb -> List.of();
  private final AtomicReference<Live> live;
  private final ScheduledExecutorService retirer = Executors.newSingleThreadScheduledExecutor(runnable -> {
    Thread thread = new Thread(runnable, "kb-retire");
    thread.setDaemon(true);
    return thread;
  });

  private KnowledgeService(KbVersionStore store, Clock clock, Indexer indexer, Live first) {
    this.store = store;
    this.clock = clock;
    this.indexer = indexer;
    this.live = new AtomicReference<>(first);
  }

  /**
   * Opens the knowledge: the newest published version, or, on the first start, the shipped tree
   * published as version 1.
   *
   * @param shipped the shipped tree's knowledge, built while the database opened; used as is when the
   *     newest version is the shipped files, closed otherwise
   */
  public static KnowledgeService open(KbVersionStore store, Knowledge shipped, Clock clock) {
    return open(store, shipped, clock, Indexer.lexical());
  }

  /**
   * Opens the knowledge, building the index of every version with {@code indexer} (the shipped
   * tree's knowledge must have been built with it too).
   */
  public static KnowledgeService open(KbVersionStore store, Knowledge shipped, Clock clock, Indexer indexer) {
    Map<String, String> shippedFiles = ShippedFiles.read();
    KbVersion latest = store.latest().orElseGet(() -> store.publish(shippedFiles,
        "首次啟動：匯入隨附的知識庫", "system", clock.instant()));
    if (latest.files().equals(new java.util.TreeMap<>(shippedFiles))) {
      return new KnowledgeService(store, clock, indexer, new Live(latest.number(), shipped, new AtomicReference<>()));
    }
    shipped.index().close();
    KnowledgeBase kb = KnowledgeBaseLoader.fromFiles(latest.files()).orThrow();
    return new KnowledgeService(store, clock, indexer,
        new Live(latest.number(), new Knowledge(kb, indexer.build(kb)), new AtomicReference<>()));
  }

  /**
   * Adds checks a new version must pass besides loading (the bot's: every action an answer names is
   * one it can carry out).
   */
  public KnowledgeService requiring(java.util.function.Function<KnowledgeBase, List<String>> checks) {
    this.checks = checks;
    return this;
  }

  /** How this service builds the index of each version (drafts are built the same way). */
  public Indexer indexer() {
    return indexer;
  }

  /** The knowledge the bot answers from now. */
  public Knowledge current() {
    return live.get().knowledge();
  }

  /** The live version's number. */
  public int version() {
    return live.get().number();
  }

  /** The published versions, newest first. */
  public List<KbVersion.Summary> history() {
    return store.history();
  }

  /**
   * Publishes files as a new version.
   *
   * @param confirmBreaking go ahead although the regression check found questions the new version
   *     answers wrongly (the console asks first)
   */
  public synchronized PublishOutcome publish(Map<String, String> files, String note, String by,
      boolean confirmBreaking) {
    LoadResult loaded = KnowledgeBaseLoader.fromFiles(files);
    if (loaded instanceof LoadResult.Invalid invalid) {
      return new PublishOutcome.Invalid(invalid.problems().stream().map(Object::toString).toList());
    }
    KnowledgeBase kb = ((LoadResult.Loaded) loaded).knowledgeBase();
    List<String> problems = checks.apply(kb);
    if (!problems.isEmpty()) {
      return new PublishOutcome.Invalid(problems);
    }
    QuestionIndex index = indexer.build(kb);
    List<Regression.Golden> golden = store.golden();
    List<Regression.Failure> misses = Regression.run(kb, index, golden);
    Live now = live.get();
    List<Regression.Failure> broken = Regression.broken(now.knowledge().knowledgeBase(), liveMisses(golden), kb,
        index, misses);
    if (!broken.isEmpty() && !confirmBreaking) {
      index.close();
      return new PublishOutcome.WouldBreak(broken);
    }
    KbVersion version = store.publish(files, note, by, clock.instant());
    swap(new Live(version.number(), new Knowledge(kb, index), new AtomicReference<>(misses)));
    LOG.info("knowledge version {} published by {} and live", version.number(), by);
    return new PublishOutcome.Published(version.summary());
  }

  /** Rolls back by publishing an older version's files again as the newest version. */
  public PublishOutcome rollback(int number, String by, boolean confirmBreaking) {
    KbVersion old = store.version(number)
        .orElseThrow(() -> new IllegalArgumentException("no knowledge version " + number));
    return publish(old.files(), "回復至第 " + number + " 版", by, confirmBreaking);
  }

  /**
   * Swaps in a version published by another node, if there is a newer one; returns whether it did.
   * Run periodically.
   */
  public synchronized boolean refresh() {
    int newest = store.latestNumber();
    if (newest <= live.get().number()) {
      return false;
    }
    KbVersion version = store.version(newest).orElseThrow();
    KnowledgeBase kb = KnowledgeBaseLoader.fromFiles(version.files()).orThrow();
    swap(new Live(version.number(), new Knowledge(kb, indexer.build(kb)), new AtomicReference<>()));
    LOG.info("knowledge version {} (published elsewhere) is live", version.number());
    return true;
  }

  /** Polls the database for versions published by other nodes, every {@code interval}. */
  public KnowledgeService pollEvery(Duration interval) {
    retirer.scheduleWithFixedDelay(() -> {
      try {
        refresh();
      } catch (RuntimeException e) {
        LOG.warn("knowledge refresh failed; it runs again in {}", interval, e);
      }
    }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    return this;
  }

  private List<Regression.Failure> liveMisses(List<Regression.Golden> golden) {
    Live now = live.get();
    List<Regression.Failure> misses = now.misses().get();
    if (misses == null) {
      misses = Regression.run(now.knowledge().knowledgeBase(), now.knowledge().index(), golden);
      now.misses().set(misses);
    }
    return misses;
  }

  private void swap(Live next) {
    Live old = live.getAndSet(next);
    retirer.schedule(() -> old.knowledge().index().close(), RETIRE_AFTER.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() {
    retirer.shutdownNow();
    live.get().knowledge().index().close();
  }
}
