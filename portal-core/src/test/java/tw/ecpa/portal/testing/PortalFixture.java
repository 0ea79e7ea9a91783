package tw.ecpa.portal.testing;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import tw.ecpa.portal.account.Account;
import tw.ecpa.portal.account.Role;
import tw.ecpa.portal.account.jdbc.JdbcAccounts;
import tw.ecpa.portal.auth.jdbc.JdbcUnknownLogins;
import tw.ecpa.portal.audit.AuditEvent;
import tw.ecpa.portal.audit.AuditKind;
import tw.ecpa.portal.audit.jdbc.JdbcAuditLog;
import tw.ecpa.portal.identity.IdNumber;
import tw.ecpa.portal.jdbc.Database;
import tw.ecpa.portal.mail.MailException;
import tw.ecpa.portal.mail.MailMessage;
import tw.ecpa.portal.mail.Mailer;
import tw.ecpa.portal.password.PasswordHasher;
import tw.ecpa.portal.password.PasswordPolicy;
import tw.ecpa.portal.people.Organization;
import tw.ecpa.portal.people.Person;
import tw.ecpa.portal.people.PersonStatus;
import tw.ecpa.portal.people.jdbc.JdbcPeople;
import tw.ecpa.portal.recovery.jdbc.JdbcResetCodeStore;
import tw.ecpa.portal.session.Sessions;
import tw.ecpa.portal.session.jdbc.JdbcSessionStore;

/**
 * The portal's stores over one in-memory H2 database, a movable clock, a fast hasher and a mailer
 * that keeps what it was given: what the service tests share. Each fixture makes its own people.
 */
public final class PortalFixture {

  /** A cheap Argon2id setting: the tests check behaviour, not cost. */
  public static final PasswordHasher HASHER = new PasswordHasher(1024, 1, 1);

  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  public final MovableClock clock = new MovableClock();
  public final JdbcPeople people;
  public final JdbcAccounts accounts;
  public final JdbcUnknownLogins unknownLogins;
  public final JdbcAuditLog audit;
  public final JdbcResetCodeStore codes;
  public final JdbcSessionStore sessionStore;
  public final Sessions sessions;
  public final PasswordPolicy policy = PasswordPolicy.standard(HASHER);
  public final RecordingMailer mailer = new RecordingMailer();

  /** Creates the stores over a migrated database. */
  public PortalFixture(Database database) {
    people = new JdbcPeople(database);
    accounts = new JdbcAccounts(database);
    unknownLogins = new JdbcUnknownLogins(database);
    audit = new JdbcAuditLog(database);
    codes = new JdbcResetCodeStore(database);
    sessionStore = new JdbcSessionStore(database);
    sessions = new Sessions(sessionStore, clock);
  }

  /** A fresh valid identity number for each call. */
  public static IdNumber freshId() {
    // The sequence is written backwards so that masked numbers (first five characters) differ too.
    String body = "Q1" + new StringBuilder(String.format("%07d", SEQUENCE.incrementAndGet())).reverse();
    return IntStream.rangeClosed(0, 9).mapToObj(c -> body + c)
        .filter(IdNumber::isValid).findFirst().flatMap(IdNumber::parse).orElseThrow();
  }

  /** Makes sure an organization exists; returns its code. */
  public String organization(String code) {
    people.save(new Organization(code, "測試機關" + code, null));
    return code;
  }

  /** A serving person of an organization, born 1980-03-03 (ROC 0690303), on duty since 2020-08-01. */
  public Person person(String organization) {
    IdNumber id = freshId();
    Person person = new Person(id, "林測試", LocalDate.of(1980, 3, 3), organization(organization),
        LocalDate.of(2020, 8, 1), PersonStatus.ACTIVE, "p" + id.value().toLowerCase() + "@example.gov.tw", null);
    people.save(person);
    return person;
  }

  /** An activated account with a password the person chose ten days ago. */
  public Account activeAccount(Person person, String password, Role... roles) {
    Set<Role> all = new java.util.HashSet<>(List.of(roles));
    all.add(Role.EMPLOYEE);
    long key = accounts.create(person.idNumber(), all).id();
    accounts.claimCustomAccount(key, "u" + person.idNumber().value().toLowerCase());
    accounts.setPassword(key, HASHER.hash(password), clock.instant().minus(Duration.ofDays(10)), true, false);
    return accounts.byId(key).orElseThrow();
  }

  /** The kinds of the audit events recorded about a person so far, oldest first. */
  public List<AuditKind> auditKinds(IdNumber target) {
    List<AuditKind> kinds = new ArrayList<>(audit.recent(10_000).stream()
        .filter(e -> target.masked().equals(e.target()))
        .map(AuditEvent::kind).toList());
    java.util.Collections.reverse(kinds);
    return kinds;
  }

  /** A mailer that keeps every message; it can be told to fail. */
  public static final class RecordingMailer implements Mailer {
    public final List<MailMessage> sent = new java.util.concurrent.CopyOnWriteArrayList<>();
    public volatile boolean failing;

    @Override
    public void send(MailMessage message) {
      if (failing) {
        throw new MailException("test mail server down", null);
      }
      sent.add(message);
    }

    /** The messages sent to an address, oldest first. */
    public List<MailMessage> to(String address) {
      return sent.stream().filter(m -> m.to().equals(address)).toList();
    }
  }
}
