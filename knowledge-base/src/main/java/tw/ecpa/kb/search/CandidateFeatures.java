package tw.ecpa.kb.search;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tw.ecpa.kb.search.icu.TextNormalizer;
import tw.ecpa.kb.search.lucene.PhrasingIndex;
import tw.ecpa.kb.tree.AnswerNode;
import tw.ecpa.kb.tree.KnowledgeBase;
import tw.ecpa.kb.tree.MenuNode;
import tw.ecpa.kb.tree.Node;
import tw.ecpa.kb.tree.Option;
import tw.ecpa.kb.tree.SynonymGroup;

/**
 * What {@link Calibration} weighs about each candidate of a question: how it scores lexically and in
 * meaning, absolutely and against the best, and what the question says about being in scope at all
 * (how the scope probe reads it; closer to an out-of-scope example than to any phrasing; words the
 * knowledge base never uses; a product name it never mentions, such as Outlook; one of its outside terms),
 * and how well each node's phrasings taken together explain the question (a per-node BM25, whose term
 * weights count nodes rather than phrasings). {@link #close()} releases that index.
 */
final class CandidateFeatures implements AutoCloseable {

  /** The feature names, in order; {@link Calibration} checks its file against them. */
  static final List<String> NAMES = List.of("lexical", "lexicalLead", "cosine", "cosineLead", "lexicalRank",
      "cosineRank", "ownKeyword", "outOfScopeLead", "menu", "unknownWords", "foreignName",
      "inScope", "outsideTerm", "nodeWords", "nodeWordsLead", "nodeWordsRank");

  /** How many of the best candidates by each signal are weighed. */
  private static final int DEPTH = 8;
  /** How many nodes the per-node index scores for a question. */
  private static final int NODE_DEPTH = 50;
  private static final Pattern LATIN_WORD = Pattern.compile("[A-Za-z][A-Za-z0-9]+");

  /** One candidate node and its features, in the order of {@link #NAMES}. */
  record Featured(String nodeId, double[] x) {}

  private final Set<String> bigrams;
  private final Set<String> latinWords;
  private final Set<String> menus;
  private final List<String> outsideTerms;
  private final PhrasingIndex nodes;

  private CandidateFeatures(Set<String> bigrams, Set<String> latinWords, Set<String> menus, List<String> outsideTerms,
      PhrasingIndex nodes) {
    this.outsideTerms = outsideTerms;
    this.nodes = nodes;
    this.bigrams = bigrams;
    this.latinWords = latinWords;
    this.menus = menus;
  }

  /**
   * The vocabulary of a knowledge base (every text of its nodes and synonym groups), with its per-node
   * index of titles, alternate questions, symptoms and keywords, which the features now own.
   */
  static CandidateFeatures of(KnowledgeBase kb, PhrasingIndex nodes) {
    Set<String> bigrams = new HashSet<>();
    Set<String> words = new HashSet<>();
    Set<String> menus = new HashSet<>();
    List<String> texts = new ArrayList<>();
    for (Node node : kb.searchable()) {
      texts.add(node.title());
      texts.addAll(node.questions());
      texts.addAll(node.keywords());
      node.symptoms().forEach(s -> texts.add(s.text()));
      if (node instanceof AnswerNode answer) {
        texts.add(answer.fullText());
      } else if (node instanceof MenuNode menu) {
        menus.add(node.id());
        texts.add(menu.prompt());
        menu.options().stream().map(Option::label).forEach(texts::add);
      }
    }
    kb.synonyms().stream().map(SynonymGroup::terms).forEach(texts::addAll);
    for (String text : texts) {
      String basic = TextNormalizer.basic(text);
      bigrams.addAll(hanBigrams(basic));
      Matcher m = LATIN_WORD.matcher(basic);
      while (m.find()) {
        words.add(m.group());
      }
    }
    List<String> outside = kb.outsideTerms().stream().map(t -> TextNormalizer.basic(t).strip())
        .filter(t -> !t.isEmpty()).distinct().toList();
    return new CandidateFeatures(Set.copyOf(bigrams), Set.copyOf(words), Set.copyOf(menus), outside,
        nodes);
  }

  /**
   * The features of the question's candidates: the best {@value #DEPTH} by each signal.
   *
   * @param question the question as typed
   * @param normalized the question normalized as the knowledge base's texts are
   * @param lexical each node's lexical confidence
   * @param cosines each node's best cosine with the question (every node)
   * @param outOfScope the best cosine with the knowledge base's out-of-scope examples
   * @param ownKeyword the nodes whose own keyword the question contains
   */
  List<Featured> of(String question, String normalized, Map<String, Double> lexical, Map<String, Double> cosines,
      double outOfScope, Set<String> ownKeyword, double inScope) {
    Map<String, Double> nodeWords = nodes.search(normalized, NODE_DEPTH);
    Map<String, Integer> lexicalRank = ranks(lexical);
    Map<String, Integer> cosineRank = ranks(cosines);
    Map<String, Integer> nodeWordsRank = ranks(nodeWords);
    double[] lexicalTop = topTwo(lexical);
    double[] cosineTop = topTwo(cosines);
    double[] nodeWordsTop = topTwo(nodeWords);
    double bestCosine = cosineTop[0];
    double worstCosine = cosines.values().stream().mapToDouble(Double::doubleValue).min().orElse(0);
    double unknown = unknownShare(question);
    double foreign = mentionsForeignName(question) ? 1 : 0;
    double outside = namesOutsideTerm(question) ? 1 : 0;
    Set<String> ids = new LinkedHashSet<>();
    lexicalRank.forEach((id, r) -> { if (r < DEPTH) ids.add(id); });
    cosineRank.forEach((id, r) -> { if (r < DEPTH) ids.add(id); });
    nodeWordsRank.forEach((id, r) -> { if (r < DEPTH) ids.add(id); });
    List<Featured> out = new ArrayList<>(ids.size());
    for (String id : ids) {
      double l = lexical.getOrDefault(id, 0.0);
      double c = cosines.getOrDefault(id, worstCosine);
      double w = nodeWords.getOrDefault(id, 0.0);
      out.add(new Featured(id, new double[] {
          l, l - other(lexicalTop, l), c, c - other(cosineTop, c),
          1.0 / (1 + lexicalRank.getOrDefault(id, DEPTH + 1)), 1.0 / (1 + Math.min(cosineRank.getOrDefault(id, DEPTH + 1), DEPTH + 1)),
          ownKeyword.contains(id) ? 1 : 0, outOfScope - bestCosine, menus.contains(id) ? 1 : 0, unknown, foreign,
          inScope, outside, w, w - other(nodeWordsTop, w), 1.0 / (1 + nodeWordsRank.getOrDefault(id, DEPTH + 1))}));
    }
    return out;
  }

  /** Whether the question names one of the knowledge base's outside terms (網路銀行, LINE, 報稅), as a word. */
  boolean namesOutsideTerm(String question) {
    String basic = TextNormalizer.basic(question);
    return outsideTerms.stream().anyMatch(term -> TextNormalizer.mentions(basic, term));
  }

  /** The best and second-best value. */
  private static double[] topTwo(Map<String, Double> scores) {
    double first = 0;
    double second = 0;
    for (double v : scores.values()) {
      if (v > first) {
        second = first;
        first = v;
      } else if (v > second) {
        second = v;
      }
    }
    return new double[] {first, second};
  }

  /** The best value other than this candidate's: how far ahead it is (or, negative, behind). */
  private static double other(double[] top, double value) {
    return value >= top[0] ? top[1] : top[0];
  }

  /** The share of the question's Chinese character pairs that no text of the knowledge base has. */
  double unknownShare(String question) {
    List<String> pairs = hanBigrams(TextNormalizer.basic(question));
    return pairs.isEmpty() ? 0 : pairs.stream().filter(p -> !bigrams.contains(p)).count() / (double) pairs.size();
  }

  /**
   * Whether the question names something in Latin letters, capitalized, that the knowledge base never
   * mentions (Outlook, LINE, Gmail), not counting the first word of an English sentence.
   */
  boolean mentionsForeignName(String question) {
    Matcher m = LATIN_WORD.matcher(Normalizer.normalize(question, Normalizer.Form.NFKC));
    List<String> words = new ArrayList<>();
    while (m.find()) {
      words.add(m.group());
    }
    boolean englishSentence = words.size() >= 3;
    for (int i = englishSentence ? 1 : 0; i < words.size(); i++) {
      String w = words.get(i);
      if (Character.isUpperCase(w.charAt(0)) && !latinWords.contains(w.toLowerCase(java.util.Locale.ROOT))) {
        return true;
      }
    }
    return false;
  }

  private static List<String> hanBigrams(String s) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i + 1 < s.length(); i++) {
      if (TextNormalizer.isHan(s.charAt(i)) && TextNormalizer.isHan(s.charAt(i + 1))) {
        out.add(s.substring(i, i + 2));
      }
    }
    return out;
  }

  private static Map<String, Integer> ranks(Map<String, Double> scores) {
    List<String> order = scores.entrySet().stream()
        .sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
        .map(Map.Entry::getKey).toList();
    Map<String, Integer> out = new HashMap<>();
    for (int i = 0; i < order.size(); i++) {
      out.put(order.get(i), i);
    }
    return out;
  }

  @Override
  public void close() {
    nodes.close();
  }
}
