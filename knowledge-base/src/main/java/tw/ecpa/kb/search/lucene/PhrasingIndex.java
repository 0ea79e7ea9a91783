package tw.ecpa.kb.search.lucene;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;
import tw.ecpa.kb.search.icu.Pinyin;

/**
 * A Lucene index with one document per phrasing of a node (title, alternate question, keywords,
 * answer text), searched on characters and on sound, with scores aggregated per node.
 *
 * <p>A node's score is its best phrasing's BM25 score times the phrasing's weight, divided by the
 * most the question's terms could score (the sum of their IDFs), so it lies in [0, 1] and says how
 * much of the question the node explains. Thread-safe once built.
 */
public final class PhrasingIndex implements AutoCloseable {

  /** A text that means a node, already normalized, with the weight its matches count for. */
  public record Phrasing(String nodeId, String text, double weight) {}

  private static final String CHARS = "zh";
  private static final String SOUND = "py";

  private final ChineseAnalysis analysis;
  private final double soundWeight;
  private final Analyzer charAnalyzer;
  private final Analyzer soundAnalyzer;
  private final ByteBuffersDirectory directory;
  private final DirectoryReader reader;
  private final IndexSearcher searcher;
  private final ConcurrentHashMap<Term, TermStates> termStates =
      new ConcurrentHashMap<>();
  private final String[] nodeOfDoc;
  private final float[] weightOfDoc;
  private final int docCount;

  private PhrasingIndex(ChineseAnalysis analysis, double soundWeight, List<Phrasing> phrasings, float k1, float b) {
    this.analysis = analysis;
    this.soundWeight = soundWeight;
    this.charAnalyzer = Analyzers.characters(analysis);
    this.soundAnalyzer = Analyzers.phonetic();
    this.directory = new ByteBuffersDirectory();
    BM25Similarity similarity = new BM25Similarity(k1, b);
    Analyzer perField = new PerFieldAnalyzerWrapper(charAnalyzer, Map.of(SOUND, soundAnalyzer));
    IndexWriterConfig config = new IndexWriterConfig(perField).setSimilarity(similarity);
    try (IndexWriter writer = new IndexWriter(directory, config)) {
      for (Phrasing p : phrasings) {
        Document doc = new Document();
        doc.add(new TextField(CHARS, Analyzers.prepare(analysis, p.text()), Field.Store.NO));
        if (soundWeight > 0) {
          doc.add(new TextField(SOUND, Pinyin.of(p.text()), Field.Store.NO));
        }
        writer.addDocument(doc);
      }
      writer.forceMerge(1);
      writer.commit();
      this.reader = DirectoryReader.open(directory);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (reader.maxDoc() != phrasings.size() || reader.leaves().size() > 1) {
      throw new IllegalStateException("phrasing index must be one segment in insertion order");
    }
    this.searcher = new IndexSearcher(reader);
    searcher.setSimilarity(similarity);
    this.docCount = phrasings.size();
    this.nodeOfDoc = new String[docCount];
    this.weightOfDoc = new float[docCount];
    for (int i = 0; i < docCount; i++) {
      nodeOfDoc[i] = phrasings.get(i).nodeId();
      weightOfDoc[i] = (float) phrasings.get(i).weight();
    }
  }

  /**
   * Builds the index.
   *
   * @param analysis how Chinese text is cut into terms
   * @param soundWeight how much a pinyin-bigram match counts against a character match (0 disables)
   * @param phrasings the normalized phrasings, each naming its node
   */
  public static PhrasingIndex build(
      ChineseAnalysis analysis, double soundWeight, List<Phrasing> phrasings) {
    return new PhrasingIndex(analysis, soundWeight, phrasings, 0.6f, 0.5f);
  }

  /**
   * An index with one document per node, all of its phrasings together, scored with the textbook BM25
   * parameters (k1 1.2, b 0.75) on characters only: how well the node as a whole explains the question,
   * with each term weighed by how few nodes use it. Scores lie in [0, 1] as {@link #search} says.
   *
   * @param analysis how Chinese text is cut into terms
   * @param nodes node id to its normalized text
   */
  public static PhrasingIndex perNode(ChineseAnalysis analysis, Map<String, String> nodes) {
    List<Phrasing> docs = nodes.entrySet().stream()
        .map(e -> new Phrasing(e.getKey(), e.getValue(), 1)).toList();
    return new PhrasingIndex(analysis, 0, docs, 1.2f, 0.75f);
  }

  /**
   * Scores nodes for a normalized question: node id to a score in [0, 1], for the nodes whose
   * phrasings rank among the best {@code depth} documents.
   */
  public Map<String, Double> search(String normalizedQuestion, int depth) {
    Set<String> charTerms = Analyzers.terms(
        charAnalyzer, CHARS, Analyzers.prepare(analysis, normalizedQuestion));
    Set<String> soundTerms = soundWeight > 0
        ? Analyzers.terms(soundAnalyzer, SOUND, Pinyin.of(normalizedQuestion))
        : Set.of();
    if (charTerms.isEmpty() && soundTerms.isEmpty()) {
      return Map.of();
    }
    try {
      BooleanQuery.Builder query = new BooleanQuery.Builder();
      double bound = 0;
      bound += addTerms(query, CHARS, charTerms, 1.0);
      bound += addTerms(query, SOUND, soundTerms, soundWeight);
      // Only the best documents matter, not the hit count: let the scorer skip the rest.
      TopDocs top = searcher.search(query.build(), new TopScoreDocCollectorManager(depth, depth));
      Map<String, Double> byNode = new HashMap<>();
      for (ScoreDoc hit : top.scoreDocs) {
        double score = Math.min(1.0, hit.score * weightOfDoc[hit.doc] / bound);
        byNode.merge(nodeOfDoc[hit.doc], score, Math::max);
      }
      return byNode;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private double addTerms(BooleanQuery.Builder query, String field, Set<String> terms, double boost)
      throws IOException {
    double bound = 0;
    double maxIdf = idf(1);
    for (String t : terms) {
      Term term = new Term(field, t);
      TermStates states = states(term);
      int df = states == null ? 0 : states.docFreq();
      // A term no phrasing holds still counts in the bound: the question says something we lack.
      bound += boost * (df == 0 ? maxIdf : idf(df));
      if (df > 0) {
        Query q = new TermQuery(term, states);
        query.add(boost == 1.0 ? q : new BoostQuery(q, (float) boost), BooleanClause.Occur.SHOULD);
      }
    }
    return bound;
  }

  /**
   * The term's states in this (immutable) index, or {@code null} when no phrasing holds it. Found
   * once per term and kept: a query's terms then cost no term-dictionary seek. The cache holds only
   * terms of the index, so its size is bounded by the index's vocabulary whatever users type.
   */
  private TermStates states(Term term) throws IOException {
    TermStates cached = termStates.get(term);
    if (cached != null) {
      return cached;
    }
    TermStates built = TermStates.build(searcher, term, true);
    if (built.docFreq() == 0) {
      return null;
    }
    termStates.putIfAbsent(term, built);
    return built;
  }

  private double idf(int df) {
    return Math.log(1 + (docCount - df + 0.5) / (df + 0.5));
  }

  @Override
  public void close() {
    try {
      reader.close();
      directory.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
