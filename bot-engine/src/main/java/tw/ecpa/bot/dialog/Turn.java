package tw.ecpa.bot.dialog;

import java.util.Map;

/** What the user did in one turn: typed a question, clicked an option, or submitted a form. */
public sealed interface Turn {

  /** A free-text question. */
  record Text(String text) implements Turn {}

  /** A click on an option the bot offered. */
  record Click(String optionId) implements Turn {}

  /** A submitted form message. */
  record FormSubmission(String formId, Map<String, String> fields) implements Turn {
    public FormSubmission {
      fields = Map.copyOf(fields);
    }
  }
}
