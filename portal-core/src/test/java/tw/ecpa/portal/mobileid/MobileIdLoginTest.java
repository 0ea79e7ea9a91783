package tw.ecpa.portal.mobileid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static tw.ecpa.portal.mobileid.MobileIdFixture.IP;
import static tw.ecpa.portal.mobileid.MobileIdFixture.POLL;
import static tw.ecpa.portal.mobileid.MobileIdFixture.PORTAL;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tw.ecpa.portal.account.Account;
import tw.ecpa.portal.account.AccountGate;
import tw.ecpa.portal.audit.AuditEvent;
import tw.ecpa.portal.audit.AuditKind;
import tw.ecpa.portal.mobileid.MobileIdLoginOutcome.Reason;

/**
 * The mobile-ID login's way through a transaction against the simulator: started, waiting, approved
 * on the phone and logged in, denied, expired, polled too soon, the service unreachable, and what the
 * audit keeps.
 */
class MobileIdLoginTest {


  MobileIdFixture f;

  @BeforeEach
  void fixture() {
    f = MobileIdFixture.fresh();
  }

  @Test
  void start_waiting_approvedOnThePhone_loggedIn_andAudited() {
    Account account = f.portal.activeAccount(f.person, "Tpe-2026!rain");
    MobileIdLoginOutcome.Started started = f.start(f.person);
    assertEquals(f.portal.clock.instant().plus(Duration.ofMinutes(3)), started.expiresAt());
    assertEquals(4, started.pollEverySeconds());
    assertFalse(started.toString().contains(started.transactionId()), "the transaction id stays out of logs");
    assertTrue(started.message().contains("行動自然人憑證APP"), started.message());
    assertEquals(started.transactionId(), f.phones.waitingOn(f.person.idNumber()).orElseThrow());

    assertInstanceOf(MobileIdLoginOutcome.Waiting.class, f.pollLater(started.transactionId()));
    assertInstanceOf(MobileIdLoginOutcome.Waiting.class, f.pollLater(started.transactionId()));
    assertTrue(f.phones.approve(started.transactionId()));

    MobileIdLoginOutcome.LoggedIn in = assertInstanceOf(MobileIdLoginOutcome.LoggedIn.class,
        f.pollLater(started.transactionId()));
    assertEquals(account.id(), in.account().id());
    assertEquals(Set.of(), in.pending());
    assertEquals(f.person.name(), in.certificate().holderName());
    AuditEvent last = f.lastAbout(f.person.idNumber());
    assertEquals(AuditKind.LOGIN_SUCCEEDED, last.kind());
    assertEquals("mobile-id serial " + in.certificate().serial(), last.detail());
    assertEquals(account.customAccount(), last.actor());
  }

  @Test
  void approved_servingPersonWithoutAnAccount_getsOne_whichMustBeSetUp() {
    String transaction = f.start(f.person).transactionId();
    f.phones.approve(transaction);
    MobileIdLoginOutcome.LoggedIn in = assertInstanceOf(MobileIdLoginOutcome.LoggedIn.class, f.pollLater(transaction));
    assertEquals(f.person.idNumber(), in.account().idNumber());
    assertEquals(Set.of(AccountGate.Pending.PASSWORD_CHANGE, AccountGate.Pending.PROFILE), in.pending());
  }

  @Test
  void startedOnOneNode_polledOnAnother_logsIn() {
    String transaction = f.start(f.person).transactionId();
    f.phones.approve(transaction);
    f.portal.clock.advance(POLL);
    assertInstanceOf(MobileIdLoginOutcome.LoggedIn.class, f.login(f.service, PORTAL).poll(transaction, IP));
  }

  @Test
  void deniedOnThePhone_denied_andStaysDenied() {
    String transaction = f.start(f.person).transactionId();
    assertTrue(f.phones.deny(transaction));
    assertFalse(f.phones.approve(transaction), "acted on already");
    MobileIdLoginOutcome denied = f.pollLater(transaction);
    assertInstanceOf(MobileIdLoginOutcome.Denied.class, denied);
    assertTrue(denied.message().contains("拒絕"), denied.message());
    assertInstanceOf(MobileIdLoginOutcome.Denied.class, f.pollLater(transaction));
    assertEquals(AuditKind.LOGIN_FAILED, f.lastAbout(f.person.idNumber()).kind());
    assertEquals("mobile-id: denied on the phone", f.lastAbout(f.person.idNumber()).detail());
  }

  @Test
  void nobodyActsForThreeMinutes_expired_andTheNumberMayStartAgain() {
    String transaction = f.start(f.person).transactionId();
    f.portal.clock.advance(Duration.ofMinutes(3).minusSeconds(1));
    assertInstanceOf(MobileIdLoginOutcome.Waiting.class, f.login.poll(transaction, IP));
    f.portal.clock.advance(Duration.ofSeconds(1));
    assertFalse(f.phones.approve(transaction), "too late on the phone");
    assertInstanceOf(MobileIdLoginOutcome.Expired.class, f.login.poll(transaction, IP));
    assertInstanceOf(MobileIdLoginOutcome.Expired.class, f.pollLater(transaction));
    f.start(f.person);
  }

  @Test
  void serviceSaysExpired_expired() {
    String transaction = f.start(f.person).transactionId();
    f.service.answer = new MobileIdService.TransactionResult.Expired();
    assertInstanceOf(MobileIdLoginOutcome.Expired.class, f.pollLater(transaction));
  }

  @Test
  void pollSoonerThanFourSeconds_tooSoon_withTheTimeLeft() {
    String transaction = f.start(f.person).transactionId();
    MobileIdLoginOutcome tooSoon = f.login.poll(transaction, IP);
    assertEquals(new MobileIdLoginOutcome.TooSoon(POLL), tooSoon, "the start counts as a poll");
    assertEquals("查詢過於頻繁，請於 4 秒後再查詢驗證結果。", tooSoon.message());
    f.portal.clock.advance(Duration.ofMillis(2500));
    assertEquals(new MobileIdLoginOutcome.TooSoon(Duration.ofMillis(1500)), f.login.poll(transaction, IP));
    assertEquals("查詢過於頻繁，請於 2 秒後再查詢驗證結果。", f.login.poll(transaction, IP).message());
    f.portal.clock.advance(Duration.ofMillis(1500));
    assertInstanceOf(MobileIdLoginOutcome.Waiting.class, f.login.poll(transaction, IP));
    f.phones.approve(transaction);
    assertInstanceOf(MobileIdLoginOutcome.TooSoon.class, f.login.poll(transaction, IP), "not even once approved");
  }

  @Test
  void serviceUnreachableWhilePolling_waiting_thenTheResult() {
    String transaction = f.start(f.person).transactionId();
    f.service.down = true;
    assertInstanceOf(MobileIdLoginOutcome.Waiting.class, f.pollLater(transaction));
    f.service.down = false;
    f.phones.approve(transaction);
    assertInstanceOf(MobileIdLoginOutcome.LoggedIn.class, f.pollLater(transaction));
  }

  @Test
  void removeExpired_endsAbandonedTransactions() {
    String transaction = f.start(f.person).transactionId();
    f.portal.clock.advance(Duration.ofMinutes(3));
    assertTrue(f.login.removeExpired() >= 1);
    assertInstanceOf(MobileIdLoginOutcome.Expired.class, f.login.poll(transaction, IP));
    f.portal.clock.advance(MobileIdLogin.KEPT.plusSeconds(1));
    f.login.removeExpired();
    assertEquals(new MobileIdLoginOutcome.Refused(Reason.UNKNOWN_TRANSACTION), f.login.poll(transaction, IP));
  }

  @Test
  void audit_neverHoldsTheFullIdNumber() {
    String denied = f.start(f.person).transactionId();
    f.login.start(f.person.idNumber().value(), IP);
    f.phones.deny(denied);
    f.pollLater(denied);
    String approved = f.start(f.person).transactionId();
    f.phones.approve(approved);
    f.pollLater(approved);
    for (AuditEvent event : f.portal.audit.recent(100)) {
      assertFalse(String.valueOf(event).contains(f.person.idNumber().value()), event.toString());
      assertFalse(String.valueOf(event).contains(approved), event.toString());
    }
    assertEquals(List.of(AuditKind.LOGIN_FAILED, AuditKind.LOGIN_FAILED, AuditKind.LOGIN_SUCCEEDED),
        f.portal.auditKinds(f.person.idNumber()));
  }
}
