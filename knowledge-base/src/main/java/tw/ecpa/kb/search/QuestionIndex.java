package tw.ecpa.kb.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import tw.ecpa.kb.search.icu.Pinyin;
import tw.ecpa.kb.search.icu.TextNormalizer;
import tw.ecpa.kb.search.lucene.PhrasingIndex;
import tw.ecpa.kb.search.lucene.PhrasingIndex.Phrasing;
import tw.ecpa.kb.search.opennlp.IntentClassifier;
import tw.ecpa.kb.search.opennlp.IntentClassifier.Example;
import tw.ecpa.kb.tree.AnswerNode;
import tw.ecpa.kb.tree.KnowledgeBase;
import tw.ecpa.kb.tree.MenuNode;
import tw.ecpa.kb.tree.Node;
import tw.ecpa.kb.tree.Option;
import tw.ecpa.kb.tree.SynonymGroup;

/**
 * The searchable form of one knowledge-base version: understands a free-text question in
 * Traditional or Simplified Chinese (or English terms) and says which node it means.
 *
 * <p>Questions and indexed text go through the same {@link TextNormalizer}; a Lucene index scores
 * phrasings on character and pinyin bigrams, an OpenNLP maxent classifier scores intents, and the
 * two are fused into one confidence that the thresholds in {@link SearchSettings} turn into a
 * {@link Match}. Built once per published version; thread-safe; {@link #close()} releases the index.
 */
public final class QuestionIndex implements AutoCloseable {

  private static final double TITLE_WEIGHT = 1.0;
  private static final double KEYWORD_WEIGHT = 0.9;
  private static final double TEXT_WEIGHT = 0.5;
  private static final double ALL_WEIGHT = 0.8;
  private static final int LUCENE_DEPTH = 100;
  private static final int CLASSIFIER_DEPTH = 10;
  private static final int MAX_ITERATIONS = 100;
  private static final int MIN_ITERATIONS = 10;

  private final SearchSettings settings;
  private final TextNormalizer normalizer;
  private final PhrasingIndex phrasings;
  private final IntentClassifier classifier;
  private final List<Hint> hints;
  /** Menu id to the ids its options lead to. */
  private final Map<String, Set<String>> offered;

  /**
   * A synonym group that names nodes: when a question mentions its canonical term (every variant has
   * been rewritten to it by then), the named nodes gain confidence.
   */
  private record Hint(String term, List<String> nodes) {

    boolean mentionedIn(String normalized) {
      for (int at = normalized.indexOf(term); at >= 0; at = normalized.indexOf(term, at + 1)) {
        if (TextNormalizer.wordBoundaryOk(normalized, at, term)) {
          return true;
        }
      }
      return false;
    }
  }

  private QuestionIndex(
      SearchSettings settings, TextNormalizer normalizer, PhrasingIndex phrasings,
      IntentClassifier classifier, List<Hint> hints, Map<String, Set<String>> offered) {
    this.settings = settings;
    this.normalizer = normalizer;
    this.phrasings = phrasings;
    this.classifier = classifier;
    this.hints = hints;
    this.offered = offered;
  }

  /** Builds the index (and trains the intent model) for a knowledge base. */
  public static QuestionIndex build(KnowledgeBase knowledgeBase) {
    return build(knowledgeBase, SearchSettings.defaults());
  }

  /** Builds the index with chosen analysis, fusion and thresholds (for measurement and tests). */
  public static QuestionIndex build(KnowledgeBase knowledgeBase, SearchSettings settings) {
    // The two ICU transliterators take a second or so to compile; build the pinyin one on another
    // core while this thread normalizes with the other.
    CompletableFuture<Void> pinyinReady = CompletableFuture.runAsync(Pinyin::warmUp);
    TextNormalizer normalizer = TextNormalizer.of(knowledgeBase.synonyms());
    Map<String, List<String>> extraKeywords = new HashMap<>();
    List<Hint> hints = new ArrayList<>();
    for (SynonymGroup group : knowledgeBase.synonyms()) {
      for (String id : group.nodes()) {
        extraKeywords.computeIfAbsent(id, k -> new ArrayList<>()).addAll(group.terms());
      }
      String term = TextNormalizer.basic(group.canonical()).strip();
      if (!group.nodes().isEmpty() && !term.isEmpty()) {
        hints.add(new Hint(term, group.nodes()));
      }
    }
    List<Phrasing> docs = new ArrayList<>();
    List<Example> examples = new ArrayList<>();
    Map<String, Set<String>> offered = new HashMap<>();
    for (Node node : knowledgeBase.nodes()) {
      String id = node.id();
      if (node instanceof MenuNode menu) {
        offered.put(id, menu.options().stream().map(Option::target).collect(Collectors.toUnmodifiableSet()));
      }
      Set<String> phrases = new LinkedHashSet<>();
      phrases.add(normalizer.normalize(node.title()));
      node.questions().forEach(q -> phrases.add(normalizer.normalize(q)));
      for (String p : phrases) {
        docs.add(new Phrasing(id, p, TITLE_WEIGHT));
        examples.add(new Example(id, p));
      }
      List<String> keywords = new ArrayList<>(node.keywords());
      keywords.addAll(extraKeywords.getOrDefault(id, List.of()));
      if (!keywords.isEmpty()) {
        String joined = normalizer.normalize(String.join(" ", keywords));
        docs.add(new Phrasing(id, joined, KEYWORD_WEIGHT));
        examples.add(new Example(id, joined));
      }
      if (phrases.size() > 1) {
        // The node as a whole: lets terms spread over several phrasings meet (Safari + 封鎖).
        StringBuilder all = new StringBuilder();
        phrases.forEach(p -> all.append(p).append('\n'));
        keywords.forEach(k -> all.append(normalizer.normalize(k)).append('\n'));
        docs.add(new Phrasing(id, all.toString(), ALL_WEIGHT));
      }
      String text = bodyOf(node);
      if (!text.isBlank()) {
        docs.add(new Phrasing(id, normalizer.normalize(text), TEXT_WEIGHT));
      }
    }
    // The classifier trains on another core while Lucene indexes: start-up time is the longer of two.
    CompletableFuture<IntentClassifier> training = CompletableFuture.completedFuture(null);
    if (settings.classifierWeight() > 0) {
      long work = (long) examples.size() * knowledgeBase.size();
      long iterations = settings.trainingBudget() / Math.max(1, work);
      // GIS evaluates every node for every example on each pass, so very large trees would take
      // minutes to train; past the budget the index answers from Lucene alone.
      if (iterations >= MIN_ITERATIONS) {
        int passes = (int) Math.min(MAX_ITERATIONS, iterations);
        training = CompletableFuture.supplyAsync(() -> IntentClassifier.train(examples, passes));
      }
    }
    pinyinReady.join();
    PhrasingIndex index = PhrasingIndex.build(settings.analysis(), settings.soundWeight(), docs);
    IntentClassifier classifier;
    try {
      classifier = training.join();
    } catch (RuntimeException e) {
      index.close();
      throw e;
    }
    return new QuestionIndex(settings, normalizer, index, classifier, List.copyOf(hints), Map.copyOf(offered));
  }

  private static String bodyOf(Node node) {
    if (node instanceof AnswerNode answer) {
      return answer.fullText();
    }
    MenuNode menu = (MenuNode) node;
    StringBuilder text = new StringBuilder(menu.prompt());
    for (Option option : menu.options()) {
      text.append('\n').append(option.label());
    }
    return text.toString();
  }

  /** Decides what a question means: answer, suggest, or no match. */
  public Match match(String question) {
    return ConfidenceModel.decide(rank(question, 4), settings, this::offers);
  }

  /** Whether one node is a menu with an option leading to the other. */
  private boolean offers(String a, String b) {
    return offered.getOrDefault(a, Set.of()).contains(b) || offered.getOrDefault(b, Set.of()).contains(a);
  }

  /** The best {@code limit} candidates for a question, best first, with calibrated confidences. */
  public List<Candidate> rank(String question, int limit) {
    String normalized = normalizer.normalize(question == null ? "" : question);
    if (normalized.isBlank()) {
      return List.of();
    }
    double wC = classifier == null ? 0 : settings.classifierWeight();
    double wL = 1 - wC;
    Map<String, Double> fused = new HashMap<>();
    if (wL > 0) {
      phrasings.search(normalized, LUCENE_DEPTH).forEach((id, s) -> fused.merge(id, wL * s, Double::sum));
    }
    if (classifier != null) {
      double[] p = classifier.probabilities(normalized);
      Set<String> lucene = Set.copyOf(fused.keySet());
      // Nodes Lucene found get their probability added; the classifier's favourites join them.
      Set<Integer> chosen = new LinkedHashSet<>();
      for (int i : topIndices(p, CLASSIFIER_DEPTH)) {
        chosen.add(i);
      }
      for (String id : lucene) {
        int i = classifier.outcomeOf(id);
        if (i >= 0) {
          chosen.add(i);
        }
      }
      for (int i : chosen) {
        fused.merge(classifier.nodeId(i), wC * p[i], Double::sum);
      }
    }
    if (settings.hintWeight() > 0) {
      // Several groups mentioned share the weight: the nodes named by all of them gain the most.
      List<Hint> mentioned = hints.stream().filter(h -> h.mentionedIn(normalized)).toList();
      for (Hint hint : mentioned) {
        for (String id : hint.nodes()) {
          fused.merge(id, settings.hintWeight() / mentioned.size(), Double::sum);
        }
      }
    }
    return fused.entrySet().stream()
        .map(e -> new Candidate(e.getKey(), Math.min(1.0, e.getValue())))
        .sorted(Comparator.comparingDouble(Candidate::confidence).reversed()
            .thenComparing(Candidate::nodeId))
        .limit(limit)
        .toList();
  }

  private static int[] topIndices(double[] values, int k) {
    int n = Math.min(k, values.length);
    int[] top = new int[n];
    double[] best = new double[n];
    Arrays.fill(best, -1);
    for (int i = 0; i < values.length; i++) {
      double v = values[i];
      if (v <= best[n - 1]) {
        continue;
      }
      int j = n - 1;
      while (j > 0 && best[j - 1] < v) {
        best[j] = best[j - 1];
        top[j] = top[j - 1];
        j--;
      }
      best[j] = v;
      top[j] = i;
    }
    return top;
  }

  /** The settings this index was built with. */
  public SearchSettings settings() {
    return settings;
  }

  @Override
  public void close() {
    phrasings.close();
  }
}
