package tw.ecpa.kb.search;

import java.util.Optional;
import tw.ecpa.kb.search.embedding.Semantics;
import tw.ecpa.kb.tree.KnowledgeBase;

/**
 * Builds the question index of every version a process serves in the same way: lexical only, or with
 * the meaning-level signal. Chosen once at start-up; thread-safe.
 */
public final class Indexer {

  private final SearchSettings settings;
  private final Semantics semantics;

  private Indexer(SearchSettings settings, Semantics semantics) {
    this.settings = settings;
    this.semantics = semantics;
  }

  /** Lucene, the classifier and the synonym hints, without embeddings. */
  public static Indexer lexical() {
    return new Indexer(SearchSettings.lexical(), null);
  }

  /** The chosen configuration, with sentence embeddings from {@code semantics}. */
  public static Indexer withMeaning(Semantics semantics) {
    return new Indexer(SearchSettings.defaults(), semantics);
  }

  /** Builds the index of one version. */
  public QuestionIndex build(KnowledgeBase knowledgeBase) {
    return QuestionIndex.build(knowledgeBase, settings, semantics);
  }

  /** The meaning-level signal, when this indexer uses one. */
  public Optional<Semantics> semantics() {
    return Optional.ofNullable(semantics);
  }
}
