package tw.ecpa.bot.dialog;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import tw.ecpa.bot.conversation.Conversation;

/**
 * What the bot does besides answering from the knowledge base: the actions answers name
 * ({@code action} in the tree), the options they offer (ids starting {@code act.}) and the forms those
 * open. The dialog stays ignorant of the portal; the composition root gives it the portal's actions.
 */
public interface Actions {

  /**
   * What an action may use: the conversation, who is chatting, and the knowledge base's answers as
   * messages (to show an answer the diagnosis points at).
   */
  record Context(Conversation conversation, Caller caller, Function<String, Optional<Message>> answer) {}

  /** The prefix of option ids that belong to actions. */
  String OPTION_PREFIX = "act.";

  /** The action ids this implementation knows (the server refuses a tree naming others). */
  Set<String> known();

  /** Messages added after an answer that names this action (an offer, the user's own data). */
  List<Message> afterAnswer(String action, Context context);

  /** Whether an option id is one of the actions' (so the dialog does not refuse it as unknown). */
  boolean handles(String optionId);

  /** A click on one of the actions' options. */
  List<Message> click(String optionId, Context context);

  /** A submitted form the conversation was waiting for; empty when the form id is not an action's. */
  Optional<List<Message>> submit(String formId, Map<String, String> fields, Context context);

  /** Several sets of actions as one: each action, option and form goes to the part that knows it. */
  static Actions of(Actions... parts) {
    List<Actions> all = List.of(parts);
    return new Actions() {
      @Override
      public Set<String> known() {
        Set<String> known = new java.util.HashSet<>();
        all.forEach(a -> known.addAll(a.known()));
        return Set.copyOf(known);
      }

      @Override
      public List<Message> afterAnswer(String action, Context context) {
        return all.stream().filter(a -> a.known().contains(action)).findFirst()
            .orElseThrow(() -> new IllegalArgumentException("unknown action " + action))
            .afterAnswer(action, context);
      }

      @Override
      public boolean handles(String optionId) {
        return all.stream().anyMatch(a -> a.handles(optionId));
      }

      @Override
      public List<Message> click(String optionId, Context context) {
        return all.stream().filter(a -> a.handles(optionId)).findFirst()
            .orElseThrow(() -> new IllegalArgumentException("no action handles " + optionId))
            .click(optionId, context);
      }

      @Override
      public Optional<List<Message>> submit(String formId, Map<String, String> fields, Context context) {
        for (Actions a : all) {
          Optional<List<Message>> reply = a.submit(formId, fields, context);
          if (reply.isPresent()) {
            return reply;
          }
        }
        return Optional.empty();
      }
    };
  }

  /** No actions: a bot that only answers. */
  static Actions none() {
    return new Actions() {
      @Override
      public Set<String> known() {
        return Set.of();
      }

      @Override
      public List<Message> afterAnswer(String action, Context context) {
        return List.of();
      }

      @Override
      public boolean handles(String optionId) {
        return false;
      }

      @Override
      public List<Message> click(String optionId, Context context) {
        throw new IllegalArgumentException("no action handles " + optionId);
      }

      @Override
      public Optional<List<Message>> submit(String formId, Map<String, String> fields, Context context) {
        return Optional.empty();
      }
    };
  }
}
