package tw.ecpa.portal.captcha;


import java.text.Normalizer;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.random.RandomGenerator;
import tw.ecpa.portal.security.Secrets;

/**
 * Image captchas for the forms anyone can post without logging in (忘記密碼, 重新驗證電子信箱): a
 * five-character answer drawn as a PNG, good for five minutes and for one check only.
 *
 * <p>The answer is shown in mixed case and accepted in any case. Its characters come from an
 * alphabet without look-alikes, so that what a person reads is what the server expects. Only a
 * SHA-256 of the lower-cased answer is stored, under a random URL-safe id of 192 bits.
 */
public final class Captchas {

  /** How long an issued captcha is accepted. */
  public static final Duration LIFETIME = Duration.ofMinutes(5);
  /** The number of characters in an answer. */
  public static final int LENGTH = 5;
  /**
   * The characters answers are made of, each letter in both cases. Of characters that look alike
   * once turned or in the other case, one at most is kept: none of 0 O o, none of 1 I i l j J,
   * none of u U v V; and 2 5 6 8 9 but not Z z, S s, b G g, B, q Q.
   */
  public static final String ALPHABET = "23456789acdefhkmnprtwxyACDEFHKMNPRTWXY";
  /** The answer's characters as compared: digits and lower-case letters, drawn with equal chance. */
  private static final String KEYS = "23456789acdefhkmnprtwxy";

  /** Longer answers are not even hashed. */
  private static final int MAX_ANSWER = 32;
  /** Ids are 32 characters; anything far longer is not one. */
  private static final int MAX_ID = 64;
  private static final int ID_BYTES = 24;

  private final CaptchaStore store;
  private final Clock clock;
  private final RandomGenerator random;

  /** Creates the service over a store and a clock, with a {@link SecureRandom}. */
  public Captchas(CaptchaStore store, Clock clock) {
    this(store, clock, new SecureRandom());
  }

  /**
   * Creates the service with its own source of randomness for answers, ids and images. It must be
   * safe to use from several threads at once if the service is ({@link SecureRandom} is); anything
   * weaker than {@link SecureRandom} makes ids and answers guessable, so other generators are for
   * tests.
   */
  public Captchas(CaptchaStore store, Clock clock, RandomGenerator random) {
    this.store = store;
    this.clock = clock;
    this.random = random;
  }

  /**
   * A captcha just issued: the id and the image go to the page; the answer is returned only so
   * that a test mode can show it and must otherwise stay on the server.
   *
   * @param id the id to send back with the answer
   * @param answer the answer as drawn, in mixed case
   * @param png the image, PNG bytes of {@link CaptchaImage#WIDTH} × {@link CaptchaImage#HEIGHT}
   *     pixels (a copy on every call)
   */
  public record Issued(String id, String answer, byte[] png) {

    public Issued {
      png = png.clone();
    }

    @Override
    public byte[] png() {
      return png.clone();
    }

    /** The image as a {@code data:image/png;base64,…} URL, ready for an {@code <img src>}. */
    public String dataUrl() {
      return "data:image/png;base64," + Base64.getEncoder().encodeToString(png);
    }

    /** Leaves the answer out, so that it cannot reach a log. */
    @Override
    public String toString() {
      return "Issued[id=" + id + ", png=" + png.length + " bytes]";
    }
  }

  /** Issues a new captcha, stored until it is checked or expires. */
  public Issued issue() {
    StringBuilder answer = new StringBuilder(LENGTH);
    for (int i = 0; i < LENGTH; i++) {
      char key = KEYS.charAt(random.nextInt(KEYS.length()));
      answer.append(random.nextBoolean() ? Character.toUpperCase(key) : key);
    }
    String id = randomId();
    byte[] png = CaptchaImage.png(answer.toString(), random);
    store.save(new Captcha(id, hash(answer.toString()), clock.instant().plus(LIFETIME)));
    return new Issued(id, answer.toString(), png);
  }

  /**
   * Checks an answer and uses the captcha up, whether the answer is right or not: a second check of
   * the same id is always false. Case and surrounding spaces in the answer do not matter.
   *
   * @return true only if the captcha exists, has not expired, was never checked before and the
   *     answer matches; null, blank or overlong ids and answers give false, never an exception
   */
  public boolean solve(String id, String answer) {
    if (id == null || id.isBlank() || id.length() > MAX_ID) {
      return false;
    }
    Optional<Captcha> taken = store.take(id);
    if (taken.isEmpty() || !clock.instant().isBefore(taken.get().expiresAt())) {
      return false;
    }
    if (answer == null || answer.isBlank() || answer.length() > MAX_ANSWER) {
      return false;
    }
    return Secrets.equal(hash(answer), taken.get().answerHash());
  }

  /** Removes the captchas that have expired; returns how many. For a periodic clean-up. */
  public int removeExpired() {
    return store.removeExpired(clock.instant());
  }

  private String randomId() {
    byte[] bytes = new byte[ID_BYTES];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /**
   * The SHA-256 (hex) of an answer, folded from full-width, trimmed and lower-cased: what the store
   * keeps.
   */
  static String hash(String answer) {
    return Secrets.sha256(Normalizer.normalize(answer, Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT));
  }
}
