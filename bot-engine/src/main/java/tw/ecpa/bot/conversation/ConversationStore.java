package tw.ecpa.bot.conversation;

import java.util.Optional;

/**
 * Where conversations live between turns. The in-memory store forgets a conversation after its idle
 * time; a durable store (database) can implement the same contract so any server node can continue it.
 */
public interface ConversationStore {

  /** Starts and keeps a new conversation with a fresh, unguessable id. */
  Conversation create();

  /** The conversation with this id, unless it is unknown or has expired. */
  Optional<Conversation> find(String id);

  /** Keeps the conversation's new state after a turn (a no-op where state is held by reference). */
  void save(Conversation conversation);

  /** Ends a conversation. */
  void remove(String id);

  /** How many conversations are held (approximately, for monitoring). */
  long size();
}
