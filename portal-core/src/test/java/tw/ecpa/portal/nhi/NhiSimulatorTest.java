package tw.ecpa.portal.nhi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import tw.ecpa.portal.identity.IdNumber;
import tw.ecpa.portal.nhi.sim.NhiSimulator;
import tw.ecpa.portal.testing.MovableClock;

class NhiSimulatorTest {

  static final String CARD = "000012345678";
  static final IdNumber HOLDER = IdNumber.parse("A123456789").orElseThrow();

  final MovableClock clock = new MovableClock();
  final NhiSimulator nhi = new NhiSimulator(clock);

  NhiSimulatorTest() {
    nhi.register(CARD, HOLDER, "reg-Pass1");
  }

  @Test
  void rightPassword_verified_withTheHoldersIdNumber() {
    assertEquals(new NhiVerification.Verified(HOLDER), nhi.verify(CARD, "reg-Pass1"));
  }

  @Test
  void wrongPasswords_countDown_thenTheThirdSuspendsForTenMinutes_thenUsableAgain() {
    assertEquals(new NhiVerification.WrongPassword(2), nhi.verify(CARD, "nope"));
    assertEquals(new NhiVerification.WrongPassword(1), nhi.verify(CARD, "nope"));
    Instant until = clock.instant().plus(Duration.ofMinutes(10));
    assertEquals(new NhiVerification.Suspended(until), nhi.verify(CARD, "nope"));
    assertEquals(new NhiVerification.Suspended(until), nhi.verify(CARD, "reg-Pass1"), "even the right one");

    clock.advance(Duration.ofMinutes(10).minusSeconds(1));
    assertEquals(new NhiVerification.Suspended(until), nhi.verify(CARD, "reg-Pass1"));
    clock.advance(Duration.ofSeconds(1));
    assertEquals(new NhiVerification.WrongPassword(2), nhi.verify(CARD, "nope"), "the count starts afresh");
    assertEquals(new NhiVerification.Verified(HOLDER), nhi.verify(CARD, "reg-Pass1"));
  }

  @Test
  void aRightPasswordBeforeTheThird_resetsTheCount() {
    nhi.verify(CARD, "nope");
    nhi.verify(CARD, "nope");
    assertInstanceOf(NhiVerification.Verified.class, nhi.verify(CARD, "reg-Pass1"));
    assertEquals(new NhiVerification.WrongPassword(2), nhi.verify(CARD, "nope"));
    assertEquals(new NhiVerification.WrongPassword(1), nhi.verify(CARD, "nope"));
  }

  @Test
  void unregisteredUnknownOrUnreadableCards_notRegistered() {
    nhi.addUnregistered("000099990000", HOLDER);
    assertInstanceOf(NhiVerification.NotRegistered.class, nhi.verify("000099990000", "anything"));
    assertInstanceOf(NhiVerification.NotRegistered.class, nhi.verify("999999999999", "reg-Pass1"));
    assertInstanceOf(NhiVerification.NotRegistered.class, nhi.verify(null, null));
    assertInstanceOf(NhiVerification.NotRegistered.class, nhi.verify("9".repeat(10_000), "x"));
    assertEquals(new NhiVerification.WrongPassword(2), nhi.verify(CARD, null), "no password is a wrong one");
  }

  @Test
  void demoCards_matchTheDocumentedDemoPeople() {
    NhiSimulator demo = NhiSimulator.demo(clock);
    for (NhiSimulator.DemoCard card : NhiSimulator.DEMO_CARDS) {
      NhiVerification result = demo.verify(card.cardNumber(), card.password());
      if (card.password() == null) {
        assertInstanceOf(NhiVerification.NotRegistered.class, result);
      } else {
        assertEquals(new NhiVerification.Verified(IdNumber.parse(card.idNumber()).orElseThrow()), result);
      }
    }
  }
}
