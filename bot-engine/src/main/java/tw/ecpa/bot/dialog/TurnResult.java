package tw.ecpa.bot.dialog;

import java.util.List;
import java.util.function.Function;

/** The outcome of one turn: the bot's reply, or why the turn was refused. */
public sealed interface TurnResult {

  /** The bot answered with these messages. */
  record Replied(List<Message> messages) implements TurnResult {
    public Replied {
      messages = List.copyOf(messages);
    }
  }

  /** The turn was refused; nothing in the conversation changed. */
  record Refused(Refusal reason) implements TurnResult {}

  /** Why a turn was refused. */
  enum Refusal {
    /** The option id is not one the knowledge base or the dialog knows. */
    UNKNOWN_OPTION,
    /** The form id names no form the conversation is waiting for. */
    UNKNOWN_FORM,
    /** Too many turns in the last minute. */
    TOO_MANY_TURNS
  }

  /** Applies the function that matches this outcome. */
  default <R> R fold(Function<Replied, R> replied, Function<Refused, R> refused) {
    return this instanceof Replied r ? replied.apply(r) : refused.apply((Refused) this);
  }
}
