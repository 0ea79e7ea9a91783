package tw.ecpa.bot.dialog;

/**
 * Where the dialog reports free-text questions it could not answer or was unsure of, so the knowledge
 * staff can learn from them. Implementations mask what must not be kept.
 */
@FunctionalInterface
public interface QuestionLog {

  /** A question ended in {@code fallback} or {@code did-you-mean}. */
  void unanswered(String question, String outcome);

  /** Keeps nothing. */
  QuestionLog NONE = (question, outcome) -> { };
}
