package tw.ecpa.portal.captcha;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.Base64;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tw.ecpa.portal.testing.MemoryCaptchaStore;
import tw.ecpa.portal.testing.MovableClock;

class CaptchasTest {

  final MemoryCaptchaStore store = new MemoryCaptchaStore();
  final MovableClock clock = new MovableClock();
  final Captchas captchas = new Captchas(store, clock);

  @Test
  void issue_givesAnIdAnAnswerAndAnImage_andStoresOnlyAHashOfTheAnswer() throws IOException {
    Captchas.Issued issued = captchas.issue();
    assertTrue(issued.id().matches("[A-Za-z0-9_-]{32}"), "URL-safe, 192 bits: " + issued.id());
    assertEquals(Captchas.LENGTH, issued.answer().length());
    CaptchaImageTest.assertLooksLikeACaptcha(issued.png());
    Captcha stored = store.captchas.get(issued.id());
    assertEquals(Captchas.hash(issued.answer().toLowerCase(Locale.ROOT)), stored.answerHash());
    assertTrue(stored.answerHash().matches("[0-9a-f]{64}"));
    assertEquals(clock.instant().plus(Duration.ofMinutes(5)), stored.expiresAt());
    assertFalse(issued.toString().contains(issued.answer()), "the answer stays out of logs");
  }

  @Test
  void issue_dataUrl_isThePngInBase64() {
    Captchas.Issued issued = captchas.issue();
    String prefix = "data:image/png;base64,";
    assertTrue(issued.dataUrl().startsWith(prefix));
    assertEquals(Base64.getEncoder().encodeToString(issued.png()), issued.dataUrl().substring(prefix.length()));
  }

  @Test
  void issue_manyTimes_idsAreUnique_andAnswersUseOnlyTheAlphabetInMixedCase() {
    Set<String> ids = new HashSet<>();
    Set<String> answers = new HashSet<>();
    StringBuilder all = new StringBuilder();
    for (int i = 0; i < 300; i++) {
      Captchas.Issued issued = captchas.issue();
      ids.add(issued.id());
      answers.add(issued.answer());
      all.append(issued.answer());
    }
    assertEquals(300, ids.size());
    assertTrue(answers.size() > 290, "answers vary: " + answers.size());
    assertTrue(all.chars().allMatch(c -> Captchas.ALPHABET.indexOf(c) >= 0), all.toString());
    assertTrue(all.chars().anyMatch(Character::isUpperCase) && all.chars().anyMatch(Character::isLowerCase)
        && all.chars().anyMatch(Character::isDigit), "upper and lower case letters and digits are all used");
  }

  @Test
  void alphabet_hasNoLookAlikes() {
    for (char c : "0Oo1lIiJjZzSsbBgGqQuUvV".toCharArray()) {
      assertEquals(-1, Captchas.ALPHABET.indexOf(c), "look-alike " + c);
    }
    // Compared without case, so each letter is there in both cases.
    assertTrue(Captchas.ALPHABET.chars().filter(Character::isLetter)
        .allMatch(c -> Captchas.ALPHABET.indexOf(Character.toUpperCase(c)) >= 0
            && Captchas.ALPHABET.indexOf(Character.toLowerCase(c)) >= 0));
  }

  @Test
  void solve_rightAnswerInAnyCase_isTrue() {
    Captchas.Issued a = captchas.issue();
    Captchas.Issued b = captchas.issue();
    Captchas.Issued c = captchas.issue();
    Captchas.Issued d = captchas.issue();
    assertTrue(captchas.solve(a.id(), a.answer()));
    assertTrue(captchas.solve(b.id(), b.answer().toUpperCase(Locale.ROOT)));
    assertTrue(captchas.solve(c.id(), c.answer().toLowerCase(Locale.ROOT)));
    assertTrue(captchas.solve(d.id(), " " + d.answer() + " "), "surrounding spaces are ignored");
  }

  @Test
  void solve_secondTime_isFalse() {
    Captchas.Issued issued = captchas.issue();
    assertTrue(captchas.solve(issued.id(), issued.answer()));
    assertFalse(captchas.solve(issued.id(), issued.answer()));
    assertTrue(store.captchas.isEmpty());
  }

  @Test
  void solve_wrongAnswer_usesTheCaptchaUp() {
    Captchas.Issued issued = captchas.issue();
    assertFalse(captchas.solve(issued.id(), wrong(issued.answer())));
    assertFalse(captchas.solve(issued.id(), issued.answer()));
  }

  @Test
  void solve_afterFiveMinutes_isFalse() {
    Captchas.Issued early = captchas.issue();
    Captchas.Issued late = captchas.issue();
    clock.advance(Duration.ofMinutes(5).minusSeconds(1));
    assertTrue(captchas.solve(early.id(), early.answer()));
    clock.advance(Duration.ofSeconds(1));
    assertFalse(captchas.solve(late.id(), late.answer()));
    assertTrue(store.captchas.isEmpty(), "the expired captcha is gone too");
  }

  @Test
  void solve_garbage_isFalseNeverAnError() {
    Captchas.Issued issued = captchas.issue();
    assertFalse(captchas.solve(null, issued.answer()));
    assertFalse(captchas.solve("", issued.answer()));
    assertFalse(captchas.solve("   ", issued.answer()));
    assertFalse(captchas.solve("x".repeat(100_000), issued.answer()));
    assertFalse(captchas.solve("no-such-captcha", issued.answer()));
    assertTrue(store.captchas.containsKey(issued.id()), "none of these touched the real one");
    assertFalse(captchas.solve(issued.id(), null));
    assertFalse(store.captchas.containsKey(issued.id()), "a check without an answer uses it up as well");

    Captchas.Issued blank = captchas.issue();
    assertFalse(captchas.solve(blank.id(), " "));
    Captchas.Issued huge = captchas.issue();
    assertFalse(captchas.solve(huge.id(), huge.answer().repeat(20_000)));
    Captchas.Issued longer = captchas.issue();
    assertFalse(captchas.solve(longer.id(), longer.answer() + "x"));
  }

  @Test
  void removeExpired_removesOnlyTheExpired() {
    captchas.issue();
    clock.advance(Duration.ofMinutes(3));
    Captchas.Issued fresh = captchas.issue();
    clock.advance(Duration.ofMinutes(2));
    assertEquals(1, captchas.removeExpired());
    assertTrue(captchas.solve(fresh.id(), fresh.answer()));
  }

  /** The answer with its first character replaced by another of the alphabet (ignoring case). */
  static String wrong(String answer) {
    char first = Character.toLowerCase(answer.charAt(0));
    char other = first == 'a' ? 'c' : 'a';
    return other + answer.substring(1);
  }
}
