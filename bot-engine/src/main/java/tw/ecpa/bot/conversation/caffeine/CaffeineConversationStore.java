package tw.ecpa.bot.conversation.caffeine;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import com.github.benmanes.caffeine.cache.Scheduler;
import com.github.benmanes.caffeine.cache.Ticker;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import tw.ecpa.bot.conversation.Conversation;
import tw.ecpa.bot.conversation.ConversationStore;

/** An in-memory conversation store that forgets a conversation after it has been idle too long. */
public final class CaffeineConversationStore implements ConversationStore {

  private final Cache<String, Conversation> conversations;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  /**
   * Creates a store.
   *
   * @param idle how long a conversation lives without a turn
   * @param maximum the most conversations held; the least recently used go first beyond it
   * @param clock the clock stamped on new conversations, and the one their idle time is counted by
   * @param onEnd told of each conversation that ends (expired, pushed out or removed), off the caller's thread
   */
  public CaffeineConversationStore(Duration idle, long maximum, Clock clock, Consumer<Conversation> onEnd) {
    Ticker ticker = () -> {
      Instant now = clock.instant();
      return TimeUnit.SECONDS.toNanos(now.getEpochSecond()) + now.getNano();
    };
    this.conversations = Caffeine.newBuilder()
        .expireAfterAccess(idle)
        .maximumSize(maximum)
        .ticker(ticker)
        .scheduler(Scheduler.systemScheduler())
        .executor(Runnable::run)
        .removalListener((String id, Conversation conversation, RemovalCause cause) -> {
          if (conversation != null && cause != RemovalCause.REPLACED) {
            onEnd.accept(conversation);
          }
        })
        .build();
    this.clock = clock;
  }

  @Override
  public Conversation create() {
    byte[] bytes = new byte[18];
    random.nextBytes(bytes);
    Conversation conversation =
        new Conversation(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes), clock.instant());
    conversations.put(conversation.id(), conversation);
    return conversation;
  }

  @Override
  public Optional<Conversation> find(String id) {
    return id == null ? Optional.empty() : Optional.ofNullable(conversations.getIfPresent(id));
  }

  @Override
  public void save(Conversation conversation) {
    conversations.put(conversation.id(), conversation);
  }

  @Override
  public void remove(String id) {
    conversations.invalidate(id);
  }

  @Override
  public long size() {
    conversations.cleanUp();
    return conversations.estimatedSize();
  }
}
