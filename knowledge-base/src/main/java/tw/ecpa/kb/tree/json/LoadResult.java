package tw.ecpa.kb.tree.json;

import java.util.List;
import java.util.function.Function;
import tw.ecpa.kb.tree.KnowledgeBase;
import tw.ecpa.kb.tree.Problem;

/** The outcome of loading a knowledge base: a valid tree, or the list of its problems. */
public sealed interface LoadResult {

  /** The files held a valid tree. */
  record Loaded(KnowledgeBase knowledgeBase) implements LoadResult {}

  /** The files were unreadable or the tree is broken; every problem is listed. */
  record Invalid(List<Problem> problems) implements LoadResult {
    public Invalid {
      problems = List.copyOf(problems);
    }
  }

  /** Applies the function that matches this outcome. */
  default <R> R fold(Function<Loaded, R> loaded, Function<Invalid, R> invalid) {
    return this instanceof Loaded l ? loaded.apply(l) : invalid.apply((Invalid) this);
  }

  /**
   * Returns the knowledge base, or throws with every problem listed: for start-up, which must refuse
   * a broken tree.
   */
  default KnowledgeBase orThrow() {
    return fold(Loaded::knowledgeBase, invalid -> {
      StringBuilder message = new StringBuilder("the knowledge base is invalid:");
      invalid.problems().forEach(p -> message.append("\n  - ").append(p));
      throw new IllegalStateException(message.toString());
    });
  }
}
