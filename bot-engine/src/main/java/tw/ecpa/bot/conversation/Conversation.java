package tw.ecpa.bot.conversation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The state of one chat conversation: where the user is in the FAQ tree and how fast they are typing.
 *
 * <p>It holds no question text, so nothing a user typed (an ID number, a password typed by mistake)
 * is kept. Callers serialise access by synchronising on the instance; the dialog does.
 */
public final class Conversation {

  private static final int MAX_PATH = 32;
  private static final Duration WINDOW = Duration.ofMinutes(1);

  private final String id;
  private final Instant startedAt;
  private final List<String> path = new ArrayList<>();
  private final Deque<Instant> recentTurns = new ArrayDeque<>();
  private String pendingForm;
  private String lastQuestion;

  /** Creates an empty conversation. */
  public Conversation(String id, Instant startedAt) {
    this.id = Objects.requireNonNull(id, "id");
    this.startedAt = Objects.requireNonNull(startedAt, "startedAt");
  }

  /** The opaque conversation id. */
  public String id() {
    return id;
  }

  /** When the conversation started. */
  public Instant startedAt() {
    return startedAt;
  }

  /** The ids of the nodes the user walked through, oldest first; the last is where the user is. */
  public List<String> path() {
    return List.copyOf(path);
  }

  /** The id of the form the bot waits for, if any (only its id: the values are never kept). */
  public Optional<String> pendingForm() {
    return Optional.ofNullable(pendingForm);
  }

  /** Records the form the bot now waits for, or {@code null} for none. */
  public void awaitForm(String formId) {
    this.pendingForm = formId;
  }

  /**
   * The user's previous typed question, with ID numbers masked (what a follow-up is read against), or
   * {@code null}. Callers mask secrets before they note a question.
   */
  public String lastQuestion() {
    return lastQuestion;
  }

  /** Notes the question the user typed last (already masked). */
  public void noteQuestion(String masked) {
    this.lastQuestion = masked;
  }

  /** The node the user is at, or {@code null} before the first message. */
  public String current() {
    return path.isEmpty() ? null : path.get(path.size() - 1);
  }

  /** Records that the user moved to a node. */
  public void moveTo(String nodeId) {
    if (!nodeId.equals(current())) {
      path.add(nodeId);
    }
    if (path.size() > MAX_PATH) {
      path.subList(1, path.size() - MAX_PATH + 1).clear();
    }
  }

  /** Goes one step back and returns the node now current, or {@code null} when at the start. */
  public String back() {
    if (path.size() > 1) {
      path.remove(path.size() - 1);
    }
    return current();
  }

  /** Returns to the first node of the path (the main menu). */
  public void restart(String rootId) {
    path.clear();
    path.add(rootId);
  }

  /**
   * Admits one more turn unless {@code limit} turns were already admitted in the minute before
   * {@code now}; a refused turn is not counted.
   */
  public boolean admitTurn(Instant now, int limit) {
    Instant horizon = now.minus(WINDOW);
    while (!recentTurns.isEmpty() && !recentTurns.peekFirst().isAfter(horizon)) {
      recentTurns.removeFirst();
    }
    if (recentTurns.size() >= limit) {
      return false;
    }
    recentTurns.addLast(now);
    return true;
  }
}
