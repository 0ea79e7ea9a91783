package tw.ecpa.kb.search;

import java.util.List;
import tw.ecpa.kb.tree.KnowledgeBase;

/**
 * The searchable form of one knowledge-base version: understands a free-text question in
 * Traditional or Simplified Chinese (or English terms) and says which node it means.
 *
 * <p>Built once per published version; thread-safe; {@link #close()} releases the index.
 */
public final class QuestionIndex implements AutoCloseable {

  private QuestionIndex() {}

  /** Builds the index (and trains the intent model) for a knowledge base. */
  public static QuestionIndex build(KnowledgeBase knowledgeBase) {
    throw new UnsupportedOperationException("search is being implemented");
  }

  /** Decides what a question means: answer, suggest, or no match. */
  public Match match(String question) {
    throw new UnsupportedOperationException("search is being implemented");
  }

  /** The best {@code limit} candidates for a question, best first, with calibrated confidences. */
  public List<Candidate> rank(String question, int limit) {
    throw new UnsupportedOperationException("search is being implemented");
  }

  @Override
  public void close() {}
}
