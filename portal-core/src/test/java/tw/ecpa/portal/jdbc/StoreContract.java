package tw.ecpa.portal.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tw.ecpa.portal.account.Account;
import tw.ecpa.portal.account.Role;
import tw.ecpa.portal.account.jdbc.JdbcAccounts;
import tw.ecpa.portal.auth.UnknownLogins;
import tw.ecpa.portal.auth.jdbc.JdbcUnknownLogins;
import tw.ecpa.portal.certificate.BindingTicket;
import tw.ecpa.portal.certificate.CertificateBinding;
import tw.ecpa.portal.certificate.jdbc.JdbcBindingTickets;
import tw.ecpa.portal.certificate.jdbc.JdbcCertificateBindings;
import tw.ecpa.portal.certificate.jdbc.JdbcChallengeStore;
import tw.ecpa.portal.identity.IdNumber;
import tw.ecpa.portal.people.Organization;
import tw.ecpa.portal.people.Person;
import tw.ecpa.portal.people.PersonStatus;
import tw.ecpa.portal.people.jdbc.JdbcPeople;
import tw.ecpa.portal.recovery.ResetCode;
import tw.ecpa.portal.recovery.ResetCodeStore;
import tw.ecpa.portal.recovery.jdbc.JdbcResetCodeStore;
import tw.ecpa.portal.session.Session;
import tw.ecpa.portal.session.jdbc.JdbcSessionStore;

/**
 * The behaviour both databases must show: the same tests run on H2 and on a real PostgreSQL.
 * Subclasses provide a migrated database; each test works in its own organization and people.
 */
public abstract class StoreContract {

  private static final AtomicInteger SEQUENCE = new AtomicInteger();
  static final Instant T0 = Instant.parse("2026-11-23T05:00:00Z");

  abstract Database database();

  JdbcPeople people;
  JdbcAccounts accounts;
  String org;

  @BeforeEach
  void stores() {
    people = new JdbcPeople(database());
    accounts = new JdbcAccounts(database());
    org = "ORG" + SEQUENCE.incrementAndGet();
    people.save(new Organization("HQ", "行政院人事行政總處", null));
    people.save(new Organization(org, "測試機關" + org, "HQ"));
  }

  /** A fresh valid identity number for each call. */
  static IdNumber freshId() {
    int n = 10_000_000 + SEQUENCE.incrementAndGet();
    String body = "A1" + String.valueOf(n).substring(1);
    for (int check = 0; check <= 9; check++) {
      if (IdNumber.isValid(body + check)) {
        return IdNumber.parse(body + check).orElseThrow();
      }
    }
    throw new IllegalStateException();
  }

  Person person(IdNumber id) {
    return new Person(id, "王小明", LocalDate.of(1972, 1, 1), org, LocalDate.of(2021, 1, 1),
        PersonStatus.ACTIVE, "wang@example.gov.tw", "02-23979108");
  }

  @Test
  void people_saveAndFind_roundTripsEveryField() {
    IdNumber id = freshId();
    people.save(person(id));
    Person found = people.find(id).orElseThrow();
    assertEquals(person(id), found);
    people.save(found.withEmail("new@example.gov.tw"));
    assertEquals("new@example.gov.tw", people.find(id).orElseThrow().email());
    assertEquals(List.of(found.withEmail("new@example.gov.tw")), people.ofOrganization(org));
    assertEquals("HQ", people.organization(org).orElseThrow().parentCode());
  }

  @Test
  void people_unknownOrganization_isRefusedByTheDatabase() {
    Person orphan = new Person(freshId(), "無機關", LocalDate.of(1980, 5, 5), "NOPE", LocalDate.of(2020, 1, 1),
        PersonStatus.ACTIVE, null, null);
    assertThrows(RuntimeException.class, () -> people.save(orphan));
  }

  @Test
  void accounts_create_hasNoPasswordAndMustChange() {
    IdNumber id = freshId();
    people.save(person(id));
    Account account = accounts.create(id, Set.of(Role.EMPLOYEE, Role.HR_OFFICER));
    assertNull(account.passwordHash());
    assertTrue(account.mustChangePassword());
    assertEquals(Set.of(Role.EMPLOYEE, Role.HR_OFFICER), account.roles());
    assertEquals(account, accounts.byLogin(id.value()).orElseThrow());
    assertEquals(account, accounts.byLogin(id.value().toLowerCase()).orElseThrow());
  }

  @Test
  void accounts_grant_addsARoleOnce() {
    IdNumber id = freshId();
    people.save(person(id));
    Account account = accounts.create(id, Set.of(Role.EMPLOYEE));
    accounts.grant(account.id(), Role.HEADQUARTERS_STATISTICS);
    accounts.grant(account.id(), Role.HEADQUARTERS_STATISTICS);
    assertEquals(Set.of(Role.EMPLOYEE, Role.HEADQUARTERS_STATISTICS), accounts.byId(account.id()).orElseThrow().roles());
  }

  @Test
  void accounts_customAccount_isUniqueWithoutRegardToCase_andFindsTheAccount() {
    IdNumber a = freshId();
    IdNumber b = freshId();
    people.save(person(a));
    people.save(person(b));
    long first = accounts.create(a, Set.of(Role.EMPLOYEE)).id();
    long second = accounts.create(b, Set.of(Role.EMPLOYEE)).id();
    String name = "wangxm" + SEQUENCE.incrementAndGet();
    assertTrue(accounts.claimCustomAccount(first, name));
    assertFalse(accounts.claimCustomAccount(second, name.toUpperCase()));
    assertTrue(accounts.claimCustomAccount(first, name.toUpperCase()), "renaming one's own account by case");
    assertEquals(first, accounts.byLogin(name).orElseThrow().id());
    assertEquals(name.toUpperCase(), accounts.byId(first).orElseThrow().customAccount());
  }

  @Test
  void accounts_setPassword_keepsHistoryNewestFirst_andClearsTheLock() {
    IdNumber id = freshId();
    people.save(person(id));
    long account = accounts.create(id, Set.of(Role.EMPLOYEE)).id();
    accounts.recordFailures(account, 5, T0.plus(Duration.ofMinutes(15)));
    assertTrue(accounts.byId(account).orElseThrow().lockedAt(T0));
    for (int i = 1; i <= 4; i++) {
      accounts.setPassword(account, "$argon2id$hash" + i, T0.plus(Duration.ofDays(i)), true, false);
    }
    Account after = accounts.byId(account).orElseThrow();
    assertEquals("$argon2id$hash4", after.passwordHash());
    assertEquals(T0.plus(Duration.ofDays(4)), after.passwordChangedAt());
    assertFalse(after.lockedAt(T0));
    assertEquals(0, after.failedAttempts());
    assertEquals(List.of("$argon2id$hash4", "$argon2id$hash3", "$argon2id$hash2"),
        accounts.recentPasswordHashes(account, 3));
  }

  @Test
  void accounts_failuresAndClear_areKept() {
    IdNumber id = freshId();
    people.save(person(id));
    long account = accounts.create(id, Set.of(Role.EMPLOYEE)).id();
    accounts.recordFailures(account, 3, null);
    assertEquals(3, accounts.byId(account).orElseThrow().failedAttempts());
    accounts.clearFailures(account);
    assertEquals(0, accounts.byId(account).orElseThrow().failedAttempts());
  }

  @Test
  void accounts_unknownLogin_isEmpty() {
    assertTrue(accounts.byLogin("nobody-here").isEmpty());
    assertTrue(accounts.byLogin("").isEmpty());
    assertTrue(accounts.byLogin(null).isEmpty());
    assertTrue(accounts.byId(-1).isEmpty());
  }

  @Test
  void unknownLogins_countAndLock_areKept_andForgottenADayAfterTheLastFailureWhenUnlocked() {
    JdbcUnknownLogins unknown = new JdbcUnknownLogins(database());
    String name = UnknownLogins.digest("nobody" + SEQUENCE.incrementAndGet());
    String old = UnknownLogins.digest("stale" + SEQUENCE.incrementAndGet());
    assertTrue(unknown.find(name).isEmpty());
    unknown.record(old, new UnknownLogins.State(2, null), T0);
    unknown.record(name, new UnknownLogins.State(4, null), T0.plusSeconds(60));
    unknown.record(name, new UnknownLogins.State(5, T0.plusSeconds(960)), T0.plusSeconds(60));
    assertEquals(new UnknownLogins.State(5, T0.plusSeconds(960)), unknown.find(name).orElseThrow());
    assertEquals(2, unknown.find(old).orElseThrow().failedAttempts());

    unknown.record(name, new UnknownLogins.State(1, null), T0.plus(java.time.Duration.ofHours(25)));
    assertTrue(unknown.find(old).isEmpty(), "unlocked and unchanged for a day");
    assertEquals(new UnknownLogins.State(1, null), unknown.find(name).orElseThrow());
  }

  long newAccount() {
    IdNumber id = freshId();
    people.save(person(id));
    return accounts.create(id, Set.of(Role.EMPLOYEE)).id();
  }

  @Test
  void resetCodes_aNewCodeClosesTheOlder_andACodeClosesOnce() {
    JdbcResetCodeStore codes = new JdbcResetCodeStore(database());
    long account = newAccount();
    codes.issue(account, "hash-1", T0, T0.plus(Duration.ofHours(24)));
    long first = codes.open(account, T0).orElseThrow().id();
    codes.issue(account, "hash-2", T0.plusSeconds(60), T0.plus(Duration.ofHours(25)));

    ResetCode open = codes.open(account, T0.plusSeconds(61)).orElseThrow();
    assertEquals("hash-2", open.codeHash());
    assertFalse(codes.close(first, T0, ResetCodeStore.Closed.USED), "replaced already");
    assertEquals(1, codes.recordFailure(open.id()));
    assertEquals(2, codes.recordFailure(open.id()));
    assertTrue(codes.close(open.id(), T0.plusSeconds(62), ResetCodeStore.Closed.USED));
    assertFalse(codes.close(open.id(), T0.plusSeconds(63), ResetCodeStore.Closed.USED));
    assertTrue(codes.open(account, T0.plusSeconds(64)).isEmpty());
  }

  @Test
  void resetCodes_expire_andGrantsAreTakenOnce() {
    JdbcResetCodeStore codes = new JdbcResetCodeStore(database());
    long account = newAccount();
    codes.issue(account, "hash", T0, T0.plus(Duration.ofHours(24)));
    assertTrue(codes.open(account, T0.plus(Duration.ofHours(24))).isEmpty());
    String grant = "grant-" + SEQUENCE.incrementAndGet();
    codes.grant(grant, account, T0.plus(Duration.ofMinutes(15)));

    assertEquals(account, codes.grantee(grant, T0).orElseThrow());
    assertTrue(codes.grantee(grant, T0.plus(Duration.ofMinutes(15))).isEmpty());
    assertTrue(codes.takeGrant(grant));
    assertFalse(codes.takeGrant(grant));
    codes.grant(grant + "x", account, T0.plus(Duration.ofMinutes(15)));
    assertTrue(codes.removeExpired(T0.plus(Duration.ofDays(2))) >= 2);
    assertTrue(codes.grantee(grant + "x", T0).isEmpty());
  }

  @Test
  void sessions_ofOneAccount_endTogether_exceptTheOneKept() {
    JdbcSessionStore store = new JdbcSessionStore(database());
    long account = newAccount();
    long other = newAccount();
    String prefix = "tok" + SEQUENCE.incrementAndGet() + "-";
    for (String t : List.of("a", "b", "c")) {
      store.save(new Session(prefix + t, account, null, "password", "csrf", T0, T0));
    }
    store.save(new Session(prefix + "o", other, null, "password", "csrf", T0, T0));
    store.save(new Session(prefix + "g", null, org, "gca", "csrf", T0, T0));
    assertEquals(org, store.find(prefix + "g").orElseThrow().organizationCode());
    assertEquals(null, store.find(prefix + "g").orElseThrow().accountId());

    assertEquals(2, store.removeOfAccount(account, prefix + "a"));
    assertTrue(store.find(prefix + "a").isPresent());
    assertTrue(store.find(prefix + "b").isEmpty());
    assertEquals(1, store.removeOfAccount(account, null));
    assertTrue(store.find(prefix + "o").isPresent());
    assertTrue(store.find(prefix + "g").isPresent());
  }

  /** A fake SHA-256 hex value, distinct for each call. */
  static String freshHash() {
    return String.format("%064x", SEQUENCE.incrementAndGet());
  }

  /** Runs the same call from many threads at once, 20 rounds; returns how many calls said true per round. */
  public static List<Integer> raced(java.util.function.Supplier<java.util.function.BooleanSupplier> round) throws Exception {
    int threads = 8;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Integer> winners = new ArrayList<>();
    try {
      for (int r = 0; r < 20; r++) {
        java.util.function.BooleanSupplier call = round.get();
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> calls = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
          calls.add(pool.submit(() -> {
            start.await();
            return call.getAsBoolean();
          }));
        }
        start.countDown();
        int won = 0;
        for (Future<Boolean> f : calls) {
          won += f.get(30, TimeUnit.SECONDS) ? 1 : 0;
        }
        winners.add(won);
      }
    } finally {
      pool.shutdownNow();
      assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
    }
    return winners;
  }

  @Test
  void challenges_takenOnceAndOnlyBeforeExpiry() {
    JdbcChallengeStore challenges = new JdbcChallengeStore(database());
    String live = freshHash();
    String expiring = freshHash();
    challenges.save(live, T0.plusSeconds(120));
    challenges.save(expiring, T0.plusSeconds(120));

    assertFalse(challenges.take(expiring, T0.plusSeconds(120)), "expired at its expiry");
    assertTrue(challenges.take(live, T0.plusSeconds(119)));
    assertFalse(challenges.take(live, T0.plusSeconds(119)), "used already");
    assertFalse(challenges.take(freshHash(), T0), "never issued");
    assertThrows(RuntimeException.class, () -> challenges.save(expiring, T0), "hashes are unique");
  }

  @Test
  void challenges_removeExpired_countsThoseExpiredByThatMoment() {
    JdbcChallengeStore challenges = new JdbcChallengeStore(database());
    // Long before the other tests' challenges, so that the count is this test's own.
    Instant at = Instant.parse("2001-02-03T04:05:06Z");
    String after = freshHash();
    challenges.save(freshHash(), at.minusSeconds(1));
    challenges.save(freshHash(), at);
    challenges.save(after, at.plusSeconds(1));
    assertEquals(2, challenges.removeExpired(at));
    assertTrue(challenges.take(after, at));
  }

  @Test
  void challenges_sameChallengeTakenFromManyThreadsAtOnce_oneWins() throws Exception {
    JdbcChallengeStore challenges = new JdbcChallengeStore(database());
    List<Integer> winners = raced(() -> {
      String hash = freshHash();
      challenges.save(hash, T0.plusSeconds(120));
      return () -> challenges.take(hash, T0);
    });
    assertTrue(winners.stream().allMatch(w -> w == 1), winners.toString());
  }

  @Test
  void bindingTickets_roundTrip_countFailures_andAreTakenOnce() {
    JdbcBindingTickets tickets = new JdbcBindingTickets(database());
    byte[] certificate = new byte[1500];
    new java.util.Random(7).nextBytes(certificate);
    BindingTicket ticket = new BindingTicket(freshHash(), certificate, T0.plusSeconds(300), 0);
    tickets.save(ticket);

    assertEquals(ticket, tickets.find(ticket.ticketHash(), T0).orElseThrow());
    assertTrue(tickets.find(ticket.ticketHash(), T0.plusSeconds(300)).isEmpty(), "expired");
    assertEquals(1, tickets.recordFailure(ticket.ticketHash()));
    assertEquals(2, tickets.recordFailure(ticket.ticketHash()));
    assertEquals(2, tickets.find(ticket.ticketHash(), T0).orElseThrow().failedAttempts());
    assertTrue(tickets.take(ticket.ticketHash()));
    assertFalse(tickets.take(ticket.ticketHash()));
    assertTrue(tickets.find(ticket.ticketHash(), T0).isEmpty());
    tickets.save(new BindingTicket(freshHash(), certificate, Instant.parse("2001-02-03T04:05:06Z"), 0));
    assertEquals(1, tickets.removeExpired(Instant.parse("2001-02-03T04:05:06Z")));
  }

  @Test
  void certificateBindings_oneBindingPerCertificate_andAnAccountsNewestFirst() {
    JdbcCertificateBindings bindings = new JdbcCertificateBindings(database());
    long account = newAccount();
    long other = newAccount();
    CertificateBinding first = new CertificateBinding(account, freshHash(), "5A3F01", "C=TW,O=行政院,OU=內政部憑證管理中心",
        "C=TW,CN=王小明,SERIALNUMBER=0000000112831644", T0.plus(Duration.ofDays(1826)), T0);
    CertificateBinding renewed = new CertificateBinding(account, freshHash(), "5A3F02", first.issuer(),
        first.subject(), T0.plus(Duration.ofDays(3652)), T0.plus(Duration.ofDays(1800)));

    assertTrue(bindings.bind(first));
    assertTrue(bindings.bind(renewed));
    assertFalse(bindings.bind(new CertificateBinding(other, first.fingerprint(), first.serial(), first.issuer(),
        first.subject(), first.notAfter(), T0.plusSeconds(5))), "bound already, to another account");
    assertEquals(first, bindings.byFingerprint(first.fingerprint()).orElseThrow());
    assertEquals(List.of(renewed, first), bindings.ofAccount(account));
    assertEquals(List.of(), bindings.ofAccount(other));
    assertTrue(bindings.byFingerprint(freshHash()).isEmpty());
  }

  @Test
  void certificateBindings_sameCertificateBoundFromManyThreadsAtOnce_oneWins() throws Exception {
    JdbcCertificateBindings bindings = new JdbcCertificateBindings(database());
    long account = newAccount();
    List<Integer> winners = raced(() -> {
      CertificateBinding binding = new CertificateBinding(account, freshHash(), "01", "C=TW", "C=TW,CN=王小明",
          T0.plus(Duration.ofDays(1)), T0);
      return () -> bindings.bind(binding);
    });
    assertTrue(winners.stream().allMatch(w -> w == 1), winners.toString());
  }
}
