package tw.ecpa.portal.recovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tw.ecpa.portal.account.Account;
import tw.ecpa.portal.audit.AuditKind;
import tw.ecpa.portal.auth.LoginOutcome;
import tw.ecpa.portal.auth.PasswordLogin;
import tw.ecpa.portal.jdbc.Database;
import tw.ecpa.portal.mail.MailMessage;
import tw.ecpa.portal.mail.MailTemplates;
import tw.ecpa.portal.password.PasswordRule;
import tw.ecpa.portal.people.Person;
import tw.ecpa.portal.people.PersonStatus;
import tw.ecpa.portal.session.Sessions;
import tw.ecpa.portal.testing.PortalFixture;

class PasswordRecoveryTest {

  static final Pattern CODE = Pattern.compile("[A-HJ-NP-Z2-9]{8}");
  static final String PASSWORD = "Tpe-2026!rain";
  static final String NEW_PASSWORD = "Kh-2027#harbor";
  static Database database;

  PortalFixture f;
  PasswordRecovery recovery;
  PasswordLogin login;
  Person person;
  Account account;

  @BeforeAll
  static void open() {
    database = Database.open(Database.Location.inMemory("recovery"), 4);
  }

  @AfterAll
  static void close() {
    database.close();
  }

  @BeforeEach
  void fixture() {
    f = new PortalFixture(database);
    recovery = new PasswordRecovery(f.accounts, f.people, f.codes, f.policy, PortalFixture.HASHER, f.sessions,
        f.mailer, new MailTemplates("http://127.0.0.1:7070"),
        f.audit, f.clock);
    login = new PasswordLogin(f.accounts, f.people, f.unknownLogins, PortalFixture.HASHER, f.policy, f.audit, f.clock);
    person = f.person("R01");
    account = f.activeAccount(person, PASSWORD);
  }

  /** The code in the one newest mail to the person's address. */
  String mailedCode(String address) {
    List<MailMessage> mails = f.mailer.to(address);
    assertFalse(mails.isEmpty(), "no mail to " + address);
    Matcher m = Pattern.compile("您的認證碼[：:]\\s*([A-Z0-9]{8})").matcher(mails.get(mails.size() - 1).text());
    assertTrue(m.find(), "no code in the mail");
    return m.group(1);
  }

  String verified(String code) {
    VerifyOutcome outcome = recovery.verify(account.customAccount(), code, "10.0.0.1");
    return assertInstanceOf(VerifyOutcome.Verified.class, outcome).resetToken();
  }

  @Test
  void matchingIdAndEmail_mailAnEightCharacterCode_thatResetsThePassword() {
    recovery.requestReset(person.idNumber().value(), person.email(), false, "10.0.0.1");

    String code = mailedCode(person.email());
    assertTrue(CODE.matcher(code).matches(), code);
    MailMessage mail = f.mailer.to(person.email()).get(0);
    assertEquals("行政院人事行政總處 人事服務網密碼重設認證碼通知！(非社交工程演練)", mail.subject());
    assertTrue(mail.text().contains("http://127.0.0.1:7070/password/verify.html?code=" + code), mail.text());
    String token = verified(code);
    assertInstanceOf(ResetOutcome.Done.class, recovery.reset(token, NEW_PASSWORD, NEW_PASSWORD, "10.0.0.1"));

    assertInstanceOf(LoginOutcome.LoggedIn.class, login.login(account.customAccount(), NEW_PASSWORD, "10.0.0.1"));
    assertInstanceOf(LoginOutcome.WrongCredentials.class, login.login(account.customAccount(), PASSWORD, "10.0.0.1"));
    List<MailMessage> mails = f.mailer.to(person.email());
    assertEquals(2, mails.size(), "the code, then the confirmation");
    assertTrue(f.auditKinds(person.idNumber()).containsAll(
        List.of(AuditKind.RESET_REQUESTED, AuditKind.RESET_VERIFIED, AuditKind.RESET_COMPLETED)));
  }

  @Test
  void unknownId_wrongEmail_orOffDuty_sendNothing() {
    recovery.requestReset(PortalFixture.freshId().value(), person.email(), true, "10.0.0.1");
    recovery.requestReset(person.idNumber().value(), "other@example.gov.tw", true, "10.0.0.1");
    recovery.requestReset("not an id", person.email(), true, "10.0.0.1");
    Person offDuty = f.person("R01");
    f.activeAccount(offDuty, PASSWORD);
    f.people.save(new Person(offDuty.idNumber(), offDuty.name(), offDuty.birthday(), offDuty.organizationCode(),
        offDuty.onDutyDate(), PersonStatus.OFF_DUTY, offDuty.email(), null));
    recovery.requestReset(offDuty.idNumber().value(), offDuty.email(), false, "10.0.0.1");

    assertEquals(List.of(), f.mailer.sent);
  }

  @Test
  void emailIsMatchedWithoutCase_andFullWidthTyping_andTheAccountIsSentWhenAsked() {
    String typed = "　" + person.email().toUpperCase().replace("@", "＠") + " ";
    recovery.requestReset(person.idNumber().value().toLowerCase(), typed, true, "10.0.0.1");

    List<MailMessage> mails = f.mailer.to(person.email());
    assertEquals(2, mails.size());
    assertTrue(mails.stream().anyMatch(m -> m.text().contains(account.customAccount())), "the account notice");
  }

  @Test
  void aCodeWorksOnce() {
    recovery.requestReset(person.idNumber().value(), person.email(), false, "10.0.0.1");
    String code = mailedCode(person.email());
    verified(code);

    assertInstanceOf(VerifyOutcome.Rejected.class, recovery.verify(account.customAccount(), code, "10.0.0.1"));
  }

  @Test
  void aCodeExpiresAfter24Hours() {
    recovery.requestReset(person.idNumber().value(), person.email(), false, "10.0.0.1");
    String code = mailedCode(person.email());
    f.clock.advance(Duration.ofHours(24));

    assertInstanceOf(VerifyOutcome.Rejected.class, recovery.verify(account.customAccount(), code, "10.0.0.1"));
  }

  @Test
  void aCodeStillWorksJustBefore24Hours_typedInLowerCaseByIdNumber() {
    recovery.requestReset(person.idNumber().value(), person.email(), false, "10.0.0.1");
    String code = mailedCode(person.email());
    f.clock.advance(Duration.ofHours(24).minusMinutes(1));

    assertInstanceOf(VerifyOutcome.Verified.class,
        recovery.verify(person.idNumber().value(), " " + code.toLowerCase() + " ", "10.0.0.1"));
  }

  @Test
  void aNewRequestVoidsTheOlderCode() {
    recovery.requestReset(person.idNumber().value(), person.email(), false, "10.0.0.1");
    String first = mailedCode(person.email());
    recovery.requestReset(person.idNumber().value(), person.email(), false, "10.0.0.1");
    String second = mailedCode(person.email());

    assertInstanceOf(VerifyOutcome.Rejected.class, recovery.verify(account.customAccount(), first, "10.0.0.1"));
    verified(second);
  }

  @Test
  void fiveWrongCodes_closeTheCode_evenForTheRightOne() {
    recovery.requestReset(person.idNumber().value(), person.email(), false, "10.0.0.1");
    String code = mailedCode(person.email());
    String wrong = code.startsWith("A") ? "BBBBBBBB" : "AAAAAAAA";
    for (int i = 0; i < PasswordRecovery.MAX_CODE_FAILURES; i++) {
      assertInstanceOf(VerifyOutcome.Rejected.class, recovery.verify(account.customAccount(), wrong, "10.0.0.1"));
    }

    assertInstanceOf(VerifyOutcome.Rejected.class, recovery.verify(account.customAccount(), code, "10.0.0.1"));
  }

  @Test
  void aResetTokenWorksOnce_andExpires() {
    recovery.requestReset(person.idNumber().value(), person.email(), false, "10.0.0.1");
    String token = verified(mailedCode(person.email()));
    f.clock.advance(PasswordRecovery.GRANT_LIFETIME);

    assertInstanceOf(ResetOutcome.InvalidToken.class, recovery.reset(token, NEW_PASSWORD, NEW_PASSWORD, "10.0.0.1"));
    assertInstanceOf(ResetOutcome.InvalidToken.class, recovery.reset("made-up", NEW_PASSWORD, NEW_PASSWORD, "x"));
  }

  @Test
  void aRejectedPassword_namesTheRules_andKeepsTheTokenForAnotherTry() {
    recovery.requestReset(person.idNumber().value(), person.email(), false, "10.0.0.1");
    String token = verified(mailedCode(person.email()));

    ResetOutcome weak = recovery.reset(token, "abc", "abd", "10.0.0.1");
    ResetOutcome same = recovery.reset(token, PASSWORD, PASSWORD, "10.0.0.1");
    assertEquals(List.of(PasswordRule.MIN_LENGTH, PasswordRule.DIGIT, PasswordRule.SYMBOL, PasswordRule.CONFIRMATION),
        assertInstanceOf(ResetOutcome.Rejected.class, weak).broken());
    assertEquals(List.of(PasswordRule.NOT_RECENT), assertInstanceOf(ResetOutcome.Rejected.class, same).broken());
    assertInstanceOf(ResetOutcome.Done.class, recovery.reset(token, NEW_PASSWORD, NEW_PASSWORD, "10.0.0.1"));
    assertInstanceOf(ResetOutcome.InvalidToken.class, recovery.reset(token, "Other-2027#x", "Other-2027#x", "x"));
  }

  @Test
  void aLockedAccount_isUnlockedByTheReset_andItsSessionsEnd() {
    Sessions.Started session = f.sessions.start(account.id(), "password");
    for (int i = 0; i < PasswordLogin.MAX_FAILURES; i++) {
      login.login(account.customAccount(), "wrong-" + i, "10.0.0.1");
    }
    assertInstanceOf(LoginOutcome.Locked.class, login.login(account.customAccount(), PASSWORD, "10.0.0.1"));

    recovery.requestReset(person.idNumber().value(), person.email(), false, "10.0.0.1");
    String token = verified(mailedCode(person.email()));
    assertInstanceOf(ResetOutcome.Done.class, recovery.reset(token, NEW_PASSWORD, NEW_PASSWORD, "10.0.0.1"));

    assertInstanceOf(LoginOutcome.LoggedIn.class, login.login(account.customAccount(), NEW_PASSWORD, "10.0.0.1"));
    assertTrue(f.sessions.find(session.token()).isEmpty());
    assertTrue(f.auditKinds(person.idNumber()).contains(AuditKind.ACCOUNT_UNLOCKED));
  }

  @Test
  void mailboxReverification_replacesTheEmail_andSendsTheCodeThere() {
    recovery.reverifyMailbox(person.idNumber().value(), LocalDate.of(1980, 3, 3), LocalDate.of(2020, 8, 1),
        "new.box@mail.gov.tw", "10.0.0.1");

    assertEquals("new.box@mail.gov.tw", f.people.find(person.idNumber()).orElseThrow().email());
    verified(mailedCode("new.box@mail.gov.tw"));
    assertEquals(List.of(), f.mailer.to(person.email()));
  }

  @Test
  void mailboxReverification_withAWrongDate_changesNothing() {
    recovery.reverifyMailbox(person.idNumber().value(), LocalDate.of(1980, 3, 4), LocalDate.of(2020, 8, 1),
        "new.box@mail.gov.tw", "10.0.0.1");
    recovery.reverifyMailbox(person.idNumber().value(), LocalDate.of(1980, 3, 3), LocalDate.of(2020, 8, 2),
        "new.box@mail.gov.tw", "10.0.0.1");

    assertEquals(person.email(), f.people.find(person.idNumber()).orElseThrow().email());
    assertEquals(List.of(), f.mailer.sent);
  }

  @Test
  void aMailServerFailure_isNotTheCallersProblem_andNoSecretReachesTheAuditLog() {
    f.mailer.failing = true;
    recovery.requestReset(person.idNumber().value(), person.email(), true, "10.0.0.1");

    assertTrue(f.audit.recent(10_000).stream().noneMatch(e -> String.valueOf(e.detail()).matches(".*[A-Z2-9]{8}.*")
        || String.valueOf(e.target()).equals(person.idNumber().value())));
  }

  @Test
  void resetWithCode_usesTheCodeOnlyWhenThePasswordIsAccepted() {
    recovery.requestReset(person.idNumber().value(), person.email(), false, "10.0.0.1");
    String code = mailedCode(person.email());

    assertEquals(List.of(PasswordRule.NOT_RECENT), assertInstanceOf(ResetOutcome.Rejected.class,
        recovery.resetWithCode(account.customAccount(), code, PASSWORD, PASSWORD, "10.0.0.1")).broken());
    assertInstanceOf(ResetOutcome.InvalidToken.class,
        recovery.resetWithCode(account.customAccount(), "ZZZZZZZZ", NEW_PASSWORD, NEW_PASSWORD, "10.0.0.1"));
    assertInstanceOf(ResetOutcome.Done.class,
        recovery.resetWithCode(account.customAccount(), code, NEW_PASSWORD, NEW_PASSWORD, "10.0.0.1"));
    assertInstanceOf(ResetOutcome.InvalidToken.class,
        recovery.resetWithCode(account.customAccount(), code, "Other-2027#x", "Other-2027#x", "10.0.0.1"));
    assertInstanceOf(LoginOutcome.LoggedIn.class, login.login(account.customAccount(), NEW_PASSWORD, "10.0.0.1"));
  }
}
