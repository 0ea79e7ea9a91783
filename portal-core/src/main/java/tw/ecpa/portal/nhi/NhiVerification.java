package tw.ecpa.portal.nhi;

import java.time.Instant;
import java.util.Objects;
import tw.ecpa.portal.identity.IdNumber;

/** What the NHI service said about a card and a registration password. */
public sealed interface NhiVerification {

  /** The card is registered and the password is right: the holder's identity number. */
  record Verified(IdNumber idNumber) implements NhiVerification {

    public Verified {
      Objects.requireNonNull(idNumber, "idNumber");
    }
  }

  /**
   * A wrong registration password; at zero tries left the next wrong one suspends the card's online use
   * (the service answers {@link Suspended} for that one).
   */
  record WrongPassword(int triesLeft) implements NhiVerification {}

  /** The card has no online-services registration (or is not a card the service knows). */
  record NotRegistered() implements NhiVerification {}

  /** Too many wrong passwords: the card's online use is suspended until then. */
  record Suspended(Instant until) implements NhiVerification {

    public Suspended {
      Objects.requireNonNull(until, "until");
    }
  }
}
