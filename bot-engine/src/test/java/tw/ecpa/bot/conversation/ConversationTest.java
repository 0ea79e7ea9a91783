package tw.ecpa.bot.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConversationTest {

  private static final Instant T0 = Instant.parse("2026-11-23T05:00:00Z");

  @Test
  void admitTurn_limitReachedWithinAMinute_refusesUntilTheWindowMoves() {
    Conversation c = new Conversation("c", T0);
    for (int i = 0; i < 30; i++) {
      assertTrue(c.admitTurn(T0.plusSeconds(i), 30));
    }
    assertFalse(c.admitTurn(T0.plusSeconds(59), 30));
    assertTrue(c.admitTurn(T0.plusSeconds(60).plusMillis(1), 30), "the first turn left the window");
    assertFalse(c.admitTurn(T0.plusSeconds(60).plusMillis(2), 30));
  }

  @Test
  void admitTurn_refusedTurns_doNotCount() {
    Conversation c = new Conversation("c", T0);
    assertTrue(c.admitTurn(T0, 1));
    for (int i = 0; i < 10; i++) {
      assertFalse(c.admitTurn(T0.plusSeconds(30), 1));
    }
    assertTrue(c.admitTurn(T0.plus(Duration.ofSeconds(61)), 1));
  }

  @Test
  void back_walksThePathAndStopsAtTheStart() {
    Conversation c = new Conversation("c", T0);
    c.restart("menu.main");
    c.moveTo("menu.login");
    c.moveTo("menu.moica");
    c.moveTo("menu.moica");
    assertEquals(List.of("menu.main", "menu.login", "menu.moica"), c.path());
    assertEquals("menu.login", c.back());
    assertEquals("menu.main", c.back());
    assertEquals("menu.main", c.back());
  }

  @Test
  void moveTo_longWalk_keepsTheStartAndABoundedPath() {
    Conversation c = new Conversation("c", T0);
    c.restart("menu.main");
    for (int i = 0; i < 100; i++) {
      c.moveTo("node." + i);
    }
    assertEquals("menu.main", c.path().get(0));
    assertEquals("node.99", c.current());
    assertTrue(c.path().size() <= 32);
  }
}
