package tw.ecpa.bot.dialog;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tw.ecpa.bot.conversation.Conversation;

/**
 * What the bot does besides answering from the knowledge base: the actions answers name
 * ({@code action} in the tree), the options they offer (ids starting {@code act.}) and the forms those
 * open. The dialog stays ignorant of the portal; the composition root gives it the portal's actions.
 */
public interface Actions {

  /** The prefix of option ids that belong to actions. */
  String OPTION_PREFIX = "act.";

  /** The action ids this implementation knows (the server refuses a tree naming others). */
  Set<String> known();

  /** Messages added after an answer that names this action (an offer, the user's own data). */
  List<Message> afterAnswer(String action, Conversation conversation, Caller caller);

  /** Whether an option id is one of the actions' (so the dialog does not refuse it as unknown). */
  boolean handles(String optionId);

  /** A click on one of the actions' options. */
  List<Message> click(String optionId, Conversation conversation, Caller caller);

  /** A submitted form the conversation was waiting for; empty when the form id is not an action's. */
  Optional<List<Message>> submit(String formId, Map<String, String> fields, Conversation conversation,
      Caller caller);

  /** No actions: a bot that only answers. */
  static Actions none() {
    return new Actions() {
      @Override
      public Set<String> known() {
        return Set.of();
      }

      @Override
      public List<Message> afterAnswer(String action, Conversation conversation, Caller caller) {
        return List.of();
      }

      @Override
      public boolean handles(String optionId) {
        return false;
      }

      @Override
      public List<Message> click(String optionId, Conversation conversation, Caller caller) {
        throw new IllegalArgumentException("no action handles " + optionId);
      }

      @Override
      public Optional<List<Message>> submit(String formId, Map<String, String> fields, Conversation conversation,
          Caller caller) {
        return Optional.empty();
      }
    };
  }
}
