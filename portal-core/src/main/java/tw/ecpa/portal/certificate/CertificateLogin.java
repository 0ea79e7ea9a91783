package tw.ecpa.portal.certificate;

import java.util.Map;
import tw.ecpa.portal.auth.LoginResult;
import tw.ecpa.portal.auth.LoginMethod;
import java.io.ByteArrayInputStream;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import tw.ecpa.portal.account.Account;
import tw.ecpa.portal.account.AccountGate;
import tw.ecpa.portal.account.Accounts;
import tw.ecpa.portal.account.Role;
import tw.ecpa.portal.audit.AuditEvent;
import tw.ecpa.portal.audit.AuditKind;
import tw.ecpa.portal.audit.AuditLog;
import tw.ecpa.portal.identity.IdNumber;
import tw.ecpa.portal.password.PasswordPolicy;
import tw.ecpa.portal.people.People;
import tw.ecpa.portal.people.Person;
import tw.ecpa.portal.people.PersonStatus;
import tw.ecpa.portal.security.Secrets;

/**
 * Login with a citizen digital certificate (自然人憑證, MOICA), method id {@value #METHOD}.
 *
 * <p>The card signs a challenge; a certificate bound to an account logs that account in. The first time
 * (the certificate holds only the last four digits of the identity number), the holder types the custom
 * account or identity number; the binding is made when that person is in the civil-service database,
 * serving, and is the certificate's holder: the same last four digits and the same name. Three wrong
 * tries void the ticket. A logged-in account binds a renewed card with {@link #bindRenewed}.
 *
 * <p>A password lock does not stop a certificate login, and a certificate login does not clear it: the
 * card and its PIN are a factor of their own. Sessions are the caller's business.
 */
public final class CertificateLogin implements LoginMethod<byte[]> {

  /** The login method's id, as sessions record it. */
  public static final String METHOD = "moica";
  /** How long a verified certificate waits for the account to bind to. */
  public static final Duration TICKET_LIFETIME = Duration.ofMinutes(5);
  /** Wrong accounts typed against one ticket before it is void. */
  public static final int MAX_BINDING_TRIES = 3;

  private static final int MAX_TICKET = 64;
  private static final int MAX_LOGIN = 64;

  private final CertificateVerifier verifier;
  private final BindingTickets tickets;
  private final CertificateBindings bindings;
  private final Accounts accounts;
  private final People people;
  private final PasswordPolicy policy;
  private final AuditLog audit;
  private final Clock clock;

  /** Creates the login over a verifier trusting the MOICA CAs, the stores, the policy and the audit log. */
  public CertificateLogin(CertificateVerifier verifier, BindingTickets tickets, CertificateBindings bindings,
      Accounts accounts, People people, PasswordPolicy policy, AuditLog audit, Clock clock) {
    this.verifier = verifier;
    this.tickets = tickets;
    this.bindings = bindings;
    this.accounts = accounts;
    this.people = people;
    this.policy = policy;
    this.audit = audit;
    this.clock = clock;
  }

  /** Tries a login with the card's signed challenge; never throws for bad input. */
  public CertificateLoginOutcome login(byte[] signedData, String clientAddress) {
    Verification verification = verifier.verify(signedData);
    if (verification instanceof Verification.Failure failure) {
      failed(null, null, clientAddress, failure.reason());
      return new CertificateLoginOutcome.Rejected(failure);
    }
    Verification.Verified verified = (Verification.Verified) verification;
    CertificateFacts certificate = verified.certificate();
    if (certificate.lastFour().isEmpty()) {
      failed(null, null, clientAddress, "not a citizen certificate, serial " + certificate.serial());
      return new CertificateLoginOutcome.NotCitizenCertificate();
    }
    Optional<CertificateBinding> binding = bindings.byFingerprint(certificate.fingerprint());
    if (binding.isEmpty()) {
      return needsBinding(verified);
    }
    Account account = accounts.byId(binding.get().accountId())
        .orElseThrow(() -> new IllegalStateException("a binding without an account"));
    Optional<Person> person = people.find(account.idNumber());
    if (person.isEmpty()) {
      failed(account, null, clientAddress, "not in the civil-service database");
      return new CertificateLoginOutcome.NotInDatabase();
    }
    if (person.get().status() != PersonStatus.ACTIVE) {
      failed(account, null, clientAddress, "off duty");
      return new CertificateLoginOutcome.OffDuty();
    }
    return loggedIn(account, certificate, false, clientAddress);
  }

  /**
   * The first-login step: binds the certificate behind a ticket to the account typed, and logs it in.
   *
   * @param ticket the ticket of {@link CertificateLoginOutcome.NeedsBinding}
   * @param customAccountOrIdNumber what the holder typed
   */
  public CertificateLoginOutcome bind(String ticket, String customAccountOrIdNumber, String clientAddress) {
    Instant now = clock.instant();
    if (ticket == null || ticket.isBlank() || ticket.length() > MAX_TICKET) {
      return new CertificateLoginOutcome.TicketExpired();
    }
    String ticketHash = Secrets.sha256(ticket);
    Optional<BindingTicket> found = tickets.find(ticketHash, now);
    if (found.isEmpty()) {
      return new CertificateLoginOutcome.TicketExpired();
    }
    CertificateFacts certificate = CertificateFacts.of(certificate(found.get().certificate()));

    String typed = customAccountOrIdNumber == null ? "" : customAccountOrIdNumber.strip();
    Optional<Account> account = typed.isEmpty() || typed.length() > MAX_LOGIN
        ? Optional.empty() : accounts.byLogin(typed);
    Optional<Person> person = account.isPresent()
        ? people.find(account.get().idNumber())
        : IdNumber.parse(typed).flatMap(people::find);
    if (person.isEmpty()) {
      wrongTry(ticketHash);
      failed(account.orElse(null), null, clientAddress, "binding: not in the civil-service database");
      return new CertificateLoginOutcome.NotInDatabase();
    }
    if (!samePerson(certificate, person.get())) {
      int left = wrongTry(ticketHash);
      failed(account.orElse(null), person.get().idNumber(), clientAddress,
          "binding: not the holder of certificate " + certificate.serial());
      return new CertificateLoginOutcome.NotSamePerson(left);
    }
    if (person.get().status() != PersonStatus.ACTIVE) {
      wrongTry(ticketHash);
      failed(account.orElse(null), person.get().idNumber(), clientAddress, "binding: off duty");
      return new CertificateLoginOutcome.OffDuty();
    }
    if (!tickets.take(ticketHash)) {
      return new CertificateLoginOutcome.TicketExpired();
    }
    Account bound = account.orElseGet(() -> accounts.byLogin(person.get().idNumber().value())
        .orElseGet(() -> accounts.create(person.get().idNumber(), Set.of(Role.EMPLOYEE))));
    if (!bindings.bind(CertificateBinding.of(bound.id(), certificate, now))) {
      // Bound meanwhile by a second request with the same ticket's certificate.
      boolean ours = bindings.byFingerprint(certificate.fingerprint()).map(b -> b.accountId() == bound.id())
          .orElse(false);
      if (!ours) {
        return new CertificateLoginOutcome.NotSamePerson(0);
      }
    } else {
      audit.record(new AuditEvent(now, AuditKind.CERTIFICATE_BOUND, who(bound), bound.idNumber().masked(),
          clientAddress, METHOD + " serial " + certificate.serial()));
    }
    return loggedIn(bound, certificate, true, clientAddress);
  }

  /**
   * Binds a new certificate (a renewed or replaced card) to a logged-in account, after the same
   * holder check as a first login.
   *
   * @param accountId the logged-in account
   * @param signedData the new card's signed challenge
   */
  public RenewalOutcome bindRenewed(long accountId, byte[] signedData, String clientAddress) {
    Account account = accounts.byId(accountId).orElseThrow(() -> new IllegalArgumentException("no account"));
    Person person = people.find(account.idNumber())
        .orElseThrow(() -> new IllegalStateException("an account without a person"));
    Verification verification = verifier.verify(signedData);
    if (verification instanceof Verification.Failure failure) {
      failed(account, null, clientAddress, "renewal: " + failure.reason());
      return new RenewalOutcome.Rejected(failure);
    }
    CertificateFacts certificate = ((Verification.Verified) verification).certificate();
    if (certificate.lastFour().isEmpty()) {
      return new RenewalOutcome.NotCitizenCertificate();
    }
    if (!samePerson(certificate, person)) {
      failed(account, null, clientAddress, "renewal: not the holder of certificate " + certificate.serial());
      return new RenewalOutcome.NotSamePerson();
    }
    Instant now = clock.instant();
    if (!bindings.bind(CertificateBinding.of(account.id(), certificate, now))) {
      boolean ours = bindings.byFingerprint(certificate.fingerprint())
          .map(b -> b.accountId() == account.id()).orElse(false);
      return new RenewalOutcome.AlreadyBound(ours);
    }
    audit.record(new AuditEvent(now, AuditKind.CERTIFICATE_BOUND, who(account), account.idNumber().masked(),
        clientAddress, METHOD + " renewal, serial " + certificate.serial()));
    return new RenewalOutcome.Bound(certificate);
  }

  /** Removes expired binding tickets; returns how many. For a periodic clean-up. */
  public int removeExpiredTickets() {
    return tickets.removeExpired(clock.instant());
  }

  /**
   * Whether the person is the certificate's holder: the same last four digits of the identity number
   * and the same name (compared after Unicode compatibility folding). Other logins that receive a citizen
   * certificate (the mobile natural-person certificate) check their holder with it too.
   */
  public static boolean samePerson(CertificateFacts certificate, Person person) {
    String id = person.idNumber().value();
    return certificate.lastFour().map(last -> last.equals(id.substring(id.length() - 4))).orElse(false)
        && certificate.holderName() != null
        && fold(certificate.holderName()).equals(fold(person.name()));
  }

  private static String fold(String name) {
    return Normalizer.normalize(name, Normalizer.Form.NFKC).replace(" ", "").strip();
  }

  private CertificateLoginOutcome needsBinding(Verification.Verified verified) {
    String ticket = Secrets.token();
    Instant expiresAt = clock.instant().plus(TICKET_LIFETIME);
    byte[] der;
    try {
      der = verified.x509().getEncoded();
    } catch (CertificateEncodingException e) {
      throw new IllegalStateException("a verified certificate that cannot be encoded", e);
    }
    tickets.save(new BindingTicket(Secrets.sha256(ticket), der, expiresAt, 0));
    return new CertificateLoginOutcome.NeedsBinding(ticket, expiresAt, verified.certificate());
  }

  private CertificateLoginOutcome loggedIn(Account account, CertificateFacts certificate, boolean newlyBound,
      String clientAddress) {
    Instant now = clock.instant();
    audit.record(new AuditEvent(now, AuditKind.LOGIN_SUCCEEDED, who(account), account.idNumber().masked(),
        clientAddress, METHOD + " serial " + certificate.serial()));
    return new CertificateLoginOutcome.LoggedIn(account, AccountGate.pending(account, policy, now), certificate,
        newlyBound);
  }

  /** Counts a wrong try against a ticket and voids it at the limit; returns the tries left. */
  private int wrongTry(String ticketHash) {
    int left = Math.max(0, MAX_BINDING_TRIES - tickets.recordFailure(ticketHash));
    if (left == 0) {
      tickets.take(ticketHash);
    }
    return left;
  }

  private void failed(Account account, IdNumber person, String clientAddress, String detail) {
    String target = account != null ? account.idNumber().masked() : person != null ? person.masked() : null;
    audit.record(new AuditEvent(clock.instant(), AuditKind.LOGIN_FAILED, account == null ? null : who(account),
        target, clientAddress, METHOD + ": " + detail));
  }

  private static String who(Account account) {
    return account.custom().orElse(account.idNumber().masked());
  }

  private static X509Certificate certificate(byte[] der) {
    try {
      return (X509Certificate) CertificateFactory.getInstance("X.509")
          .generateCertificate(new ByteArrayInputStream(der));
    } catch (CertificateException e) {
      throw new IllegalStateException("a stored binding ticket holds no certificate", e);
    }
  }

  @Override
  public String id() {
    return METHOD;
  }

  /** Logs in with the card's signed challenge, as every login method answers. */
  @Override
  public LoginResult attempt(byte[] signedData, String clientAddress) {
    return result(login(signedData, clientAddress));
  }

  /** Binds the certificate of a ticket to the account typed and logs in, as every login method answers. */
  public LoginResult attemptBinding(String ticket, String customAccountOrIdNumber, String clientAddress) {
    return result(bind(ticket, customAccountOrIdNumber, clientAddress));
  }

  static LoginResult result(CertificateLoginOutcome outcome) {
    if (outcome instanceof CertificateLoginOutcome.LoggedIn in) {
      return new LoginResult.LoggedIn(in.account(), in.pending());
    }
    if (outcome instanceof CertificateLoginOutcome.NeedsBinding binding) {
      return new LoginResult.NextStep("binding", binding.message(), Map.of("ticket", binding.ticket(),
          "expiresAt", binding.expiresAt().toString(), "holderName", binding.certificate().holderName()));
    }
    if (outcome instanceof CertificateLoginOutcome.NotSamePerson notSame) {
      return new LoginResult.Refused(LoginResult.Refusal.INVALID, "not-same-person", notSame.message(),
          Map.of("triesLeft", notSame.triesLeft()), true);
    }
    LoginResult.Refusal refusal = outcome instanceof CertificateLoginOutcome.Rejected ? LoginResult.Refusal.WRONG
        : outcome instanceof CertificateLoginOutcome.NotInDatabase || outcome instanceof CertificateLoginOutcome.OffDuty
            ? LoginResult.Refusal.NOT_PERMITTED : LoginResult.Refusal.INVALID;
    String code = outcome instanceof CertificateLoginOutcome.Rejected ? "certificate-rejected"
        : outcome instanceof CertificateLoginOutcome.NotCitizenCertificate ? "not-citizen-certificate"
        : outcome instanceof CertificateLoginOutcome.TicketExpired ? "binding-expired"
        : outcome instanceof CertificateLoginOutcome.NotInDatabase ? "not-in-database" : "off-duty";
    return LoginResult.Refused.failed(refusal, code, outcome.message());
  }
}
