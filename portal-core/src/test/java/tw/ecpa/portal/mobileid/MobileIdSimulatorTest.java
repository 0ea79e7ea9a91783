package tw.ecpa.portal.mobileid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import tw.ecpa.portal.certificate.CertificateFacts;
import tw.ecpa.portal.demo.DemoData;
import tw.ecpa.portal.identity.IdNumber;
import tw.ecpa.portal.mobileid.MobileIdService.ResultRequest;
import tw.ecpa.portal.mobileid.MobileIdService.StartAnswer;
import tw.ecpa.portal.mobileid.MobileIdService.StartRequest;
import tw.ecpa.portal.mobileid.MobileIdService.TransactionResult;
import tw.ecpa.portal.mobileid.sim.MobileIdSimulator;
import tw.ecpa.portal.testing.MovableClock;

/** The simulator as the service: checksums, bound phones, the phone's acts, expiry. */
class MobileIdSimulatorTest {

  static final RelyingParty PORTAL = RelyingParty.random("ecpa-sim-test");
  static final IdNumber HOLDER = IdNumber.parse("A123456789").orElseThrow();
  static final String CHALLENGE = "q2oX0Qb0nO3-8l6f4kS4u1rXJ2vX5y7oTb2Wm0cYx3E";

  final MovableClock clock = new MovableClock();
  final MobileIdSimulator service = new MobileIdSimulator(clock, MobileIdFixture.ca(), PORTAL);

  MobileIdSimulatorTest() {
    service.bindPhone(HOLDER, "王小明");
  }

  @Test
  void mac_coversEveryFieldAndItsBoundaries() {
    byte[] key = PORTAL.macKey();
    String mac = MobileIdMac.compute(key, List.of("ab", "c"));
    assertEquals(64, mac.length());
    assertTrue(MobileIdMac.matches(key, mac, List.of("ab", "c")));
    assertFalse(MobileIdMac.matches(key, mac, List.of("a", "bc")), "a field's boundary is covered");
    assertFalse(MobileIdMac.matches(RelyingParty.random("x").macKey(), mac, List.of("ab", "c")), "another key");
    assertFalse(MobileIdMac.matches(key, null, List.of("ab", "c")));
    assertNotEquals(MobileIdMac.compute(key, List.of("", "c")), MobileIdMac.compute(key, List.of("c")));
  }

  @Test
  void start_anyFieldChangedAfterTheChecksum_refused_andNothingPushed() {
    StartRequest good = PORTAL.start("tx-1", HOLDER.value(), CHALLENGE);
    List<StartRequest> tampered = List.of(
        new StartRequest(good.serviceId(), "tx-2", good.idNumber(), good.signData(), good.mac()),
        new StartRequest(good.serviceId(), good.transactionId(), "B223451232", good.signData(), good.mac()),
        new StartRequest(good.serviceId(), good.transactionId(), good.idNumber(), "other", good.mac()),
        new StartRequest(good.serviceId(), good.transactionId(), good.idNumber(), good.signData(), "00" + good.mac()),
        new StartRequest(good.serviceId(), good.transactionId(), good.idNumber(), good.signData(), null));
    for (StartRequest request : tampered) {
      assertEquals(new StartAnswer.Refused("checksum mismatch"), service.start(request), request.toString());
    }
    assertEquals(new StartAnswer.Refused("unknown service id"),
        service.start(StartRequest.signed("someone-else", PORTAL.macKey(), "tx-1", HOLDER.value(), CHALLENGE)));
    assertTrue(service.waitingOn(HOLDER).isEmpty());
    assertInstanceOf(StartAnswer.Pushed.class, service.start(good));
  }

  @Test
  void result_checksumMismatch_refused() {
    service.start(PORTAL.start("tx-1", HOLDER.value(), CHALLENGE));
    ResultRequest good = PORTAL.result("tx-1");
    assertEquals(new TransactionResult.Refused("checksum mismatch"),
        service.result(new ResultRequest(good.serviceId(), "tx-1", PORTAL.result("tx-2").mac())));
    assertInstanceOf(TransactionResult.NotYet.class, service.result(good));
  }

  @Test
  void start_duplicateTransactionId_malformedOrNoPhone_refused() {
    assertInstanceOf(StartAnswer.Pushed.class, service.start(PORTAL.start("tx-1", HOLDER.value(), CHALLENGE)));
    assertEquals(new StartAnswer.Refused("duplicate transaction id"),
        service.start(PORTAL.start("tx-1", HOLDER.value(), CHALLENGE)));
    assertEquals(new StartAnswer.Refused("malformed identity number"),
        service.start(PORTAL.start("tx-3", "A123456788", CHALLENGE)));
    assertInstanceOf(StartAnswer.NoBoundPhone.class, service.start(PORTAL.start("tx-4", "B223451232", CHALLENGE)));
  }

  @Test
  void approve_signsTheContentWithTheHoldersCertificate() throws Exception {
    service.start(PORTAL.start("tx-1", HOLDER.value(), CHALLENGE));
    assertEquals("tx-1", service.waitingOn(HOLDER).orElseThrow());
    assertTrue(service.approve("tx-1"));
    assertFalse(service.deny("tx-1"), "acted on already");
    assertTrue(service.waitingOn(HOLDER).isEmpty());

    byte[] response = assertInstanceOf(TransactionResult.Approved.class, service.result(PORTAL.result("tx-1")))
        .signedResponse();
    assertEquals(CHALLENGE, MobileIdLogin.signedContent(response).orElseThrow());
    var cms = new org.bouncycastle.cms.CMSSignedData(response);
    var holder = (org.bouncycastle.cert.X509CertificateHolder) cms.getCertificates().getMatches(null).iterator().next();
    CertificateFacts facts = CertificateFacts.of(
        new org.bouncycastle.cert.jcajce.JcaX509CertificateConverter().getCertificate(holder));
    assertEquals("王小明", facts.holderName());
    assertEquals("6789", facts.lastFour().orElseThrow());
    assertInstanceOf(TransactionResult.Approved.class, service.result(PORTAL.result("tx-1")), "answered again");
  }

  @Test
  void denied_thenExpiry_andUnknown() {
    service.start(PORTAL.start("tx-1", HOLDER.value(), CHALLENGE));
    service.start(PORTAL.start("tx-2", HOLDER.value(), CHALLENGE));
    assertTrue(service.deny("tx-1"));
    assertInstanceOf(TransactionResult.Denied.class, service.result(PORTAL.result("tx-1")));

    clock.advance(Duration.ofMinutes(3).minusMillis(1));
    assertInstanceOf(TransactionResult.NotYet.class, service.result(PORTAL.result("tx-2")));
    clock.advance(Duration.ofMillis(1));
    assertInstanceOf(TransactionResult.Expired.class, service.result(PORTAL.result("tx-2")));
    assertFalse(service.approve("tx-2"), "too late");
    assertInstanceOf(TransactionResult.Unknown.class, service.result(PORTAL.result("tx-9")));
    assertFalse(service.approve("tx-9"));
  }

  @Test
  void demo_everyDemoPersonButOneHasABoundPhone() {
    MobileIdSimulator demo = MobileIdSimulator.demo(clock, MobileIdFixture.ca(), PORTAL);
    for (DemoData.DemoAccount person : DemoData.ACCOUNTS) {
      IdNumber id = IdNumber.parse(person.idNumber()).orElseThrow();
      assertEquals(!person.idNumber().equals(MobileIdSimulator.DEMO_WITHOUT_PHONE), demo.hasPhone(id), person.name());
    }
  }
}
