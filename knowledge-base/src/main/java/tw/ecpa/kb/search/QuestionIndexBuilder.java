package tw.ecpa.kb.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import tw.ecpa.kb.search.embedding.PhrasingVectors;
import tw.ecpa.kb.search.embedding.ScopeProbe;
import tw.ecpa.kb.search.embedding.Semantics;
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
 * Builds a {@link QuestionIndex} for one knowledge-base version: the Lucene phrasings, the intent
 * classifier, the synonym and own-keyword hints, the phrasing vectors and the scope probe, the slow
 * parts on other cores at once.
 */
final class QuestionIndexBuilder {

  private static final double TITLE_WEIGHT = 1.0;
  private static final double KEYWORD_WEIGHT = 0.9;
  private static final double TEXT_WEIGHT = 0.5;
  private static final double ALL_WEIGHT = 0.8;
  private static final int MAX_ITERATIONS = 100;
  private static final int MIN_ITERATIONS = 10;

  private QuestionIndexBuilder() {}

  static QuestionIndex build(KnowledgeBase knowledgeBase, SearchSettings settings, Semantics semantics) {
    CompletableFuture<PhrasingVectors> embedding = semantics == null || !settings.meaning().on()
        ? CompletableFuture.completedFuture(null)
        : CompletableFuture.supplyAsync(() -> semantics.index(meaningPhrasings(knowledgeBase)));
    CompletableFuture<ScopeProbe> probing = embedding.thenApply(v -> v == null ? null : ScopeProbe.train(v, QuestionIndex.OUT_OF_SCOPE));
    // The two ICU transliterators take a second or so to compile; build the pinyin one on another
    // core while this thread normalizes with the other.
    CompletableFuture<Void> pinyinReady = CompletableFuture.runAsync(Pinyin::warmUp);
    TextNormalizer normalizer = TextNormalizer.of(knowledgeBase.synonyms());
    Map<String, List<String>> extraKeywords = new HashMap<>();
    List<QuestionIndex.Hint> hints = new ArrayList<>();
    for (SynonymGroup group : knowledgeBase.synonyms()) {
      for (String id : group.nodes()) {
        extraKeywords.computeIfAbsent(id, k -> new ArrayList<>()).addAll(group.terms());
      }
      String term = TextNormalizer.basic(group.canonical()).strip();
      if (!group.nodes().isEmpty() && !term.isEmpty()) {
        hints.add(new QuestionIndex.Hint(term, group.nodes()));
      }
    }
    List<Phrasing> docs = new ArrayList<>();
    List<Example> examples = new ArrayList<>();
    Map<String, Set<String>> offered = new HashMap<>();
    Map<String, String> nodeTexts = new HashMap<>();
    for (Node node : knowledgeBase.searchable()) {
      String id = node.id();
      if (node instanceof MenuNode menu) {
        offered.put(id, menu.options().stream().map(Option::target).collect(Collectors.toUnmodifiableSet()));
      }
      List<String> own = new ArrayList<>();
      own.add(normalizer.normalize(node.title()));
      node.questions().forEach(q -> own.add(normalizer.normalize(q)));
      node.symptoms().forEach(symptom -> own.add(normalizer.normalize(symptom.text())));
      Set<String> phrases = new LinkedHashSet<>(own);
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
      List<String> normalizedKeywords = keywords.stream().map(normalizer::normalize).toList();
      if (phrases.size() > 1) {
        // The node as a whole: lets terms spread over several phrasings meet (Safari + 封鎖).
        StringBuilder all = new StringBuilder();
        phrases.forEach(p -> all.append(p).append('\n'));
        normalizedKeywords.forEach(k -> all.append(k).append('\n'));
        docs.add(new Phrasing(id, all.toString(), ALL_WEIGHT));
      }
      // The per-node index of the calibration: the node's own phrasings and keywords, as written.
      own.addAll(normalizedKeywords.subList(0, node.keywords().size()));
      nodeTexts.put(id, String.join("\n", own));
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
    PhrasingVectors vectors;
    ScopeProbe scope;
    try {
      classifier = training.join();
      vectors = embedding.join();
      scope = probing.join();
    } catch (RuntimeException e) {
      index.close();
      throw e;
    }
    return new QuestionIndex(settings, normalizer, index, classifier, List.copyOf(hints),
        ownKeywords(knowledgeBase), Map.copyOf(offered), vectors == null ? null : semantics, vectors,
        CandidateFeatures.of(knowledgeBase, PhrasingIndex.perNode(settings.analysis(), nodeTexts)), scope);
  }

  /** The keywords only one node has (two characters or more, as the question would be normalized), as hints. */
  private static List<QuestionIndex.Hint> ownKeywords(KnowledgeBase knowledgeBase) {
    Map<String, Set<String>> nodesOf = new HashMap<>();
    for (Node node : knowledgeBase.searchable()) {
      for (String keyword : node.keywords()) {
        String term = TextNormalizer.basic(keyword).strip();
        if (term.codePointCount(0, term.length()) >= 2) {
          nodesOf.computeIfAbsent(term, k -> new LinkedHashSet<>()).add(node.id());
        }
      }
    }
    return nodesOf.entrySet().stream().filter(e -> e.getValue().size() == 1)
        .map(e -> new QuestionIndex.Hint(e.getKey(), List.copyOf(e.getValue()))).toList();
  }

  /**
   * What is embedded of each node (its title, alternate questions and symptoms, as users would write
   * them), the knowledge base's out-of-scope examples under {@link QuestionIndex#OUT_OF_SCOPE}, and
   * its small talk under {@link QuestionIndex#SMALL_TALK} and the node's id.
   */
  private static List<PhrasingVectors.Phrasing> meaningPhrasings(KnowledgeBase knowledgeBase) {
    List<PhrasingVectors.Phrasing> out = new ArrayList<>();
    for (String example : knowledgeBase.outOfScope()) {
      out.add(new PhrasingVectors.Phrasing(QuestionIndex.OUT_OF_SCOPE, TextNormalizer.basic(example).strip()));
    }
    for (Node node : knowledgeBase.nodes()) {
      if (node.id().startsWith(KnowledgeBase.SMALL_TALK)) {
        Set<String> texts = new LinkedHashSet<>();
        texts.add(TextNormalizer.basic(node.title()).strip());
        node.questions().forEach(q -> texts.add(TextNormalizer.basic(q).strip()));
        texts.stream().filter(t -> !t.isEmpty())
            .forEach(t -> out.add(new PhrasingVectors.Phrasing(QuestionIndex.SMALL_TALK + node.id(), t)));
      }
    }
    for (Node node : knowledgeBase.searchable()) {
      Set<String> texts = new LinkedHashSet<>();
      texts.add(TextNormalizer.basic(node.title()).strip());
      node.questions().forEach(q -> texts.add(TextNormalizer.basic(q).strip()));
      node.symptoms().forEach(symptom -> texts.add(TextNormalizer.basic(symptom.text()).strip()));
      texts.stream().filter(t -> !t.isEmpty()).forEach(t -> out.add(new PhrasingVectors.Phrasing(node.id(), t)));
    }
    return out;
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
}
