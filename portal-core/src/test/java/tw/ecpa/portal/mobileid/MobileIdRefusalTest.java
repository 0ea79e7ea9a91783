package tw.ecpa.portal.mobileid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static tw.ecpa.portal.mobileid.MobileIdFixture.IP;
import static tw.ecpa.portal.mobileid.MobileIdFixture.POLL;
import static tw.ecpa.portal.mobileid.MobileIdFixture.PORTAL;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tw.ecpa.portal.mobileid.MobileIdLoginOutcome.Reason;
import tw.ecpa.portal.people.Person;

/**
 * The mobile-ID login's refusals before any signature is read: a used or unknown transaction, a
 * number with a live transaction or without a bound phone, a malformed identity number, and the
 * service turning down a checksum made with another key.
 */
class MobileIdRefusalTest {


  MobileIdFixture f;

  @BeforeEach
  void fixture() {
    f = MobileIdFixture.fresh();
  }

  @Test
  void approvedTransaction_polledAgain_refused_evenThoughTheServiceStillSaysApproved() {
    String transaction = f.start(f.person).transactionId();
    f.phones.approve(transaction);
    assertInstanceOf(MobileIdLoginOutcome.LoggedIn.class, f.pollLater(transaction));

    MobileIdLoginOutcome replay = f.pollLater(transaction);
    assertEquals(new MobileIdLoginOutcome.Refused(Reason.ALREADY_USED), replay);
    assertEquals("此驗證交易已使用或已失效，請重新登入。", replay.message());
    assertEquals(new MobileIdLoginOutcome.Refused(Reason.ALREADY_USED),
        f.login(f.service, PORTAL).poll(transaction, IP), "on another node too");
  }

  @Test
  void startWhileTheNumberHasALiveTransaction_refused_notGivenTheLiveOne() {
    String first = f.start(f.person).transactionId();
    MobileIdLoginOutcome second = f.login.start(f.person.idNumber().value().toLowerCase(), IP);
    assertEquals(new MobileIdLoginOutcome.Refused(Reason.ALREADY_PENDING), second);
    assertFalse(second.toString().contains(first));
    f.phones.deny(first);
    f.pollLater(first);
    f.start(f.person);
  }

  @Test
  void unknownOrMalformedTransactionIds_refused() {
    assertEquals(new MobileIdLoginOutcome.Refused(Reason.UNKNOWN_TRANSACTION), f.login.poll("made-up", IP));
    assertEquals(new MobileIdLoginOutcome.Refused(Reason.UNKNOWN_TRANSACTION), f.login.poll(null, IP));
    assertEquals(new MobileIdLoginOutcome.Refused(Reason.UNKNOWN_TRANSACTION), f.login.poll("x".repeat(5000), IP));
  }

  @Test
  void malformedIdNumber_refused_withoutAskingTheService() {
    assertEquals(new MobileIdLoginOutcome.Refused(Reason.INVALID_ID_NUMBER), f.login.start("A123456788", IP));
    assertEquals(new MobileIdLoginOutcome.Refused(Reason.INVALID_ID_NUMBER), f.login.start(null, IP));
    assertEquals(0, f.service.starts);
  }

  @Test
  void numberWithoutABoundPhone_refusedWithTheSeedsDirection_andMayTryAgain() {
    Person other = f.portal.person("376480000A");
    MobileIdLoginOutcome refused = f.login.start(other.idNumber().value(), IP);
    assertEquals(new MobileIdLoginOutcome.Refused(Reason.NO_BOUND_PHONE), refused);
    assertTrue(refused.message().contains("持自然人憑證登入行動自然人憑證網站完成註冊/綁定"), refused.message());
    f.phones.bindPhone(other.idNumber(), other.name());
    f.start(other);
  }

  @Test
  void checksumWithAnotherKey_refusedByTheService() {
    MobileIdLogin wrongKey = f.login(f.phones, RelyingParty.random(PORTAL.serviceId()));
    assertEquals(new MobileIdLoginOutcome.Refused(Reason.SERVICE_ERROR),
        wrongKey.start(f.person.idNumber().value(), IP));
    assertEquals("mobile-id: service refused the start: checksum mismatch", f.lastAbout(f.person.idNumber()).detail());
    assertTrue(f.phones.waitingOn(f.person.idNumber()).isEmpty(), "nothing pushed");
    f.start(f.person);
  }

  @Test
  void pollChecksumWithAnotherKey_refusedByTheService_andTheTransactionEnds() {
    String transaction = f.start(f.person).transactionId();
    f.phones.approve(transaction);
    MobileIdLogin wrongKey = f.login(f.phones, RelyingParty.random(PORTAL.serviceId()));
    f.portal.clock.advance(POLL);
    assertEquals(new MobileIdLoginOutcome.Refused(Reason.SERVICE_ERROR), wrongKey.poll(transaction, IP));
    assertEquals(new MobileIdLoginOutcome.Refused(Reason.SERVICE_ERROR), f.pollLater(transaction));
  }
}
