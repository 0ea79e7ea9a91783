package tw.ecpa.portal.permission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tw.ecpa.portal.account.Account;
import tw.ecpa.portal.account.Role;
import tw.ecpa.portal.audit.AuditEvent;
import tw.ecpa.portal.audit.AuditKind;
import tw.ecpa.portal.hr.HrPasswordReset;
import tw.ecpa.portal.hr.HrResetOutcome;
import tw.ecpa.portal.jdbc.Database;
import tw.ecpa.portal.mail.MailTemplates;
import tw.ecpa.portal.people.Person;
import tw.ecpa.portal.permission.jdbc.JdbcPermissionStore;
import tw.ecpa.portal.testing.PortalFixture;

class PermissionsTest {

  static final String PASSWORD = "Tpe-2026!rain";
  static final String WEBHR = "webhr";
  static final String RESET = SystemCatalogue.PASSWORD_RESET;
  static final java.util.concurrent.atomic.AtomicInteger SEQUENCE = new java.util.concurrent.atomic.AtomicInteger();
  static Database database;

  PortalFixture f;
  Permissions permissions;
  String orgA;
  String orgB;
  Account officerA;
  Account officerB;
  Account employeeA;
  Account employeeB;

  @BeforeAll
  static void open() {
    database = Database.open(Database.Location.inMemory("permissions"), 4);
  }

  @AfterAll
  static void close() {
    database.close();
  }

  @BeforeEach
  void fixture() {
    f = new PortalFixture(database);
    permissions = new Permissions(new JdbcPermissionStore(database), SystemCatalogue.builtIn(), f.accounts, f.people,
        f.audit, f.clock);
    // Each test gets organizations of its own, so that role defaults of other tests do not show.
    int n = SEQUENCE.incrementAndGet();
    orgA = "PA" + n;
    orgB = "PB" + n;
    officerA = f.activeAccount(f.person(orgA), PASSWORD, Role.HR_OFFICER);
    officerB = f.activeAccount(f.person(orgB), PASSWORD, Role.HR_HEAD);
    employeeA = f.activeAccount(f.person(orgA), PASSWORD);
    employeeB = f.activeAccount(f.person(orgB), PASSWORD);
  }

  /** Taiwan midnight starting a day, as an instant. */
  static Instant taipeiMidnight(LocalDate day) {
    return day.atStartOfDay(Delegation.TAIPEI).toInstant();
  }

  String login(Account account) {
    return account.customAccount();
  }

  @SuppressWarnings("unchecked")
  static <T> T done(PermissionOutcome<T> outcome) {
    return ((PermissionOutcome.Done<T>) assertInstanceOf(PermissionOutcome.Done.class, outcome,
        String.valueOf(outcome))).value();
  }

  static Refusal refusal(PermissionOutcome<?> outcome) {
    return assertInstanceOf(PermissionOutcome.Refused.class, outcome, String.valueOf(outcome)).refusal();
  }

  List<AuditEvent> events(AuditKind kind) {
    return f.audit.recent(10_000).stream().filter(e -> e.kind() == kind).toList();
  }

  // ---- grants ---------------------------------------------------------------------------------------

  @Test
  void grant_byAnHrOfficer_givesTheSystem_andIsAudited() {
    Instant now = f.clock.instant();
    assertFalse(permissions.holds(employeeA, orgA, WEBHR, now));

    Holder holder = done(permissions.grant(officerA, orgA, login(employeeA), WEBHR, "10.0.0.1"));

    assertEquals(employeeA.id(), holder.member().accountId());
    assertTrue(permissions.holds(employeeA, orgA, WEBHR, now));
    assertEquals(List.of(employeeA.id()), done(permissions.grants(officerA, orgA)).stream()
        .map(h -> h.member().accountId()).toList());
    AuditEvent event = events(AuditKind.PERMISSION_GRANTED).get(0);
    assertEquals(officerA.customAccount(), event.actor());
    assertEquals(employeeA.idNumber().masked(), event.target());
    assertEquals("on behalf of " + orgA + ": system webhr; before: none; after: granted", event.detail());
    assertEquals("10.0.0.1", event.clientAddress());
  }

  @Test
  void grant_byIdNumber_works_andTwiceIsAlreadyHeld() {
    done(permissions.grant(officerA, orgA, employeeA.idNumber().value(), WEBHR, "x"));

    assertEquals(Refusal.ALREADY_HELD, refusal(permissions.grant(officerA, orgA, login(employeeA), WEBHR, "x")));
  }

  @Test
  void grant_refusals_changeNothing() {
    assertEquals(Refusal.NOT_MANAGER, refusal(permissions.grant(employeeA, orgA, login(employeeA), WEBHR, "x")));
    assertEquals(Refusal.NOT_MANAGER, refusal(permissions.grant(officerB, orgA, login(employeeA), WEBHR, "x")),
        "an HR head manages only the organization they serve in");
    assertEquals(Refusal.OUTSIDE_ORGANIZATION,
        refusal(permissions.grant(officerA, orgA, login(employeeB), WEBHR, "x")));
    assertEquals(Refusal.UNKNOWN_SYSTEM, refusal(permissions.grant(officerA, orgA, login(employeeA), "nope", "x")));
    assertEquals(Refusal.UNKNOWN_ORGANIZATION,
        refusal(permissions.grant(officerA, "NO-SUCH", login(employeeA), WEBHR, "x")));
    assertEquals(Refusal.PERSON_NOT_FOUND, refusal(permissions.grant(officerA, orgA, "nobody-here", WEBHR, "x")));
    assertEquals(List.of(), done(permissions.grants(officerA, orgA)));
    assertTrue(events(AuditKind.PERMISSION_GRANTED).stream().noneMatch(e -> e.detail().contains(orgA)));
  }

  @Test
  void revoke_takesEffectAtOnce_andIsAudited() {
    done(permissions.grant(officerA, orgA, login(employeeA), WEBHR, "x"));

    done(permissions.revoke(officerA, orgA, employeeA.id(), WEBHR, "10.0.0.2"));

    assertFalse(permissions.holds(employeeA, orgA, WEBHR, f.clock.instant()));
    assertEquals(Refusal.NOT_FOUND, refusal(permissions.revoke(officerA, orgA, employeeA.id(), WEBHR, "x")));
    AuditEvent event = events(AuditKind.PERMISSION_REVOKED).get(0);
    assertEquals("on behalf of " + orgA + ": system webhr; before: granted; after: none", event.detail());
  }

  @Test
  void revoke_byNonManager_isRefused_andTheGrantStays() {
    done(permissions.grant(officerA, orgA, login(employeeA), WEBHR, "x"));

    assertEquals(Refusal.NOT_MANAGER, refusal(permissions.revoke(officerB, orgA, employeeA.id(), WEBHR, "x")));
    assertTrue(permissions.holds(employeeA, orgA, WEBHR, f.clock.instant()));
  }

  // ---- manager rights ---------------------------------------------------------------------------------

  @Test
  void managerRight_granted_letsAnEmployeeManage_untilRevoked() {
    assertFalse(permissions.manages(employeeA, orgA));
    assertTrue(permissions.manages(officerA, orgA), "the HR role manages by default");

    done(permissions.grantManager(officerA, orgA, login(employeeA), "x"));

    assertTrue(permissions.manages(employeeA, orgA));
    assertEquals(Set.of(orgA), permissions.managedOrganizations(employeeA));
    done(permissions.grant(employeeA, orgA, login(employeeA), WEBHR, "x"));
    List<Holder> managers = done(permissions.managers(officerA, orgA));
    assertEquals(List.of(Right.Source.ROLE, Right.Source.GRANT), managers.stream().map(h -> h.right().source()).toList());

    done(permissions.revokeManager(officerA, orgA, employeeA.id(), "x"));

    assertFalse(permissions.manages(employeeA, orgA));
    assertEquals(Refusal.NOT_MANAGER, refusal(permissions.grant(employeeA, orgA, login(employeeA), "attendance", "x")));
    assertEquals(1, events(AuditKind.MANAGER_GRANTED).stream().filter(e -> e.detail().contains(orgA)).count());
    assertEquals(1, events(AuditKind.MANAGER_REVOKED).stream().filter(e -> e.detail().contains(orgA)).count());
  }

  @Test
  void managerRight_onlyForPeopleOfTheOrganization_andNotTwice() {
    assertEquals(Refusal.OUTSIDE_ORGANIZATION, refusal(permissions.grantManager(officerA, orgA, login(employeeB), "x")));
    assertEquals(Refusal.ALREADY_HELD, refusal(permissions.grantManager(officerA, orgA, login(officerA), "x")),
        "the HR role holds it already");
    assertEquals(Refusal.NOT_MANAGER, refusal(permissions.grantManager(employeeA, orgA, login(employeeA), "x")));
    assertEquals(Refusal.NOT_FOUND, refusal(permissions.revokeManager(officerA, orgA, officerA.id(), "x")),
        "the role's right is not a grant to revoke");
  }

  // ---- delegation periods -----------------------------------------------------------------------------

  @Test
  void delegation_hasEffectFromTheStartDay_toTheEndDay_inclusive_inTaiwanTime() {
    LocalDate start = LocalDate.of(2026, 11, 25);
    LocalDate end = LocalDate.of(2026, 11, 27);
    DelegationEntry entry = done(permissions.delegate(officerA, orgA, login(employeeB), RESET, start, end, "x"));
    assertEquals(Delegation.Status.SCHEDULED, entry.status());

    Instant startsAt = taipeiMidnight(start);
    Instant endsAt = taipeiMidnight(end.plusDays(1));
    assertFalse(permissions.holds(employeeB, orgA, RESET, startsAt.minusSeconds(1)), "the day before the start");
    assertTrue(permissions.holds(employeeB, orgA, RESET, startsAt), "the start day, from midnight in Taipei");
    assertTrue(permissions.holds(employeeB, orgA, RESET, taipeiMidnight(end.minusDays(1))), "in the period");
    assertTrue(permissions.holds(employeeB, orgA, RESET, endsAt.minusSeconds(1)), "the end day's last second");
    assertFalse(permissions.holds(employeeB, orgA, RESET, endsAt), "the day after the end");
    // 2026-11-24T16:00Z is still 11-24 in UTC: the period counts Taipei days, not UTC ones.
    assertEquals(Instant.parse("2026-11-24T16:00:00Z"), startsAt);
    assertEquals(Set.of(orgA), permissions.organizations(employeeB, startsAt));
    assertEquals(Set.of(orgB), permissions.organizations(officerB, startsAt), "the delegate's own HR role is not changed");
  }

  @Test
  void delegation_singleDay_andTodayIsAccepted_butAPastPeriodIsRefused() {
    LocalDate today = LocalDate.ofInstant(f.clock.instant(), Delegation.TAIPEI);
    done(permissions.delegate(officerA, orgA, login(employeeB), RESET, today, today, "x"));
    assertTrue(permissions.holds(employeeB, orgA, RESET, f.clock.instant()));

    assertEquals(Refusal.PERIOD_PAST, refusal(permissions.delegate(officerA, orgA, login(employeeB), RESET,
        today.minusDays(3), today.minusDays(1), "x")));
    assertEquals(Refusal.BAD_PERIOD, refusal(permissions.delegate(officerA, orgA, login(employeeB), RESET,
        today.plusDays(2), today.plusDays(1), "x")));
    assertEquals(Refusal.BAD_PERIOD, refusal(permissions.delegate(officerA, orgA, login(employeeB), RESET,
        null, today, "x")));
  }

  @Test
  void revokedMidPeriod_hasNoEffectFromThatMoment_andIsAudited() {
    LocalDate today = LocalDate.ofInstant(f.clock.instant(), Delegation.TAIPEI);
    DelegationEntry entry = done(permissions.delegate(officerA, orgA, login(employeeB), RESET, today.minusDays(0),
        today.plusDays(5), "x"));
    Instant before = f.clock.instant();
    assertTrue(permissions.holds(employeeB, orgA, RESET, before));
    f.clock.advance(Duration.ofHours(1));

    DelegationEntry revoked = done(permissions.revokeDelegation(officerA, entry.delegation().id(), "10.0.0.3"));

    assertEquals(Delegation.Status.REVOKED, revoked.status());
    assertFalse(permissions.holds(employeeB, orgA, RESET, f.clock.instant()));
    assertFalse(permissions.holds(employeeB, orgA, RESET, taipeiMidnight(today.plusDays(3))), "nor later in the period");
    assertTrue(permissions.holds(employeeB, orgA, RESET, before), "the past is not rewritten");
    assertEquals(Refusal.ALREADY_REVOKED, refusal(permissions.revokeDelegation(officerA, entry.delegation().id(), "x")));
    AuditEvent event = events(AuditKind.DELEGATION_REVOKED).get(0);
    assertEquals(officerA.customAccount(), event.actor());
    assertEquals(employeeB.idNumber().masked(), event.target());
    assertTrue(event.detail().startsWith("on behalf of " + orgA + ": delegation #" + entry.delegation().id()),
        event.detail());
    assertTrue(event.detail().endsWith("before: active; after: revoked"), event.detail());
  }

  @Test
  void revokeDelegation_byAnotherOrganizationsManager_isRefused() {
    LocalDate today = LocalDate.ofInstant(f.clock.instant(), Delegation.TAIPEI);
    DelegationEntry entry = done(permissions.delegate(officerA, orgA, login(employeeB), RESET, today, today, "x"));

    assertEquals(Refusal.NOT_MANAGER, refusal(permissions.revokeDelegation(officerB, entry.delegation().id(), "x")));
    assertEquals(Refusal.NOT_MANAGER, refusal(permissions.revokeDelegation(employeeB, entry.delegation().id(), "x")),
        "the delegate cannot end it either");
    assertEquals(Refusal.NOT_FOUND, refusal(permissions.revokeDelegation(officerA, 987_654_321L, "x")));
    assertTrue(permissions.holds(employeeB, orgA, RESET, f.clock.instant()));
  }

  // ---- no delegation beyond one's rights ----------------------------------------------------------------

  @Test
  void delegate_whatOneDoesNotHold_isRefused() {
    LocalDate today = LocalDate.ofInstant(f.clock.instant(), Delegation.TAIPEI);

    assertEquals(Refusal.NOT_HELD, refusal(permissions.delegate(officerA, orgA, login(employeeB), WEBHR, today, today,
        "x")), "the HR officer manages but was never granted WebHR");
    assertEquals(Refusal.NOT_MANAGER, refusal(permissions.delegate(officerB, orgA, login(employeeB), RESET, today,
        today, "x")), "an officer of another organization holds nothing of this one");
    done(permissions.grant(officerA, orgA, login(officerA), WEBHR, "x"));
    done(permissions.delegate(officerA, orgA, login(employeeB), WEBHR, today, today, "x"));
    assertTrue(permissions.holds(employeeB, orgA, WEBHR, f.clock.instant()));
    assertEquals(Refusal.SELF, refusal(permissions.delegate(officerA, orgA, login(officerA), RESET, today, today, "x")));
  }

  @Test
  void aDelegate_cannotDelegateFurther_evenWhenManaging() {
    LocalDate today = LocalDate.ofInstant(f.clock.instant(), Delegation.TAIPEI);
    done(permissions.delegate(officerA, orgA, login(employeeB), RESET, today, today.plusDays(3), "x"));
    done(permissions.grantManager(officerA, orgA, login(employeeA), "x"));
    done(permissions.delegate(officerA, orgA, login(employeeA), RESET, today, today.plusDays(3), "x"));

    assertEquals(Refusal.DELEGATED_ONLY, refusal(permissions.delegate(employeeB, orgA, login(officerB), RESET, today,
        today, "x")));
    assertEquals(Refusal.DELEGATED_ONLY, refusal(permissions.delegate(employeeA, orgA, login(officerB), RESET, today,
        today, "x")), "a manager of the organization who holds the right only by delegation");
    assertFalse(permissions.holds(officerB, orgA, RESET, f.clock.instant()));
  }

  @Test
  void aDelegation_neverGivesMoreThanTheDelegatorStillHolds() {
    LocalDate today = LocalDate.ofInstant(f.clock.instant(), Delegation.TAIPEI);
    done(permissions.grant(officerA, orgA, login(officerA), WEBHR, "x"));
    done(permissions.delegate(officerA, orgA, login(employeeB), WEBHR, today, today.plusDays(3), "x"));
    assertTrue(permissions.holds(employeeB, orgA, WEBHR, f.clock.instant()));

    done(permissions.revoke(officerA, orgA, officerA.id(), WEBHR, "x"));

    assertFalse(permissions.holds(employeeB, orgA, WEBHR, f.clock.instant()),
        "once the delegator loses the right, the delegation has no effect");
  }

  // ---- the five searches --------------------------------------------------------------------------------

  @Test
  void findPerson_byIdNumberOrCustomAccount_onlyInManagedOrganizations() {
    Member byId = done(permissions.findPerson(officerA, employeeA.idNumber().value()));
    assertEquals(employeeA.customAccount(), byId.customAccount());
    assertEquals(employeeA.idNumber().masked(), byId.maskedId());
    assertEquals(orgA, byId.organizationCode());
    assertEquals(byId, done(permissions.findPerson(officerA, employeeA.customAccount().toUpperCase())));

    assertEquals(Refusal.PERSON_NOT_FOUND, refusal(permissions.findPerson(officerA, login(employeeB))));
    assertEquals(Refusal.NOT_MANAGER, refusal(permissions.findPerson(employeeA, login(employeeA))));
  }

  @Test
  void availableSystems_listsRoleAndGrants() {
    done(permissions.grant(officerA, orgA, login(officerA), WEBHR, "x"));

    PersonRights rights = done(permissions.availableSystems(officerA, login(officerA)));

    assertEquals(List.of(RESET + "/ROLE", WEBHR + "/GRANT"), rights.rights().stream()
        .map(r -> r.systemId() + "/" + r.source()).toList());
    assertEquals(List.of(), done(permissions.availableSystems(officerA, login(employeeA))).rights());
    assertEquals(Refusal.PERSON_NOT_FOUND, refusal(permissions.availableSystems(officerA, login(employeeB))));
  }

  @Test
  void availableDelegatedSystems_listsActiveDelegations_toTheLendingOrganizationsManager() {
    LocalDate today = LocalDate.ofInstant(f.clock.instant(), Delegation.TAIPEI);
    done(permissions.delegate(officerA, orgA, login(employeeB), RESET, today, today.plusDays(1), "x"));
    done(permissions.delegate(officerA, orgA, login(employeeB), RESET, today.plusDays(5), today.plusDays(6), "x"));

    PersonRights seenByLender = done(permissions.availableDelegatedSystems(officerA, login(employeeB)));
    assertEquals(1, seenByLender.rights().size(), "only the delegation in effect now");
    assertEquals(orgA, seenByLender.rights().get(0).organizationCode());
    assertEquals(Right.Source.DELEGATION, seenByLender.rights().get(0).source());
    assertEquals(1, done(permissions.availableDelegatedSystems(officerB, login(employeeB))).rights().size(),
        "the delegate's own organization sees it too");
    assertEquals(Refusal.PERSON_NOT_FOUND, refusal(permissions.availableDelegatedSystems(officerA, login(officerB))),
        "nothing of A's lent to this person of B");
  }

  @Test
  void systemHolders_andDelegatedSystemHolders_forAnOrganizationsManager() {
    LocalDate today = LocalDate.ofInstant(f.clock.instant(), Delegation.TAIPEI);
    done(permissions.grant(officerA, orgA, login(employeeA), RESET, "x"));
    DelegationEntry lent = done(permissions.delegate(officerA, orgA, login(employeeB), RESET, today, today, "x"));
    done(permissions.delegate(officerA, orgA, login(officerB), RESET, today.plusDays(1), today.plusDays(2), "x"));

    assertEquals(List.of(officerA.id() + "/ROLE", employeeA.id() + "/GRANT"),
        done(permissions.systemHolders(officerA, orgA, RESET)).stream()
            .map(h -> h.member().accountId() + "/" + h.right().source()).toList());
    List<Holder> delegated = done(permissions.delegatedSystemHolders(officerA, orgA, RESET));
    assertEquals(List.of(employeeB.id()), delegated.stream().map(h -> h.member().accountId()).toList(),
        "only the delegation in effect now");
    assertEquals(lent.delegation().id(), delegated.get(0).right().delegation().id());
    assertEquals(Refusal.NOT_MANAGER, refusal(permissions.delegatedSystemHolders(officerB, orgA, RESET)));
    assertEquals(Refusal.UNKNOWN_SYSTEM, refusal(permissions.systemHolders(officerA, orgA, "nope")));
  }

  // ---- the HR password reset uses these rights ----------------------------------------------------------

  @Test
  void hrPasswordReset_acrossOrganizations_worksOnlyDuringTheDelegation() {
    HrPasswordReset reset = new HrPasswordReset(f.accounts, f.people, PortalFixture.HASHER, f.sessions, f.mailer,
        new MailTemplates("http://127.0.0.1:7070"), f.audit, f.clock, permissions);
    Person target = f.people.find(employeeA.idNumber()).orElseThrow();
    LocalDate today = LocalDate.ofInstant(f.clock.instant(), Delegation.TAIPEI);

    assertInstanceOf(HrResetOutcome.NotPermitted.class, reset.reset(employeeB, target.idNumber().value(),
        target.email(), "x"));
    assertInstanceOf(HrResetOutcome.OutsideOrganization.class, reset.reset(officerB, target.idNumber().value(),
        target.email(), "x"));
    done(permissions.delegate(officerA, orgA, login(employeeB), RESET, today.plusDays(1), today.plusDays(1), "x"));
    assertInstanceOf(HrResetOutcome.NotPermitted.class, reset.reset(employeeB, target.idNumber().value(),
        target.email(), "x"), "not before the start day");

    f.clock.advance(Duration.ofDays(1));
    assertInstanceOf(HrResetOutcome.Sent.class, reset.reset(employeeB, target.idNumber().value(), target.email(), "x"));
    assertInstanceOf(HrResetOutcome.Sent.class, reset.reset(officerA, target.idNumber().value(), target.email(), "x"),
        "the HR officer keeps the right");

    f.clock.advance(Duration.ofDays(1));
    assertInstanceOf(HrResetOutcome.NotPermitted.class, reset.reset(employeeB, target.idNumber().value(),
        target.email(), "x"), "not after the end day");
  }
}
