package tw.ecpa.bot.conversation.caffeine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tw.ecpa.bot.conversation.Conversation;
import tw.ecpa.portal.testing.MovableClock;

class CaffeineConversationStoreTest {

  private final MovableClock clock = new MovableClock();
  private final List<String> ended = new CopyOnWriteArrayList<>();
  private final CaffeineConversationStore store = new CaffeineConversationStore(Duration.ofMinutes(30), 1000, clock,
      c -> ended.add(c.id()));

  @Test
  void find_afterThirtyIdleMinutes_isGone() {
    Conversation c = store.create();
    clock.advance(Duration.ofMinutes(29));
    assertTrue(store.find(c.id()).isPresent(), "a turn within 30 minutes keeps it");
    clock.advance(Duration.ofMinutes(29));
    assertTrue(store.find(c.id()).isPresent(), "idle time restarts at each access");
    clock.advance(Duration.ofMinutes(31));
    assertTrue(store.find(c.id()).isEmpty());
    store.size();
    waitFor(() -> ended.equals(List.of(c.id())), "an expired conversation is reported as ended");
  }

  @Test
  void savingAConversation_doesNotEndIt() {
    Conversation c = store.create();
    store.save(c);
    store.save(c);
    store.size();
    assertEquals(List.of(), ended);
  }

  private static void waitFor(java.util.concurrent.Callable<Boolean> condition, String what) {
    Awaitility.await(what).atMost(Duration.ofSeconds(60)).until(condition);
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
    waitFor(() -> ended.equals(List.of(c.id())), "a removed conversation is reported as ended");
  }
}
