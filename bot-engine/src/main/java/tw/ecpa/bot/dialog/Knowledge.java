package tw.ecpa.bot.dialog;

import java.util.Objects;
import tw.ecpa.kb.search.QuestionIndex;
import tw.ecpa.kb.tree.KnowledgeBase;

/**
 * One published knowledge-base version with its search index: what the dialog answers from.
 * Publishing a new version swaps the whole pair at once.
 *
 * @param knowledgeBase the FAQ tree
 * @param index the question index built from it
 */
public record Knowledge(KnowledgeBase knowledgeBase, QuestionIndex index) {

  public Knowledge {
    Objects.requireNonNull(knowledgeBase, "knowledgeBase");
    Objects.requireNonNull(index, "index");
  }
}
