package tw.ecpa.portal.certificate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tw.ecpa.portal.certificate.jdbc.JdbcChallengeStore;
import tw.ecpa.portal.jdbc.Database;
import tw.ecpa.portal.testing.MovableClock;

class ChallengesTest {

  static Database database;
  final MovableClock clock = new MovableClock();

  @BeforeAll
  static void open() {
    database = Database.open(Database.Location.inMemory("challenges"), 2);
  }

  @AfterAll
  static void close() {
    database.close();
  }

  Challenges challenges() {
    return new Challenges(new JdbcChallengeStore(database), clock);
  }

  @Test
  void issue_32RandomBytesAsBase64Url_forTwoMinutes() {
    Challenges challenges = challenges();
    Challenges.Challenge one = challenges.issue();
    assertEquals(43, one.value().length());
    assertEquals(32, Base64.getUrlDecoder().decode(one.value()).length);
    assertEquals(clock.instant().plus(Challenges.LIFETIME), one.expiresAt());
    assertNotEquals(one.value(), challenges.issue().value());
  }

  @Test
  void take_onceOnly_andNotAfterExpiry() {
    Challenges challenges = challenges();
    String used = challenges.issue().value();
    String late = challenges.issue().value();
    assertTrue(challenges.take(used));
    assertFalse(challenges.take(used));
    clock.advance(Challenges.LIFETIME);
    assertFalse(challenges.take(late));
    assertTrue(challenges.removeExpired() >= 1);
  }

  @Test
  void take_nullEmptyOrOverlong_false() {
    Challenges challenges = challenges();
    assertFalse(challenges.take(null));
    assertFalse(challenges.take(""));
    assertFalse(challenges.take("x".repeat(Challenges.MAX_LENGTH + 1)));
  }
}
