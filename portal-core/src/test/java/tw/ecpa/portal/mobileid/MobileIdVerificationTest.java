package tw.ecpa.portal.mobileid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static tw.ecpa.portal.mobileid.MobileIdFixture.IP;
import static tw.ecpa.portal.mobileid.MobileIdFixture.PORTAL;
import static tw.ecpa.portal.mobileid.MobileIdFixture.ca;
import static tw.ecpa.portal.mobileid.MobileIdFixture.foreign;
import static tw.ecpa.portal.mobileid.MobileIdFixture.lastFour;
import static tw.ecpa.portal.mobileid.MobileIdFixture.sign;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tw.ecpa.portal.certificate.Challenges;
import tw.ecpa.portal.certificate.Verification;
import tw.ecpa.portal.certificate.sim.DemoCa;
import tw.ecpa.portal.certificate.sim.SoftwareCard;
import tw.ecpa.portal.identity.IdNumber;
import tw.ecpa.portal.testing.PortalFixture;

/**
 * The mobile-ID login's check of the signed response, with real signatures from the demo CA: a
 * replayed or forged response, another challenge, an untrusted or revoked certificate, someone else's
 * certificate, and a person not in the database or off duty.
 */
class MobileIdVerificationTest {


  MobileIdFixture f;

  @BeforeEach
  void fixture() {
    f = MobileIdFixture.fresh();
  }

  @Test
  void approvedResponse_replayedIntoAnotherTransaction_rejected() {
    String first = f.start(f.person).transactionId();
    f.phones.approve(first);
    assertInstanceOf(MobileIdLoginOutcome.LoggedIn.class, f.pollLater(first));
    byte[] collected = f.phones.result(PORTAL.result(first)) instanceof MobileIdService.TransactionResult.Approved a
        ? a.signedResponse() : null;

    f.service.forge = signData -> collected;
    String second = f.start(f.person).transactionId();
    MobileIdLoginOutcome.Rejected rejected = assertInstanceOf(MobileIdLoginOutcome.Rejected.class, f.pollLater(second));
    assertInstanceOf(Verification.UnknownChallenge.class, rejected.failure());
  }

  @Test
  void signedWithAnotherKeyThanTheCertificates_badSignature() {
    DemoCa.Issued holders = ca().issuePerson(f.person.name(), lastFour(f.person));
    DemoCa.Issued others = ca().issuePerson("林其他", "0000");
    f.service.forge = signData -> sign(new SoftwareCard(others.privateKey(), holders.certificate(), "0000"), signData);
    f.assertRejected(Verification.BadSignature.class, f.start(f.person).transactionId());
  }

  @Test
  void certificateOfSomeoneElse_notTheSamePerson_andNoAccountMade() {
    f.phones.bindPhone(f.person.idNumber(), ca().issuePerson("林其他", "0000"));
    String transaction = f.start(f.person).transactionId();
    f.phones.approve(transaction);
    MobileIdLoginOutcome outcome = f.pollLater(transaction);
    assertInstanceOf(MobileIdLoginOutcome.NotSamePerson.class, outcome);
    assertTrue(outcome.message().startsWith("此身分證字號與使用的行動自然人憑證並不是同一個使用者"), outcome.message());
    assertTrue(f.portal.accounts.byLogin(f.person.idNumber().value()).isEmpty());
  }

  @Test
  void rightLastFourButAnotherName_notTheSamePerson() {
    f.phones.bindPhone(f.person.idNumber(), ca().issuePerson("林假冒", lastFour(f.person)));
    String transaction = f.start(f.person).transactionId();
    f.phones.approve(transaction);
    assertInstanceOf(MobileIdLoginOutcome.NotSamePerson.class, f.pollLater(transaction));
  }

  @Test
  void signedAnotherLiveChallenge_rejected_andThatChallengeIsNotUsedUp() {
    Challenges.Challenge other = f.challenges.issue();
    DemoCa.Issued holders = ca().issuePerson(f.person.name(), lastFour(f.person));
    f.service.forge = signData -> sign(holders.card("0000"), other.value());
    f.assertRejected(Verification.UnknownChallenge.class, f.start(f.person).transactionId());
    assertTrue(f.challenges.take(other.value()), "left for whoever it was issued to");
  }

  @Test
  void certificateOfAnUntrustedCa_untrustedIssuer() {
    DemoCa.Issued forged = foreign().issuePerson(f.person.name(), lastFour(f.person));
    f.service.forge = signData -> sign(forged.card("0000"), signData);
    f.assertRejected(Verification.UntrustedIssuer.class, f.start(f.person).transactionId());
  }

  @Test
  void revokedCertificate_revoked_withTheVerifiersMessage() {
    DemoCa.Issued revoked = ca().issuePerson(f.person.name(), lastFour(f.person));
    ca().revoke(revoked.certificate(), f.portal.clock.instant().minus(Duration.ofMinutes(1)));
    f.phones.bindPhone(f.person.idNumber(), revoked);
    String transaction = f.start(f.person).transactionId();
    f.phones.approve(transaction);
    MobileIdLoginOutcome outcome = f.pollLater(transaction);
    assertEquals("憑證已被廢止，請確認所持憑證之有效性。", outcome.message());
    assertEquals("mobile-id: certificate revoked", f.lastAbout(f.person.idNumber()).detail());
  }

  @Test
  void garbageResponse_malformed() {
    f.service.forge = signData -> "not CMS".getBytes(StandardCharsets.US_ASCII);
    f.assertRejected(Verification.Malformed.class, f.start(f.person).transactionId());
  }

  @Test
  void personNotInTheDatabase_notInDatabase_withTheCertificateLoginsWording() {
    IdNumber stranger = PortalFixture.freshId();
    f.phones.bindPhone(stranger, "林路人");
    String transaction = assertInstanceOf(MobileIdLoginOutcome.Started.class,
        f.login.start(stranger.value(), IP)).transactionId();
    f.phones.approve(transaction);
    MobileIdLoginOutcome outcome = f.pollLater(transaction);
    assertInstanceOf(MobileIdLoginOutcome.NotInDatabase.class, outcome);
    assertTrue(outcome.message().startsWith("自訂帳號或身分證號驗證不存在於本總處公務人力資料庫中"), outcome.message());
  }

  @Test
  void personOffDuty_offDuty() {
    f.portal.activeAccount(f.person, "Tpe-2026!rain");
    f.offDuty(f.person);
    String transaction = f.start(f.person).transactionId();
    f.phones.approve(transaction);
    MobileIdLoginOutcome outcome = f.pollLater(transaction);
    assertInstanceOf(MobileIdLoginOutcome.OffDuty.class, outcome);
    assertTrue(outcome.message().startsWith("驗證之公務人員為卸職狀態"), outcome.message());
  }
}
