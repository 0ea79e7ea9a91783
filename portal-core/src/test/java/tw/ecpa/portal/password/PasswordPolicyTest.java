package tw.ecpa.portal.password;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

  /** Cheap parameters keep the tests quick; the production setting is {@link PasswordHasher#OWASP}. */
  static final PasswordHasher HASHER = new PasswordHasher(1024, 1, 1);
  static final PasswordPolicy POLICY = PasswordPolicy.standard(HASHER);
  static final Instant NOW = Instant.parse("2026-11-23T05:00:00Z");

  private static List<PasswordRule> check(String candidate) {
    return POLICY.check(candidate, candidate, List.of(), Optional.empty(), NOW);
  }

  @Test
  void check_goodPassword_breaksNothing() {
    assertEquals(List.of(), check("Tpe-2026!rain"));
    assertEquals(List.of(), check("k9#mountain"));
  }

  @Test
  void check_shortOrMissingKinds_namesEachRule() {
    assertEquals(List.of(PasswordRule.MIN_LENGTH), check("Ab1!xyz"));
    assertEquals(List.of(PasswordRule.LETTER), check("12345678!"));
    assertEquals(List.of(PasswordRule.DIGIT), check("abcdefgh!"));
    assertEquals(List.of(PasswordRule.SYMBOL), check("abcd12345"));
    assertEquals(List.of(PasswordRule.MIN_LENGTH, PasswordRule.LETTER, PasswordRule.DIGIT, PasswordRule.SYMBOL),
        check(""));
  }

  @Test
  void check_forbiddenCharacters_areRefusedEvenAsTheOnlySymbol() {
    for (String c : List.of("%", "&", "+", "'", "\"", "?", "<", ">", "/", "\\")) {
      List<PasswordRule> broken = check("abcd1234" + c);
      assertTrue(broken.contains(PasswordRule.FORBIDDEN_CHARACTER), c + " → " + broken);
      assertTrue(broken.contains(PasswordRule.SYMBOL), "a forbidden character is no symbol: " + c);
    }
  }

  @Test
  void check_whitespaceAndFullWidth_areRefused() {
    assertTrue(check("abcd 1234!").contains(PasswordRule.NO_WHITESPACE));
    assertTrue(check("abcd\t1234!").contains(PasswordRule.NO_WHITESPACE));
    assertTrue(check("abcd\u30001234!").contains(PasswordRule.NO_WHITESPACE), "ideographic space");
    assertTrue(check("ａｂｃｄ1234!").contains(PasswordRule.HALF_WIDTH));
    assertTrue(check("密碼abcd1234!").contains(PasswordRule.HALF_WIDTH));
  }

  @Test
  void check_commonPassword_isRefusedWhateverTheCase() {
    assertEquals(List.of(PasswordRule.NOT_COMMON), check("P@ssw0rd"));
    assertEquals(List.of(PasswordRule.NOT_COMMON), check("p@SSW0RD"));
    assertEquals(List.of(PasswordRule.NOT_COMMON), check("1qaz@WSX"));
  }

  @Test
  void check_confirmationDiffers_isNamed() {
    assertEquals(List.of(PasswordRule.CONFIRMATION),
        POLICY.check("Tpe-2026!rain", "Tpe-2026!rian", List.of(), Optional.empty(), NOW));
  }

  @Test
  void check_oneOfTheLastThree_isRefused_theFourthBackIsAllowed() {
    List<String> history = List.of(HASHER.hash("Newest-1!"), HASHER.hash("Second-2!"),
        HASHER.hash("Third-3!x"), HASHER.hash("Fourth-4!"));
    for (String recent : List.of("Newest-1!", "Second-2!", "Third-3!x")) {
      assertEquals(List.of(PasswordRule.NOT_RECENT),
          POLICY.check(recent, recent, history, Optional.empty(), NOW), recent);
    }
    assertEquals(List.of(), POLICY.check("Fourth-4!", "Fourth-4!", history, Optional.empty(), NOW));
  }

  @Test
  void check_withinTwoHoursOfTheLastChange_isRefused() {
    Instant changed = NOW.minus(Duration.ofMinutes(119));
    assertEquals(List.of(PasswordRule.CHANGE_INTERVAL),
        POLICY.check("Tpe-2026!rain", "Tpe-2026!rain", List.of(), Optional.of(changed), NOW));
    assertEquals(List.of(),
        POLICY.check("Tpe-2026!rain", "Tpe-2026!rain", List.of(), Optional.of(NOW.minus(Duration.ofHours(2))), NOW));
  }

  @Test
  void mustChange_after180Days_isDue() {
    Instant changed = NOW.minus(Duration.ofDays(180));
    assertTrue(POLICY.mustChange(changed, NOW));
    assertFalse(POLICY.mustChange(changed.plusSeconds(1), NOW));
    assertEquals(0, POLICY.daysLeft(changed, NOW));
    assertEquals(30, POLICY.daysLeft(NOW.minus(Duration.ofDays(150)), NOW));
  }

  @Test
  void everyRule_hasAChineseMessage() {
    for (PasswordRule rule : PasswordRule.values()) {
      assertTrue(rule.message().codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN),
          rule.name());
    }
  }
}
