package tw.ecpa.bot.dialog;

/**
 * Where the dialog reports free-text questions it could not answer or was unsure of, so the knowledge
 * staff can learn from them. Implementations mask what must not be kept.
 */
@FunctionalInterface
public interface QuestionLog {

  /** A question ended in {@code fallback} or {@code did-you-mean}. */
  void unanswered(String question, String outcome);

  /** A free-text question was answered this way: {@code answer}, {@code did-you-mean} or {@code fallback}. */
  default void asked(String outcome) {}

  /** A menu or answer node was shown (by a question or a click). */
  default void shown(String nodeId) {}

  /**
   * The user left a menu without choosing one of its options: typed a question instead, went back or
   * to the main menu, or the conversation ended there.
   */
  default void leftMenu(String menuId) {}

  /** Both logs get every report. */
  static QuestionLog both(QuestionLog first, QuestionLog second) {
    return new QuestionLog() {
      @Override
      public void unanswered(String question, String outcome) {
        first.unanswered(question, outcome);
        second.unanswered(question, outcome);
      }

      @Override
      public void asked(String outcome) {
        first.asked(outcome);
        second.asked(outcome);
      }

      @Override
      public void shown(String nodeId) {
        first.shown(nodeId);
        second.shown(nodeId);
      }

      @Override
      public void leftMenu(String menuId) {
        first.leftMenu(menuId);
        second.leftMenu(menuId);
      }
    };
  }

  /** Keeps nothing. */
  QuestionLog NONE = (question, outcome) -> { };
}
