package tw.ecpa.bot.conversation.caffeine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import tw.ecpa.bot.conversation.Conversation;

class CaffeineConversationStoreTest {

  private final AtomicLong nanos = new AtomicLong();
  private final Ticker ticker = nanos::get;
  private final CaffeineConversationStore store =
      new CaffeineConversationStore(Duration.ofMinutes(30), 1000, ticker, Clock.systemUTC());

  @Test
  void find_afterThirtyIdleMinutes_isGone() {
    Conversation c = store.create();
    nanos.addAndGet(Duration.ofMinutes(29).toNanos());
    assertTrue(store.find(c.id()).isPresent(), "a turn within 30 minutes keeps it");
    nanos.addAndGet(Duration.ofMinutes(29).toNanos());
    assertTrue(store.find(c.id()).isPresent(), "idle time restarts at each access");
    nanos.addAndGet(Duration.ofMinutes(31).toNanos());
    assertTrue(store.find(c.id()).isEmpty());
  }

  @Test
  void create_givesDistinctUnguessableIds() {
    Conversation a = store.create();
    Conversation b = store.create();
    assertNotEquals(a.id(), b.id());
    assertTrue(a.id().length() >= 24, a.id());
  }

  @Test
  void remove_endsTheConversation() {
    Conversation c = store.create();
    store.remove(c.id());
    assertTrue(store.find(c.id()).isEmpty());
    assertEquals(0, store.size());
  }
}
