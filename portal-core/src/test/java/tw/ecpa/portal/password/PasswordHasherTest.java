package tw.ecpa.portal.password;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {

  @Test
  void hash_owaspSetting_isArgon2idWithItsParametersAndAFreshSalt() {
    String first = PasswordHasher.OWASP.hash("Tpe-2026!rain");
    String second = PasswordHasher.OWASP.hash("Tpe-2026!rain");
    assertTrue(first.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), first);
    assertNotEquals(first, second, "each hash has its own salt");
    assertFalse(first.contains("Tpe-2026!rain"));
  }

  @Test
  void matches_rightAndWrongPassword() {
    String hash = PasswordHasher.OWASP.hash("Tpe-2026!rain");
    assertTrue(PasswordHasher.OWASP.matches("Tpe-2026!rain", hash));
    assertFalse(PasswordHasher.OWASP.matches("Tpe-2026!Rain", hash));
  }

  @Test
  void matches_hashFromOtherParameters_stillVerifies() {
    String old = new PasswordHasher(1024, 1, 1).hash("Tpe-2026!rain");
    assertTrue(PasswordHasher.OWASP.matches("Tpe-2026!rain", old));
  }

  @Test
  void matches_malformedHash_isFalseNotAnError() {
    assertFalse(PasswordHasher.OWASP.matches("x", "not-a-hash"));
    assertFalse(PasswordHasher.OWASP.matches("x", "$argon2id$garbage"));
    assertFalse(PasswordHasher.OWASP.matches(null, null));
  }
}
