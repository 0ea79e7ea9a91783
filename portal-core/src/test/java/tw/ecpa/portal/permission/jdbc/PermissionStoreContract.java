package tw.ecpa.portal.permission.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tw.ecpa.portal.account.Role;
import tw.ecpa.portal.account.jdbc.JdbcAccounts;
import tw.ecpa.portal.identity.IdNumber;
import tw.ecpa.portal.jdbc.Database;
import tw.ecpa.portal.jdbc.Jdbc;
import tw.ecpa.portal.people.Organization;
import tw.ecpa.portal.people.Person;
import tw.ecpa.portal.people.PersonStatus;
import tw.ecpa.portal.people.jdbc.JdbcPeople;
import tw.ecpa.portal.permission.Delegation;
import tw.ecpa.portal.permission.Grant;
import tw.ecpa.portal.permission.ManagerRight;

/**
 * The permission store (V16) on both databases: the same tests run on H2 and on a real PostgreSQL.
 * Subclasses provide a migrated database; each test works in organizations and people of its own.
 */
abstract class PermissionStoreContract {

  private static final AtomicInteger SEQUENCE = new AtomicInteger();
  static final Instant T0 = Instant.parse("2026-11-23T05:00:00Z");

  abstract Database database();

  JdbcPermissionStore store;
  JdbcPeople people;
  JdbcAccounts accounts;
  String org;
  String other;

  @BeforeEach
  void stores() {
    store = new JdbcPermissionStore(database());
    people = new JdbcPeople(database());
    accounts = new JdbcAccounts(database());
    int n = SEQUENCE.incrementAndGet();
    org = "PERM" + n;
    other = "PERMX" + n;
    people.save(new Organization(org, "測試機關" + org, null));
    people.save(new Organization(other, "測試機關" + other, null));
  }

  /** A fresh valid identity number for each call (letter P, unlike the other contracts'). */
  static IdNumber freshId() {
    String body = "P1" + String.format("%07d", SEQUENCE.incrementAndGet());
    for (int check = 0; check <= 9; check++) {
      if (IdNumber.isValid(body + check)) {
        return IdNumber.parse(body + check).orElseThrow();
      }
    }
    throw new IllegalStateException();
  }

  long account(String organization, Role... roles) {
    IdNumber id = freshId();
    people.save(new Person(id, "林測試", LocalDate.of(1980, 3, 3), organization, LocalDate.of(2020, 8, 1),
        PersonStatus.ACTIVE, null, null));
    Set<Role> all = new java.util.HashSet<>(List.of(roles));
    all.add(Role.EMPLOYEE);
    return accounts.create(id, all).id();
  }

  Delegation delegation(long from, long to, String system, LocalDate start, LocalDate end) {
    return new Delegation(0, org, from, to, system, start, end, T0, "hrchang", null, null);
  }

  @Test
  void grants_addOnce_listByOrganizationAndAccount_andRemove() {
    long a = account(org);
    long b = account(org);
    Grant webhr = new Grant(a, org, "webhr", T0, "hrchang");

    assertTrue(store.addGrant(webhr));
    assertFalse(store.addGrant(new Grant(a, org, "webhr", T0.plusSeconds(5), "other")), "once only");
    assertTrue(store.addGrant(new Grant(b, org, "attendance", T0, "hrchang")));
    assertTrue(store.addGrant(new Grant(a, other, "webhr", T0, "hrchang")));

    assertEquals(List.of(new Grant(b, org, "attendance", T0, "hrchang"), webhr), store.grantsIn(org));
    assertEquals(List.of(webhr, new Grant(a, other, "webhr", T0, "hrchang")),
        store.grantsTo(a).stream().sorted(java.util.Comparator.comparing(g -> g.organizationCode().length())).toList());
    assertTrue(store.removeGrant(a, org, "webhr"));
    assertFalse(store.removeGrant(a, org, "webhr"));
    assertEquals(List.of(new Grant(a, other, "webhr", T0, "hrchang")), store.grantsTo(a));
  }

  @Test
  void managers_addOnce_listBothWays_andRemove() {
    long a = account(org);
    ManagerRight right = new ManagerRight(a, org, T0, "hrchang");

    assertTrue(store.addManager(right));
    assertFalse(store.addManager(right));
    assertEquals(List.of(right), store.managersOf(org));
    assertEquals(List.of(right), store.managedBy(a));
    assertTrue(store.removeManager(a, org));
    assertFalse(store.removeManager(a, org));
    assertEquals(List.of(), store.managedBy(a));
  }

  @Test
  void delegation_roundTripsEveryField_andRevokesOnce() {
    long from = account(org, Role.HR_OFFICER);
    long to = account(other);
    Delegation stored = store.addDelegation(delegation(from, to, "hr.password-reset",
        LocalDate.of(2026, 11, 25), LocalDate.of(2026, 12, 31)));

    assertTrue(stored.id() > 0);
    assertEquals(delegation(from, to, "hr.password-reset", LocalDate.of(2026, 11, 25), LocalDate.of(2026, 12, 31))
        .withId(stored.id()), stored);
    assertEquals(List.of(stored), store.delegationsFrom(org));
    assertEquals(List.of(stored), store.delegationsTo(to));
    assertNull(stored.revokedAt());

    Instant at = T0.plusSeconds(3600);
    assertTrue(store.revokeDelegation(stored.id(), at, "hrchang"));
    assertFalse(store.revokeDelegation(stored.id(), at.plusSeconds(1), "someone"), "one revocation wins");
    Delegation revoked = store.delegation(stored.id()).orElseThrow();
    assertEquals(at, revoked.revokedAt());
    assertEquals("hrchang", revoked.revokedBy());
    assertFalse(store.revokeDelegation(987_654_321L, at, "x"));
    assertTrue(store.delegation(987_654_321L).isEmpty());
  }

  @Test
  void delegations_newestFirst() {
    long from = account(org, Role.HR_OFFICER);
    long to = account(other);
    Delegation first = store.addDelegation(delegation(from, to, "webhr", LocalDate.of(2026, 12, 1),
        LocalDate.of(2026, 12, 1)));
    Delegation second = store.addDelegation(new Delegation(0, org, from, to, "attendance", LocalDate.of(2026, 12, 1),
        LocalDate.of(2026, 12, 2), T0.plusSeconds(60), "hrchang", null, null));

    assertEquals(List.of(second.id(), first.id()), store.delegationsFrom(org).stream().map(Delegation::id).toList());
    assertEquals(List.of(), store.delegationsFrom(other));
  }

  @Test
  void theDatabase_refusesAnInvertedPeriod_andSelfDelegation() {
    long from = account(org, Role.HR_OFFICER);
    Delegation self = delegation(from, from, "webhr", LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 1));

    assertThrows(Jdbc.StoreException.class, () -> store.addDelegation(self));
    assertThrows(Jdbc.StoreException.class, () -> new Jdbc(database().dataSource()).update(
        "INSERT INTO delegation (organization_code, delegator_account_id, delegate_account_id, system_id,"
            + " start_date, end_date, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        org, from, account(other), "webhr", LocalDate.of(2026, 12, 2), LocalDate.of(2026, 12, 1), T0, "x"));
  }

  @Test
  void hrAccountsOf_namesTheHrOfficersAndHeadsServingThere() {
    long officer = account(org, Role.HR_OFFICER);
    long head = account(org, Role.HR_HEAD, Role.HR_OFFICER);
    account(org);
    account(other, Role.HR_OFFICER);

    assertEquals(List.of(officer, head), store.hrAccountsOf(org));
  }
}
