package tw.ecpa.kb.search;

import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import tw.ecpa.kb.search.icu.TextNormalizer;
import tw.ecpa.kb.search.lucene.PhrasingIndex;
import tw.ecpa.kb.search.opennlp.IntentClassifier;
import tw.ecpa.kb.search.embedding.MessageParts;
import tw.ecpa.kb.search.embedding.PhrasingVectors;
import tw.ecpa.kb.search.embedding.ScopeProbe;
import tw.ecpa.kb.search.embedding.Semantics;
import tw.ecpa.kb.tree.KnowledgeBase;

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

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(QuestionIndex.class);

  private static final int LUCENE_DEPTH = 100;
  private static final int CLASSIFIER_DEPTH = 10;
  /** The pseudo node the out-of-scope examples' vectors belong to; never a candidate. */
  static final String OUT_OF_SCOPE = "~out-of-scope";
  /** The prefix of the pseudo nodes small talk's vectors belong to (then the node's id); never candidates. */
  static final String SMALL_TALK = "~talk:";
  /** How close in meaning a short message must be to small talk, and how much closer than to any phrasing. */
  private static final double SMALL_TALK_AT = 0.82;
  private static final double SMALL_TALK_LEAD = 0.03;
  private static final int SMALL_TALK_LONGEST = 30;
  /** The scope probe's reading below which a message alone counts as out of scope. */
  private static final double OUT_OF_SCOPE_BELOW = 0.3;

  private final SearchSettings settings;
  private final TextNormalizer normalizer;
  private final PhrasingIndex phrasings;
  private final IntentClassifier classifier;
  private final List<Hint> hints;
  /** Keywords that belong to one node only, as hints to that node. */
  private final List<Hint> exact;
  /** Menu id to the ids its options lead to. */
  private final Map<String, Set<String>> offered;
  /** The meaning-level signal, or {@code null} when this index has none. */
  private final Semantics semantics;
  private final PhrasingVectors vectors;
  private final CandidateFeatures features;
  /** Tells questions the knowledge base answers from those it says it does not, by their vectors. */
  private final ScopeProbe scope;

  /**
   * A synonym group that names nodes: when a question mentions its canonical term (every variant has
   * been rewritten to it by then), the named nodes gain confidence.
   */
  record Hint(String term, List<String> nodes) {

    boolean mentionedIn(String normalized) {
      return TextNormalizer.mentions(normalized, term);
    }
  }

  QuestionIndex(
      SearchSettings settings, TextNormalizer normalizer, PhrasingIndex phrasings,
      IntentClassifier classifier, List<Hint> hints, List<Hint> exact, Map<String, Set<String>> offered,
      Semantics semantics, PhrasingVectors vectors, CandidateFeatures features,
      ScopeProbe scope) {
    this.scope = scope;
    this.features = features;
    this.exact = exact;
    this.settings = settings;
    this.semantics = semantics;
    this.vectors = vectors;
    this.normalizer = normalizer;
    this.phrasings = phrasings;
    this.classifier = classifier;
    this.hints = hints;
    this.offered = offered;
  }

  /** Builds the lexical index (and trains the intent model) for a knowledge base, without embeddings. */
  public static QuestionIndex build(KnowledgeBase knowledgeBase) {
    return build(knowledgeBase, SearchSettings.lexical());
  }

  /** Builds the index with chosen analysis, fusion and thresholds (for measurement and tests). */
  public static QuestionIndex build(KnowledgeBase knowledgeBase, SearchSettings settings) {
    return build(knowledgeBase, settings, null);
  }

  /**
   * Builds the index with a meaning-level signal: the phrasings are embedded (or read from the
   * semantics' cache) on another core while Lucene indexes and the classifier trains. Without
   * {@code semantics}, or with {@link SearchSettings#meaning()} off, the index is lexical only.
   */
  public static QuestionIndex build(KnowledgeBase knowledgeBase, SearchSettings settings, Semantics semantics) {
    return QuestionIndexBuilder.build(knowledgeBase, settings, semantics);
  }

  /** Decides what a question means: answer, suggest, or no match. */
  public Match match(String question) {
    return ConfidenceModel.decide(ranking(question, 4), settings, this::offers);
  }

  /** Whether one node is a menu with an option leading to the other. */
  boolean offers(String a, String b) {
    return offered.getOrDefault(a, Set.of()).contains(b) || offered.getOrDefault(b, Set.of()).contains(a);
  }

  /** The best {@code limit} candidates for a question, best first, with calibrated confidences. */
  public List<Candidate> rank(String question, int limit) {
    return ranking(question, limit).candidates();
  }

  /** The best {@code limit} candidates, with the best one's features when the calibration ranked them. */
  Ranking ranking(String question, int limit) {
    String text = question == null ? "" : question;
    String normalized = normalizer.normalize(text);
    if (normalized.isBlank()) {
      return Ranking.of(List.of());
    }
    Map<String, Double> fused = lexicalWithClauses(text, normalized);
    List<Candidate> lexical = sorted(fused, Math.max(limit, 2));
    if (vectors == null || lexicallySure(lexical)) {
      return Ranking.of(lexical.size() > limit ? lexical.subList(0, limit) : lexical);
    }
    try {
      if (!settings.calibrated()) {
        return Ranking.of(sorted(withMeaning(fused, text), limit));
      }
      Map<String, double[]> features = new HashMap<>();
      Map<String, Double> probabilities = new HashMap<>();
      for (CandidateFeatures.Featured f : featured(fused, text, normalized)) {
        features.put(f.nodeId(), f.x());
        probabilities.put(f.nodeId(), settings.calibration().probability(f.x()));
      }
      List<Candidate> ranked = sorted(probabilities, limit);
      return new Ranking(ranked, ranked.isEmpty() ? null : features.get(ranked.get(0).nodeId()), text.length());
    } catch (RuntimeException e) {
      // The model failing on one question must not fail the turn: answer from the words alone.
      LOG.warn("the meaning signal failed on a question; answering from the lexical index: {}", e.toString());
      return Ranking.of(lexical.size() > limit ? lexical.subList(0, limit) : lexical);
    }
  }

  /**
   * The lexical confidences of a whole message, and of a long message's sentences and clauses: the
   * sentence that holds the question may explain a node far better than the whole message, whose other
   * words dilute every score.
   */
  private Map<String, Double> lexicalWithClauses(String text, String normalized) {
    Map<String, Double> fused = lexical(normalized);
    double clauseWeight = settings.meaning().clauseWeight();
    if (clauseWeight > 0) {
      List<String> parts = MessageParts.of(text);
      for (String part : parts.subList(1, parts.size())) {
        String p = normalizer.normalize(part);
        if (!p.isBlank()) {
          lexical(p).forEach((id, s) -> fused.merge(id, clauseWeight * s, Math::max));
        }
      }
    }
    return fused;
  }

  private List<CandidateFeatures.Featured> featured(Map<String, Double> lexical, String question, String normalized) {
    String basic = TextNormalizer.basic(question);
    List<String> parts = MessageParts.of(basic);
    Map<String, Double> closest = new HashMap<>(semantics.closest(vectors, parts));
    double inScope = scope.inScope(semantics.embed(parts));
    Double outOfScope = closest.remove(OUT_OF_SCOPE);
    closest.keySet().removeIf(id -> id.startsWith(SMALL_TALK));
    Set<String> named = exact.stream().filter(h -> h.mentionedIn(basic)).map(h -> h.nodes().get(0))
        .collect(Collectors.toSet());
    return features.of(question, normalized, lexical, closest, outOfScope == null ? -1 : outOfScope,
        named, inScope);
  }

  /** The candidates of a question with their features, embedding it whatever the lexical index says (for fitting). */
  List<CandidateFeatures.Featured> featured(String question) {
    String normalized = normalizer.normalize(question);
    if (vectors == null || normalized.isBlank()) {
      return List.of();
    }
    return featured(lexicalWithClauses(question, normalized), question, normalized);
  }

  /** Lucene, the classifier and the synonym hints on one normalized text. */
  private Map<String, Double> lexical(String normalized) {
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
    return fused;
  }

  /** Whether the lexical best is so far ahead that embedding the question could not change the answer. */
  private boolean lexicallySure(List<Candidate> lexical) {
    SearchSettings.Meaning m = settings.meaning();
    if (lexical.isEmpty()) {
      return false;
    }
    double best = lexical.get(0).confidence();
    double next = lexical.size() > 1 ? lexical.get(1).confidence() : 0;
    return best >= m.sureAt() && best - next >= m.sureMargin();
  }

  /** The lexical confidences fused with how close in meaning the question is to each node's phrasings. */
  private Map<String, Double> withMeaning(Map<String, Double> lexical, String question) {
    SearchSettings.Meaning m = settings.meaning();
    String basic = TextNormalizer.basic(question);
    Map<String, Double> closest = new HashMap<>(semantics.closest(vectors, MessageParts.of(basic)));
    Double outOfScope = closest.remove(OUT_OF_SCOPE);
    closest.keySet().removeIf(id -> id.startsWith(SMALL_TALK));
    double nearest = closest.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
    // Closer to a question the knowledge base says it does not answer than to any of its phrasings.
    double scale = outOfScope != null && outOfScope >= nearest + m.outOfScopeLead() ? 0.5 : 1;
    Map<String, Double> out = new HashMap<>();
    closest.forEach((id, cosine) -> {
      double meaning = m.score(cosine);
      double words = lexical.getOrDefault(id, 0.0);
      if (meaning > 0 || words > 0) {
        out.put(id, (1 - m.weight()) * words + m.weight() * meaning);
      }
    });
    lexical.forEach((id, words) -> out.putIfAbsent(id, (1 - m.weight()) * words));
    if (m.exactWeight() > 0) {
      List<Hint> named = exact.stream().filter(h -> h.mentionedIn(basic)).toList();
      for (Hint hint : named) {
        out.merge(hint.nodes().get(0), m.exactWeight() / named.size(), Double::sum);
      }
    }
    if (scale < 1) {
      out.replaceAll((id, v) -> v * scale);
    }
    return out;
  }

  private static List<Candidate> sorted(Map<String, Double> scores, int limit) {
    return scores.entrySet().stream()
        .map(e -> new Candidate(e.getKey(), Math.min(1.0, e.getValue())))
        .sorted(Comparator.comparingDouble(Candidate::confidence).reversed()
            .thenComparing(Candidate::nodeId))
        .limit(limit)
        .toList();
  }

  /**
   * The existing phrasings (titles, alternate questions, symptoms) closest in meaning to a question,
   * closest first: what an editor sees before adding it. Empty without the meaning-level signal.
   */
  public List<PhrasingVectors.Near> similarPhrasings(String question, int limit) {
    if (vectors == null || question == null || question.isBlank()) {
      return List.of();
    }
    return vectors.nearest(semantics.embed(List.of(TextNormalizer.basic(question).strip())).get(0), limit + 20)
        .stream().filter(n -> !n.nodeId().startsWith("~")).limit(limit).toList();
  }

  /**
   * Whether a message, read alone, is about something this knowledge base does not cover: it names one
   * of the outside terms (網路銀行, LINE), or the scope probe reads its meaning as out of scope. A
   * follow-up that is not is read against the conversation; one that is never borrows its context.
   */
  public boolean outOfScope(String message) {
    if (message == null || message.isBlank()) {
      return false;
    }
    if (features.namesOutsideTerm(message)) {
      return true;
    }
    return scope != null && scope.inScope(semantics.embed(MessageParts.of(TextNormalizer.basic(message)))) < OUT_OF_SCOPE_BELOW;
  }

  /**
   * The share of a message's Chinese character pairs that no text of the knowledge base uses (0 without
   * any): near 1, the message says nothing the knowledge base could carry on about (好煩喔, 頭好痛).
   */
  public double unknownWords(String message) {
    return message == null ? 0 : features.unknownShare(message);
  }

  /**
   * The small-talk node a short message means (thanks in other words), when it is closer in meaning to
   * small talk than to any of the knowledge base's questions; empty without the meaning-level signal.
   */
  public Optional<String> smallTalk(String message) {
    if (vectors == null || message == null || message.isBlank() || message.strip().length() > SMALL_TALK_LONGEST) {
      return Optional.empty();
    }
    Map<String, Double> closest = semantics.closest(vectors, List.of(TextNormalizer.basic(message).strip()));
    String talk = null;
    double talkCosine = -1;
    double topic = -1;
    for (Map.Entry<String, Double> e : closest.entrySet()) {
      if (e.getKey().startsWith(SMALL_TALK)) {
        if (e.getValue() > talkCosine) {
          talkCosine = e.getValue();
          talk = e.getKey().substring(SMALL_TALK.length());
        }
      } else if (!e.getKey().equals(OUT_OF_SCOPE)) {
        topic = Math.max(topic, e.getValue());
      }
    }
    return talk != null && talkCosine >= SMALL_TALK_AT && talkCosine >= topic + SMALL_TALK_LEAD
        ? Optional.of(talk) : Optional.empty();
  }

  /** Whether this index has the meaning-level signal. */
  public boolean understandsMeaning() {
    return vectors != null;
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

  /** What the calibration weighs, for tests of the features on a built index. */
  CandidateFeatures features() {
    return features;
  }

  /** The settings this index was built with. */
  public SearchSettings settings() {
    return settings;
  }

  @Override
  public void close() {
    phrasings.close();
    features.close();
  }
}
