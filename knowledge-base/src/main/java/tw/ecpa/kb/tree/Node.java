package tw.ecpa.kb.tree;

import java.util.List;

/**
 * A node of the FAQ tree: a menu that offers options, or an answer that ends a path.
 *
 * <p>Both kinds carry the phrasings users type to reach them ({@link #questions()}) and extra search
 * terms ({@link #keywords()}); the id is stable and is what the chat API reports as {@code answerId}.
 */
public sealed interface Node permits MenuNode, AnswerNode {

  /** The stable, lower-case, dot-separated id (for example {@code moica.error.read-failure}). */
  String id();

  /** The short zh-TW title shown on option buttons and in lists. */
  String title();

  /** Alternate questions: what users really type to mean this node. */
  List<String> questions();

  /** Extra search terms (synonyms, error codes, English names) that point at this node. */
  List<String> keywords();

  /** Where the content comes from. */
  Source source();

  /** What users see when this node's problem happens, in their words (answers only). */
  default List<Symptom> symptoms() {
    return List.of();
  }
}
