package tw.ecpa.portal.nhi.sim;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import tw.ecpa.portal.identity.IdNumber;
import tw.ecpa.portal.nhi.NhiVerification;
import tw.ecpa.portal.nhi.NhiVerifier;

/**
 * The NHI card service in memory, for the default run, the demo page and tests: demo cards (card number
 * → identity number), each registered for online services with a password or not registered. Three
 * wrong registration passwords in a row suspend the card's online use for {@link #SUSPENSION}; a right
 * password before that resets the count, and the count starts afresh once a suspension is over.
 * Passwords are kept as salted SHA-256 and compared in constant time.
 */
public final class NhiSimulator implements NhiVerifier {

  /** How long three wrong passwords suspend a card's online use. */
  public static final Duration SUSPENSION = Duration.ofMinutes(10);

  /** Longer card numbers or passwords are not looked at. */
  private static final int MAX_INPUT = 64;

  private static final SecureRandom RANDOM = new SecureRandom();

  /**
   * A demo card of a demo person (see {@code docs/demo-accounts.json}).
   *
   * @param cardNumber the 12-digit card number
   * @param idNumber the holder's identity number
   * @param password the registration password, or {@code null} for a card not registered
   */
  public record DemoCard(String cardNumber, String idNumber, String password) {}

  /** The demo cards: every demo person but 周志明 has registered; 周志明's card is not registered. */
  public static final List<DemoCard> DEMO_CARDS = List.of(
      new DemoCard("000011110001", "F128705611", "Nhi-Demo2026"),
      new DemoCard("000011110002", "A123456789", "Nhi-Demo2026"),
      new DemoCard("000011110003", "A220912344", "Nhi-Demo2026"),
      new DemoCard("000011110004", "B223451232", "Nhi-Demo2026"),
      new DemoCard("000011110005", "H120987659", null),
      new DemoCard("000011110006", "E123456783", "Nhi-Demo2026"),
      new DemoCard("000011110007", "K123456788", "Nhi-Demo2026"));

  private static final class Card {
    final IdNumber holder;
    final byte[] salt;
    final byte[] passwordHash;
    int wrongInARow;
    Instant suspendedUntil;

    Card(IdNumber holder, byte[] salt, byte[] passwordHash) {
      this.holder = holder;
      this.salt = salt;
      this.passwordHash = passwordHash;
    }
  }

  private final Clock clock;
  private final Map<String, Card> cards = new ConcurrentHashMap<>();

  /** An empty service: add cards with {@link #register} and {@link #addUnregistered}. */
  public NhiSimulator(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** A service holding {@link #DEMO_CARDS}. */
  public static NhiSimulator demo(Clock clock) {
    NhiSimulator simulator = new NhiSimulator(clock);
    for (DemoCard card : DEMO_CARDS) {
      IdNumber id = IdNumber.parse(card.idNumber()).orElseThrow();
      if (card.password() == null) {
        simulator.addUnregistered(card.cardNumber(), id);
      } else {
        simulator.register(card.cardNumber(), id, card.password());
      }
    }
    return simulator;
  }

  /** Adds (or replaces) a card registered for online services with this password. */
  public void register(String cardNumber, IdNumber holder, String registrationPassword) {
    Objects.requireNonNull(registrationPassword, "registrationPassword");
    byte[] salt = new byte[16];
    RANDOM.nextBytes(salt);
    cards.put(Objects.requireNonNull(cardNumber, "cardNumber"),
        new Card(Objects.requireNonNull(holder, "holder"), salt, hash(salt, registrationPassword)));
  }

  /** Adds (or replaces) a card that was never registered for online services. */
  public void addUnregistered(String cardNumber, IdNumber holder) {
    cards.put(Objects.requireNonNull(cardNumber, "cardNumber"),
        new Card(Objects.requireNonNull(holder, "holder"), null, null));
  }

  @Override
  public NhiVerification verify(String cardNumber, String registrationPassword) {
    if (cardNumber == null || cardNumber.length() > MAX_INPUT) {
      return new NhiVerification.NotRegistered();
    }
    Card card = cards.get(cardNumber);
    if (card == null || card.passwordHash == null) {
      return new NhiVerification.NotRegistered();
    }
    synchronized (card) {
      Instant now = clock.instant();
      if (card.suspendedUntil != null) {
        if (now.isBefore(card.suspendedUntil)) {
          return new NhiVerification.Suspended(card.suspendedUntil);
        }
        card.suspendedUntil = null;
        card.wrongInARow = 0;
      }
      String typed = registrationPassword == null || registrationPassword.length() > MAX_INPUT
          ? "" : registrationPassword;
      if (!MessageDigest.isEqual(hash(card.salt, typed), card.passwordHash)) {
        card.wrongInARow++;
        if (card.wrongInARow >= MAX_TRIES) {
          card.suspendedUntil = now.plus(SUSPENSION);
          return new NhiVerification.Suspended(card.suspendedUntil);
        }
        return new NhiVerification.WrongPassword(MAX_TRIES - card.wrongInARow);
      }
      card.wrongInARow = 0;
      return new NhiVerification.Verified(card.holder);
    }
  }

  private static byte[] hash(byte[] salt, String password) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(salt);
      return digest.digest(password.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public String toString() {
    return "NhiSimulator[" + cards.size() + " cards]";
  }
}
