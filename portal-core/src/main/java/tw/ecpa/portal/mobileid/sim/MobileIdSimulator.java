package tw.ecpa.portal.mobileid.sim;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import tw.ecpa.portal.certificate.sim.CardResult;
import tw.ecpa.portal.certificate.sim.DemoCa;
import tw.ecpa.portal.demo.DemoData;
import tw.ecpa.portal.identity.IdNumber;
import tw.ecpa.portal.mobileid.MobileIdMac;
import tw.ecpa.portal.mobileid.MobileIdService;
import tw.ecpa.portal.mobileid.RelyingParty;

/**
 * The mobile natural-person certificate service in memory, with the holders' phones, for the default
 * run, the demo page and tests. It knows one relying party and checks every request's checksum with the
 * shared key. A phone is bound to an identity number with a citizen certificate the demo CA issued for
 * the holder; a start for a number without a bound phone is refused. {@link #approve} and {@link #deny}
 * act as the holder on the phone: approving signs the transaction's content (CMS SignedData with the
 * certificate), so the result verifies like a card login. A transaction not acted on within
 * {@link #LIFETIME} expires; finished ones are answered for {@link #KEPT} after their expiry.
 */
public final class MobileIdSimulator implements MobileIdService {

  /** How long the phone has to act on a transaction. */
  public static final Duration LIFETIME = Duration.ofMinutes(3);
  /** How long a transaction's result is answered after it expired. */
  public static final Duration KEPT = Duration.ofMinutes(10);

  /** The demo person without a bound phone: 楊知識 (see {@code docs/demo-accounts.json}). */
  public static final String DEMO_WITHOUT_PHONE = "K123456788";

  private static final String PIN = "phone-biometrics";
  private static final int MAX_FIELD = 128;

  private enum State { PENDING, APPROVED, DENIED }

  private static final class Transaction {
    final IdNumber idNumber;
    final String signData;
    final Instant expiresAt;
    State state = State.PENDING;
    byte[] signedResponse;

    Transaction(IdNumber idNumber, String signData, Instant expiresAt) {
      this.idNumber = idNumber;
      this.signData = signData;
      this.expiresAt = expiresAt;
    }
  }

  private final Clock clock;
  private final DemoCa ca;
  private final RelyingParty relyingParty;
  private final Map<IdNumber, DemoCa.Issued> phones = new ConcurrentHashMap<>();
  private final Map<String, Transaction> transactions = new ConcurrentHashMap<>();

  /**
   * A service with no bound phones yet.
   *
   * @param ca the CA that issues the holders' certificates (the portal must trust it)
   * @param relyingParty the portal's service id and the shared key
   */
  public MobileIdSimulator(Clock clock, DemoCa ca, RelyingParty relyingParty) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.ca = Objects.requireNonNull(ca, "ca");
    this.relyingParty = Objects.requireNonNull(relyingParty, "relyingParty");
  }

  /** A service where every demo person but {@link #DEMO_WITHOUT_PHONE} has a bound phone. */
  public static MobileIdSimulator demo(Clock clock, DemoCa ca, RelyingParty relyingParty) {
    MobileIdSimulator simulator = new MobileIdSimulator(clock, ca, relyingParty);
    for (DemoData.DemoAccount person : DemoData.ACCOUNTS) {
      if (!person.idNumber().equals(DEMO_WITHOUT_PHONE)) {
        simulator.bindPhone(IdNumber.parse(person.idNumber()).orElseThrow(), person.name());
      }
    }
    return simulator;
  }

  /**
   * Binds a phone to the holder of an identity number (the app's registration with the holder's citizen
   * certificate): the demo CA issues a certificate with the holder's name and last four digits.
   */
  public void bindPhone(IdNumber idNumber, String holderName) {
    String id = idNumber.value();
    bindPhone(idNumber, ca.issuePerson(holderName, id.substring(id.length() - 4)));
  }

  /** Binds a phone holding this certificate and key to an identity number (tests bind someone else's). */
  public void bindPhone(IdNumber idNumber, DemoCa.Issued certificate) {
    phones.put(Objects.requireNonNull(idNumber, "idNumber"), Objects.requireNonNull(certificate, "certificate"));
  }

  /** Whether a phone is bound to this identity number. */
  public boolean hasPhone(IdNumber idNumber) {
    return phones.containsKey(idNumber);
  }

  @Override
  public StartAnswer start(StartRequest request) {
    if (!relyingParty.serviceId().equals(request.serviceId())) {
      return new StartAnswer.Refused("unknown service id");
    }
    if (!MobileIdMac.matches(relyingParty.macKey(), request.mac(), request.fields())) {
      return new StartAnswer.Refused("checksum mismatch");
    }
    if (!wellFormed(request.transactionId()) || !wellFormed(request.signData())) {
      return new StartAnswer.Refused("malformed request");
    }
    Optional<IdNumber> id = IdNumber.parse(request.idNumber());
    if (id.isEmpty()) {
      return new StartAnswer.Refused("malformed identity number");
    }
    if (!phones.containsKey(id.get())) {
      return new StartAnswer.NoBoundPhone();
    }
    removeOld();
    Transaction transaction = new Transaction(id.get(), request.signData(), clock.instant().plus(LIFETIME));
    if (transactions.putIfAbsent(request.transactionId(), transaction) != null) {
      return new StartAnswer.Refused("duplicate transaction id");
    }
    return new StartAnswer.Pushed();
  }

  @Override
  public TransactionResult result(ResultRequest request) {
    if (!relyingParty.serviceId().equals(request.serviceId())) {
      return new TransactionResult.Refused("unknown service id");
    }
    if (!MobileIdMac.matches(relyingParty.macKey(), request.mac(), request.fields())) {
      return new TransactionResult.Refused("checksum mismatch");
    }
    Transaction transaction = request.transactionId() == null ? null : transactions.get(request.transactionId());
    if (transaction == null) {
      return new TransactionResult.Unknown();
    }
    synchronized (transaction) {
      return switch (transaction.state) {
        case APPROVED -> new TransactionResult.Approved(transaction.signedResponse);
        case DENIED -> new TransactionResult.Denied();
        case PENDING -> clock.instant().isBefore(transaction.expiresAt)
            ? new TransactionResult.NotYet() : new TransactionResult.Expired();
      };
    }
  }

  /**
   * The holder approves on the phone: the phone signs the transaction's content with the bound
   * certificate. False when the transaction is unknown, expired or already acted on.
   */
  public boolean approve(String transactionId) {
    Transaction transaction = find(transactionId);
    if (transaction == null) {
      return false;
    }
    synchronized (transaction) {
      if (transaction.state != State.PENDING || !clock.instant().isBefore(transaction.expiresAt)) {
        return false;
      }
      DemoCa.Issued certificate = phones.get(transaction.idNumber);
      if (certificate == null) {
        return false;
      }
      CardResult result = certificate.card(PIN).sign(PIN, transaction.signData.getBytes(StandardCharsets.US_ASCII));
      transaction.signedResponse = ((CardResult.Signed) result).signedData();
      transaction.state = State.APPROVED;
      return true;
    }
  }

  /** The holder declines on the phone. False when the transaction is unknown, expired or already acted on. */
  public boolean deny(String transactionId) {
    Transaction transaction = find(transactionId);
    if (transaction == null) {
      return false;
    }
    synchronized (transaction) {
      if (transaction.state != State.PENDING || !clock.instant().isBefore(transaction.expiresAt)) {
        return false;
      }
      transaction.state = State.DENIED;
      return true;
    }
  }

  /**
   * The transaction waiting on the phone of this identity number, as the phone's app shows it (for the
   * demo page's "phone"); the newest if several.
   */
  public Optional<String> waitingOn(IdNumber idNumber) {
    Instant now = clock.instant();
    return transactions.entrySet().stream()
        .filter(e -> e.getValue().idNumber.equals(idNumber) && e.getValue().state == State.PENDING
            && now.isBefore(e.getValue().expiresAt))
        .max(java.util.Comparator.comparing(e -> e.getValue().expiresAt))
        .map(Map.Entry::getKey);
  }

  private Transaction find(String transactionId) {
    return transactionId == null ? null : transactions.get(transactionId);
  }

  private void removeOld() {
    Instant cutoff = clock.instant().minus(KEPT);
    transactions.values().removeIf(t -> t.expiresAt.isBefore(cutoff));
  }

  private static boolean wellFormed(String field) {
    return field != null && !field.isEmpty() && field.length() <= MAX_FIELD;
  }

  @Override
  public String toString() {
    return "MobileIdSimulator[" + phones.size() + " phones, " + transactions.size() + " transactions]";
  }
}
