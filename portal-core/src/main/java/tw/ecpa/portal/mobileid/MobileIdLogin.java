package tw.ecpa.portal.mobileid;

import tw.ecpa.portal.auth.LoginResult;
import tw.ecpa.portal.auth.LoginMethod;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.bouncycastle.cms.CMSProcessable;
import org.bouncycastle.cms.CMSSignedData;
import tw.ecpa.portal.account.Account;
import tw.ecpa.portal.account.AccountGate;
import tw.ecpa.portal.audit.AuditEvent;
import tw.ecpa.portal.audit.AuditKind;
import tw.ecpa.portal.audit.AuditLog;
import tw.ecpa.portal.auth.IdentifiedPerson;
import tw.ecpa.portal.certificate.CertificateFacts;
import tw.ecpa.portal.certificate.CertificateLogin;
import tw.ecpa.portal.certificate.CertificateVerifier;
import tw.ecpa.portal.certificate.Challenges;
import tw.ecpa.portal.certificate.Verification;
import tw.ecpa.portal.identity.IdNumber;
import tw.ecpa.portal.mobileid.MobileIdService.StartAnswer;
import tw.ecpa.portal.mobileid.MobileIdService.TransactionResult;
import tw.ecpa.portal.mobileid.MobileIdTransaction.Status;
import tw.ecpa.portal.password.PasswordPolicy;
import tw.ecpa.portal.security.Secrets;

/**
 * Login with the mobile natural-person certificate (行動自然人憑證), method id {@value #METHOD}.
 *
 * <p>{@link #start} takes the identity number the holder typed, makes a transaction (a random id, a
 * fresh single-use challenge as the content to sign, three minutes to live) in the database, so that
 * any server node can answer the polls, and asks the service to push it to the holder's phone. The
 * client then {@linkplain #poll polls} every four seconds or more; once the holder approved, the signed
 * response is checked like a card login (the signature; that it signs this transaction's own live
 * challenge, which is used up; the chain to the trusted MOICA CAs; validity; revocation) and its
 * certificate must carry the last four digits and the name of the person whose number started the
 * transaction. That person must be in the civil-service database and serving; a serving person
 * without an account gets one (see {@link IdentifiedPerson}).
 *
 * <p>A transaction ends once: the poll that collects the approval ends it before checking, so a second
 * poll of it (a replay, or a race between nodes) is refused. While a number has a live transaction,
 * another start for it is refused rather than given the live one ({@link MobileIdLoginOutcome.Reason#ALREADY_PENDING}).
 * Sessions and rate limits per address are the caller's business.
 */
public final class MobileIdLogin implements LoginMethod<String> {

  /** The login method's id, as sessions and the audit log record it. */
  public static final String METHOD = "mobile-id";
  /** How long a transaction waits for the holder. */
  public static final Duration LIFETIME = Duration.ofMinutes(3);
  /** The shortest interval between two polls of one transaction. */
  public static final int POLL_EVERY_SECONDS = 4;
  /** How long an ended transaction is kept, so that a late poll is told it ended rather than unknown. */
  public static final Duration KEPT = Duration.ofHours(1);

  private static final Duration POLL_INTERVAL = Duration.ofSeconds(POLL_EVERY_SECONDS);
  private static final int MAX_TRANSACTION_ID = 64;

  private final MobileIdService service;
  private final RelyingParty relyingParty;
  private final Challenges challenges;
  private final CertificateVerifier verifier;
  private final MobileIdTransactions transactions;
  private final IdentifiedPerson identified;
  private final PasswordPolicy policy;
  private final AuditLog audit;
  private final Clock clock;

  /**
   * Creates the login.
   *
   * @param service the mobile-ID service (or its simulator)
   * @param relyingParty the portal's service id and the key shared with the service
   * @param challenges the challenges the verifier takes from
   * @param verifier a verifier over the same challenges, trusting the MOICA CAs
   */
  public MobileIdLogin(MobileIdService service, RelyingParty relyingParty, Challenges challenges,
      CertificateVerifier verifier, MobileIdTransactions transactions, IdentifiedPerson identified,
      PasswordPolicy policy, AuditLog audit, Clock clock) {
    this.service = service;
    this.relyingParty = relyingParty;
    this.challenges = challenges;
    this.verifier = verifier;
    this.transactions = transactions;
    this.identified = identified;
    this.policy = policy;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * Starts a login for the identity number typed; never throws for bad input.
   *
   * @return {@link MobileIdLoginOutcome.Started} or {@link MobileIdLoginOutcome.Refused}
   */
  public MobileIdLoginOutcome start(String idNumber, String clientAddress) {
    Optional<IdNumber> id = IdNumber.parse(idNumber);
    if (id.isEmpty()) {
      return new MobileIdLoginOutcome.Refused(MobileIdLoginOutcome.Reason.INVALID_ID_NUMBER);
    }
    Instant now = clock.instant();
    String transactionId = Secrets.token();
    String transactionHash = Secrets.sha256(transactionId);
    Challenges.Challenge challenge = challenges.issue(LIFETIME);
    MobileIdTransaction transaction = new MobileIdTransaction(transactionHash, id.get(), id.get().masked(),
        Secrets.sha256(challenge.value()), Status.PENDING, now, now.plus(LIFETIME), now);
    if (!transactions.create(transaction, now)) {
      failed(id.get().masked(), clientAddress, "a transaction is pending for this number");
      return new MobileIdLoginOutcome.Refused(MobileIdLoginOutcome.Reason.ALREADY_PENDING);
    }
    StartAnswer answer;
    try {
      answer = service.start(relyingParty.start(transactionId, id.get().value(), challenge.value()));
    } catch (RuntimeException e) {
      transactions.end(transactionHash, Status.FAILED);
      failed(id.get().masked(), clientAddress, "service unreachable at start: " + e.getClass().getSimpleName());
      return new MobileIdLoginOutcome.Refused(MobileIdLoginOutcome.Reason.SERVICE_ERROR);
    }
    if (answer instanceof StartAnswer.NoBoundPhone) {
      transactions.end(transactionHash, Status.FAILED);
      failed(id.get().masked(), clientAddress, "no phone bound to the number");
      return new MobileIdLoginOutcome.Refused(MobileIdLoginOutcome.Reason.NO_BOUND_PHONE);
    }
    if (answer instanceof StartAnswer.Refused refused) {
      transactions.end(transactionHash, Status.FAILED);
      failed(id.get().masked(), clientAddress, "service refused the start: " + refused.why());
      return new MobileIdLoginOutcome.Refused(MobileIdLoginOutcome.Reason.SERVICE_ERROR);
    }
    return new MobileIdLoginOutcome.Started(transactionId, transaction.expiresAt(), POLL_EVERY_SECONDS);
  }

  /**
   * Polls a transaction: {@link MobileIdLoginOutcome.Waiting} while the holder has not acted, then
   * its final outcome; never throws for bad input. A failure to reach the service counts as "not yet".
   *
   * @param transactionId the id {@link MobileIdLoginOutcome.Started} gave
   */
  public MobileIdLoginOutcome poll(String transactionId, String clientAddress) {
    if (transactionId == null || transactionId.isEmpty() || transactionId.length() > MAX_TRANSACTION_ID) {
      return new MobileIdLoginOutcome.Refused(MobileIdLoginOutcome.Reason.UNKNOWN_TRANSACTION);
    }
    String hash = Secrets.sha256(transactionId);
    Optional<MobileIdTransaction> found = transactions.find(hash);
    if (found.isEmpty()) {
      return new MobileIdLoginOutcome.Refused(MobileIdLoginOutcome.Reason.UNKNOWN_TRANSACTION);
    }
    MobileIdTransaction transaction = found.get();
    Instant now = clock.instant();
    if (transaction.status() != Status.PENDING) {
      return ended(transaction.status());
    }
    if (!now.isBefore(transaction.expiresAt())) {
      if (transactions.end(hash, Status.EXPIRED)) {
        failed(transaction.maskedId(), clientAddress, "expired");
      }
      return new MobileIdLoginOutcome.Expired();
    }
    if (!transactions.touch(hash, now, POLL_INTERVAL)) {
      MobileIdTransaction latest = transactions.find(hash).orElse(transaction);
      if (latest.status() != Status.PENDING) {
        return ended(latest.status());
      }
      Duration wait = Duration.between(now, latest.lastPollAt().plus(POLL_INTERVAL));
      return new MobileIdLoginOutcome.TooSoon(wait.isNegative() ? Duration.ZERO : wait);
    }

    TransactionResult result;
    try {
      result = service.result(relyingParty.result(transactionId));
    } catch (RuntimeException e) {
      return new MobileIdLoginOutcome.Waiting();
    }
    if (result instanceof TransactionResult.NotYet) {
      return new MobileIdLoginOutcome.Waiting();
    }
    if (result instanceof TransactionResult.Denied) {
      return end(transaction, Status.DENIED, clientAddress, "denied on the phone", new MobileIdLoginOutcome.Denied());
    }
    if (result instanceof TransactionResult.Expired) {
      return end(transaction, Status.EXPIRED, clientAddress, "expired", new MobileIdLoginOutcome.Expired());
    }
    if (result instanceof TransactionResult.Unknown) {
      return end(transaction, Status.FAILED, clientAddress, "the service lost the transaction",
          new MobileIdLoginOutcome.Refused(MobileIdLoginOutcome.Reason.SERVICE_ERROR));
    }
    if (result instanceof TransactionResult.Refused refused) {
      return end(transaction, Status.FAILED, clientAddress, "service refused the poll: " + refused.why(),
          new MobileIdLoginOutcome.Refused(MobileIdLoginOutcome.Reason.SERVICE_ERROR));
    }
    // Approved: the transaction ends here, once, before anything is checked.
    if (!transactions.end(hash, Status.APPROVED)) {
      return transactions.find(hash).map(t -> ended(t.status()))
          .orElse(new MobileIdLoginOutcome.Refused(MobileIdLoginOutcome.Reason.UNKNOWN_TRANSACTION));
    }
    return approved(transaction, ((TransactionResult.Approved) result).signedResponse(), clientAddress);
  }

  /** Ends pending transactions that expired and removes those long over; for a periodic clean-up. */
  public int removeExpired() {
    Instant now = clock.instant();
    return transactions.expire(now) + transactions.removeExpiredBefore(now.minus(KEPT));
  }

  private MobileIdLoginOutcome approved(MobileIdTransaction transaction, byte[] signedResponse,
      String clientAddress) {
    String masked = transaction.maskedId();
    // The transaction's own challenge, not merely a live one: checked before the verifier uses it up.
    Optional<String> content = signedContent(signedResponse);
    if (content.isPresent() && !Secrets.sha256(content.get()).equals(transaction.challengeHash())) {
      Verification.Failure failure = new Verification.UnknownChallenge();
      failed(masked, clientAddress, "signed content is not the transaction's challenge");
      return new MobileIdLoginOutcome.Rejected(failure);
    }
    Verification verification = verifier.verify(signedResponse);
    if (verification instanceof Verification.Failure failure) {
      failed(masked, clientAddress, failure.reason());
      return new MobileIdLoginOutcome.Rejected(failure);
    }
    CertificateFacts certificate = ((Verification.Verified) verification).certificate();
    IdentifiedPerson.Match match = identified.match(transaction.idNumber(),
        person -> CertificateLogin.samePerson(certificate, person));
    if (match instanceof IdentifiedPerson.NotInDatabase) {
      failed(masked, clientAddress, "not in the civil-service database");
      return new MobileIdLoginOutcome.NotInDatabase();
    }
    if (match instanceof IdentifiedPerson.NotTheHolder) {
      failed(masked, clientAddress, "not the holder of certificate " + certificate.serial());
      return new MobileIdLoginOutcome.NotSamePerson();
    }
    if (match instanceof IdentifiedPerson.OffDuty) {
      failed(masked, clientAddress, "off duty");
      return new MobileIdLoginOutcome.OffDuty();
    }
    Account account = ((IdentifiedPerson.Serving) match).account();
    Instant now = clock.instant();
    audit.record(new AuditEvent(now, AuditKind.LOGIN_SUCCEEDED, who(account), account.idNumber().masked(),
        clientAddress, METHOD + " serial " + certificate.serial()));
    return new MobileIdLoginOutcome.LoggedIn(account, AccountGate.pending(account, policy, now), certificate);
  }

  /** What a poll of an ended transaction answers: an approval collected once is not collected again. */
  private static MobileIdLoginOutcome ended(Status status) {
    return switch (status) {
      case DENIED -> new MobileIdLoginOutcome.Denied();
      case EXPIRED -> new MobileIdLoginOutcome.Expired();
      case APPROVED -> new MobileIdLoginOutcome.Refused(MobileIdLoginOutcome.Reason.ALREADY_USED);
      case FAILED -> new MobileIdLoginOutcome.Refused(MobileIdLoginOutcome.Reason.SERVICE_ERROR);
      case PENDING -> throw new IllegalArgumentException("not ended");
    };
  }

  private MobileIdLoginOutcome end(MobileIdTransaction transaction, Status status, String clientAddress,
      String detail, MobileIdLoginOutcome outcome) {
    if (transactions.end(transaction.transactionHash(), status)) {
      failed(transaction.maskedId(), clientAddress, detail);
      return outcome;
    }
    return transactions.find(transaction.transactionHash()).map(t -> ended(t.status())).orElse(outcome);
  }

  /** The encapsulated content of CMS signed data as text, if it can be read; the verifier judges the rest. */
  static Optional<String> signedContent(byte[] signedData) {
    if (signedData == null || signedData.length == 0 || signedData.length > CertificateVerifier.MAX_SIZE) {
      return Optional.empty();
    }
    try {
      CMSProcessable content = new CMSSignedData(signedData).getSignedContent();
      return content != null && content.getContent() instanceof byte[] bytes
          ? Optional.of(new String(bytes, StandardCharsets.US_ASCII)) : Optional.empty();
    } catch (Exception e) {
      return Optional.empty();
    }
  }

  private void failed(String target, String clientAddress, String detail) {
    audit.record(new AuditEvent(clock.instant(), AuditKind.LOGIN_FAILED, null, target, clientAddress,
        METHOD + ": " + detail));
  }

  private static String who(Account account) {
    return account.custom().orElse(account.idNumber().masked());
  }

  @Override
  public String id() {
    return METHOD;
  }

  /** Starts a login for the ID number typed, as every login method answers: the next step is waiting. */
  public LoginResult attemptStart(String idNumber, String clientAddress) {
    return result(start(idNumber, clientAddress));
  }

  /** Polls a transaction (the credentials are its id), as every login method answers. */
  @Override
  public LoginResult attempt(String transactionId, String clientAddress) {
    return result(poll(transactionId, clientAddress));
  }

  static LoginResult result(MobileIdLoginOutcome outcome) {
    if (outcome instanceof MobileIdLoginOutcome.LoggedIn in) {
      return new LoginResult.LoggedIn(in.account(), in.pending());
    }
    if (outcome instanceof MobileIdLoginOutcome.Started started) {
      return new LoginResult.NextStep("started", outcome.message(), java.util.Map.of(
          "transactionId", started.transactionId(), "expiresAt", started.expiresAt().toString(),
          "pollEverySeconds", started.pollEverySeconds()));
    }
    if (outcome instanceof MobileIdLoginOutcome.Waiting) {
      return new LoginResult.NextStep("waiting", outcome.message(), java.util.Map.of());
    }
    if (outcome instanceof MobileIdLoginOutcome.TooSoon soon) {
      return new LoginResult.Refused(LoginResult.Refusal.TOO_SOON, "too-soon", outcome.message(),
          java.util.Map.of("retryAfterSeconds", Math.max(1, (soon.retryAfter().toMillis() + 999) / 1000)), false);
    }
    if (outcome instanceof MobileIdLoginOutcome.Refused refused) {
      MobileIdLoginOutcome.Reason reason = refused.reason();
      return new LoginResult.Refused(reason == MobileIdLoginOutcome.Reason.ALREADY_PENDING
          ? LoginResult.Refusal.CONFLICT : reason == MobileIdLoginOutcome.Reason.SERVICE_ERROR
          ? LoginResult.Refusal.UNAVAILABLE : LoginResult.Refusal.INVALID,
          reason.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'), outcome.message(), java.util.Map.of(),
          false);
    }
    LoginResult.Refusal refusal = outcome instanceof MobileIdLoginOutcome.Rejected ? LoginResult.Refusal.WRONG
        : outcome instanceof MobileIdLoginOutcome.NotInDatabase || outcome instanceof MobileIdLoginOutcome.OffDuty
            ? LoginResult.Refusal.NOT_PERMITTED : LoginResult.Refusal.INVALID;
    String code = outcome instanceof MobileIdLoginOutcome.Denied ? "denied"
        : outcome instanceof MobileIdLoginOutcome.Expired ? "expired"
        : outcome instanceof MobileIdLoginOutcome.Rejected ? "certificate-rejected"
        : outcome instanceof MobileIdLoginOutcome.NotSamePerson ? "not-same-person"
        : outcome instanceof MobileIdLoginOutcome.NotInDatabase ? "not-in-database" : "off-duty";
    return LoginResult.Refused.failed(refusal, code, outcome.message());
  }
}
