package tw.ecpa.kb.tree;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An answer: zh-TW text with optional numbered steps and links.
 *
 * @param id stable node id
 * @param title short title used on option buttons and in "did you mean" lists
 * @param text the answer's lead text
 * @param steps ordered steps the user can follow (may be empty)
 * @param links links shown under the answer
 * @param related ids of nodes offered as follow-up options after the answer
 * @param questions alternate questions that mean this answer
 * @param keywords extra search terms
 * @param source where the content comes from
 * @param action what the bot does besides answering (start the password reset in the chat, look up
 *     the user's own account, …), or {@code null}; the bot refuses to start on an action it does not know
 * @param symptoms what users see when this answer's problem happens, each with its source
 */
public record AnswerNode(
    String id,
    String title,
    String text,
    List<String> steps,
    List<Link> links,
    List<String> related,
    List<String> questions,
    List<String> keywords,
    Source source,
    String action,
    List<Symptom> symptoms)
    implements Node {

  /** An answer without symptoms. */
  public AnswerNode(String id, String title, String text, List<String> steps, List<Link> links,
      List<String> related, List<String> questions, List<String> keywords, Source source, String action) {
    this(id, title, text, steps, links, related, questions, keywords, source, action, List.of());
  }

  /** An answer without an action. */
  public AnswerNode(String id, String title, String text, List<String> steps, List<Link> links,
      List<String> related, List<String> questions, List<String> keywords, Source source) {
    this(id, title, text, steps, links, related, questions, keywords, source, null, List.of());
  }

  public AnswerNode {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    text = text == null ? "" : text;
    steps = List.copyOf(steps);
    links = List.copyOf(links);
    related = List.copyOf(related);
    questions = List.copyOf(questions);
    keywords = List.copyOf(keywords);
    Objects.requireNonNull(source, "source");
    symptoms = symptoms == null ? List.of() : List.copyOf(symptoms);
  }

  /** The action, if the answer has one. */
  public Optional<String> act() {
    return Optional.ofNullable(action);
  }

  /** The full answer as plain text: the lead text followed by the numbered steps. */
  public String fullText() {
    if (steps.isEmpty()) {
      return text;
    }
    StringBuilder out = new StringBuilder(text);
    for (int i = 0; i < steps.size(); i++) {
      if (out.length() > 0) {
        out.append('\n');
      }
      out.append(i + 1).append(". ").append(steps.get(i));
    }
    return out.toString();
  }
}
