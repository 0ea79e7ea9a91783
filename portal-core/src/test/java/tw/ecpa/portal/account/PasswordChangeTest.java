package tw.ecpa.portal.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tw.ecpa.portal.audit.AuditKind;
import tw.ecpa.portal.auth.LoginOutcome;
import tw.ecpa.portal.auth.PasswordLogin;
import tw.ecpa.portal.jdbc.Database;
import tw.ecpa.portal.password.PasswordRule;
import tw.ecpa.portal.people.Person;
import tw.ecpa.portal.testing.PortalFixture;

class PasswordChangeTest {

  static final String PASSWORD = "Tpe-2026!rain";
  static final String NEW_PASSWORD = "Kh-2027#harbor";
  static Database database;

  PortalFixture f;
  PasswordChange change;
  ProfileSetup profile;
  PasswordLogin login;
  Person person;

  @BeforeAll
  static void open() {
    database = Database.open(Database.Location.inMemory("change"), 4);
  }

  @AfterAll
  static void close() {
    database.close();
  }

  @BeforeEach
  void fixture() {
    f = new PortalFixture(database);
    change = new PasswordChange(f.accounts, f.people, PortalFixture.HASHER, f.policy, f.audit, f.clock);
    profile = new ProfileSetup(f.accounts, f.people, f.policy, f.audit, f.clock);
    login = new PasswordLogin(f.accounts, f.people, f.unknownLogins, PortalFixture.HASHER, f.policy, f.audit, f.clock);
    person = f.person("C01");
  }

  /** An account as HR leaves it: an initial password set for the person, no custom account yet. */
  Account initial(String password) {
    long key = f.accounts.create(person.idNumber(), Set.of(Role.EMPLOYEE)).id();
    f.accounts.setPassword(key, PortalFixture.HASHER.hash(password), f.clock.instant(), false, true);
    return f.accounts.byId(key).orElseThrow();
  }

  @Test
  void aChange_needsTheCurrentPassword_andFollowsThePolicy() {
    Account account = f.activeAccount(person, PASSWORD);

    assertInstanceOf(ChangeOutcome.WrongCurrentPassword.class,
        change.change(account.id(), "wrong", NEW_PASSWORD, NEW_PASSWORD, null, "x"));
    assertEquals(List.of(PasswordRule.NOT_RECENT), assertInstanceOf(ChangeOutcome.Rejected.class,
        change.change(account.id(), PASSWORD, PASSWORD, PASSWORD, null, "x")).broken());
    assertInstanceOf(ChangeOutcome.Changed.class,
        change.change(account.id(), PASSWORD, NEW_PASSWORD, NEW_PASSWORD, null, "x"));
    assertInstanceOf(LoginOutcome.LoggedIn.class, login.login(account.customAccount(), NEW_PASSWORD, "x"));
  }

  @Test
  void twoHoursMustPass_betweenChanges() {
    Account account = f.activeAccount(person, PASSWORD);
    change.change(account.id(), PASSWORD, NEW_PASSWORD, NEW_PASSWORD, null, "x");
    f.clock.advance(Duration.ofMinutes(119));

    assertEquals(List.of(PasswordRule.CHANGE_INTERVAL), assertInstanceOf(ChangeOutcome.Rejected.class,
        change.change(account.id(), NEW_PASSWORD, "Tc-2028$forest", "Tc-2028$forest", null, "x")).broken());
    f.clock.advance(Duration.ofMinutes(1));
    assertInstanceOf(ChangeOutcome.Changed.class,
        change.change(account.id(), NEW_PASSWORD, "Tc-2028$forest", "Tc-2028$forest", null, "x"));
  }

  @Test
  void theFirstLoginChange_confirmsTheBirthday() {
    Account account = initial("K5L6H5W8");

    assertInstanceOf(ChangeOutcome.WrongBirthday.class,
        change.change(account.id(), "K5L6H5W8", NEW_PASSWORD, NEW_PASSWORD, null, "x"));
    assertInstanceOf(ChangeOutcome.WrongBirthday.class,
        change.change(account.id(), "K5L6H5W8", NEW_PASSWORD, NEW_PASSWORD, "0690304", "x"));
    assertInstanceOf(ChangeOutcome.Changed.class,
        change.change(account.id(), "K5L6H5W8", NEW_PASSWORD, NEW_PASSWORD, "0690303", "x"));
    Account after = f.accounts.byId(account.id()).orElseThrow();
    assertFalse(after.mustChangePassword());
    assertTrue(after.passwordSetByUser());
  }

  @Test
  void wrongSecretsWhileChanging_lockTheAccountLikeWrongLogins() {
    Account account = initial("K5L6H5W8");
    for (int i = 0; i < 4; i++) {
      change.change(account.id(), "K5L6H5W8", NEW_PASSWORD, NEW_PASSWORD, "0000101", "x");
    }

    assertInstanceOf(ChangeOutcome.Locked.class,
        change.change(account.id(), "nope", NEW_PASSWORD, NEW_PASSWORD, "0690303", "x"));
    assertInstanceOf(ChangeOutcome.Locked.class,
        change.change(account.id(), "K5L6H5W8", NEW_PASSWORD, NEW_PASSWORD, "0690303", "x"));
    assertInstanceOf(LoginOutcome.Locked.class, login.login(person.idNumber().value(), "K5L6H5W8", "x"));
  }

  @Test
  void activation_needsTheChangeAndTheProfile_inEitherOrder() {
    Account account = initial("K5L6H5W8");
    assertEquals(Set.of(AccountGate.Pending.PASSWORD_CHANGE, AccountGate.Pending.PROFILE),
        AccountGate.pending(account, f.policy, f.clock.instant()));

    ProfileOutcome saved = profile.save(account.id(), "Lin2026", "lin@mail.gov.tw", "02-23979108#123", "x");
    assertEquals(new ProfileOutcome.Saved(false), saved);
    assertEquals(Set.of(AccountGate.Pending.PASSWORD_CHANGE),
        AccountGate.pending(f.accounts.byId(account.id()).orElseThrow(), f.policy, f.clock.instant()));
    change.change(account.id(), "K5L6H5W8", NEW_PASSWORD, NEW_PASSWORD, "0690303", "x");

    Account done = f.accounts.byId(account.id()).orElseThrow();
    assertEquals(Set.of(), AccountGate.pending(done, f.policy, f.clock.instant()));
    assertTrue(f.auditKinds(person.idNumber()).contains(AuditKind.ACTIVATED));
    assertInstanceOf(LoginOutcome.LoggedIn.class, login.login("lin2026", NEW_PASSWORD, "x"));
  }

  @Test
  void aPasswordOlderThan180Days_mustBeChanged() {
    Account account = f.activeAccount(person, PASSWORD);
    f.clock.advance(Duration.ofDays(170));

    assertEquals(Set.of(AccountGate.Pending.PASSWORD_CHANGE),
        AccountGate.pending(f.accounts.byId(account.id()).orElseThrow(), f.policy, f.clock.instant()));
    assertTrue(assertInstanceOf(LoginOutcome.LoggedIn.class,
        login.login(account.customAccount(), PASSWORD, "x")).mustChangePassword());
  }

  @Test
  void theProfile_isCheckedWhole_andARejectedFormChangesNothing() {
    Account account = initial("K5L6H5W8");
    Person other = f.person("C01");
    f.activeAccount(other, PASSWORD);
    String taken = "u" + other.idNumber().value().toLowerCase();

    ProfileOutcome bad = profile.save(account.id(), "A123456789", "not-mail", "abc", "x");
    Map<String, List<String>> problems = assertInstanceOf(ProfileOutcome.Rejected.class, bad).problems();
    assertEquals(Set.of("customAccount", "email", "phone"), problems.keySet());
    assertTrue(problems.get("customAccount").contains(CustomAccountRule.NOT_ID_FORMAT.message()));
    ProfileOutcome takenName = profile.save(account.id(), taken.toUpperCase(), "lin@mail.gov.tw", "0912345678", "x");
    assertEquals(Set.of("customAccount"),
        assertInstanceOf(ProfileOutcome.Rejected.class, takenName).problems().keySet());
    ProfileOutcome badPhone = profile.save(account.id(), "Lin2026", "lin@mail.gov.tw", "電話", "x");
    assertInstanceOf(ProfileOutcome.Rejected.class, badPhone);

    assertEquals(null, f.accounts.byId(account.id()).orElseThrow().customAccount());
    assertEquals(person.email(), f.people.find(person.idNumber()).orElseThrow().email());
  }
}
