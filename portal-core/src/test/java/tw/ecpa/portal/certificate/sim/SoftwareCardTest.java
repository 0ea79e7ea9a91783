package tw.ecpa.portal.certificate.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.bouncycastle.cms.CMSSignedData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tw.ecpa.portal.certificate.HicosCode;
import tw.ecpa.portal.testing.MovableClock;

class SoftwareCardTest {

  static DemoCa.Issued issued;
  static final byte[] CHALLENGE = "challenge-to-sign".getBytes(StandardCharsets.US_ASCII);

  @BeforeAll
  static void ca() {
    issued = DemoCa.create(new MovableClock()).issuePerson("王小明", "6789");
  }

  @Test
  void sign_rightPin_cmsWithTheContentEncapsulatedAndTheCertificateIncluded() throws Exception {
    CardResult.Signed signed = assertInstanceOf(CardResult.Signed.class, issued.card("1234").sign("1234", CHALLENGE));
    CMSSignedData cms = new CMSSignedData(signed.signedData());
    assertEquals("challenge-to-sign", new String((byte[]) cms.getSignedContent().getContent(), StandardCharsets.US_ASCII));
    assertEquals(1, cms.getCertificates().getMatches(null).size());
    assertEquals("2.16.840.1.101.3.4.2.1", cms.getSignerInfos().getSigners().iterator().next().getDigestAlgOID());
  }

  @Test
  void sign_threeWrongPins_triesLeftTwoThenOneThenLocked_andStaysLocked() {
    var card = issued.card("1234");
    CardResult.WrongPin first = assertInstanceOf(CardResult.WrongPin.class, card.sign("0000", CHALLENGE));
    assertEquals(2, first.triesLeft());
    assertEquals(HicosCode.CARD_LOGIN_FAILED, first.code());
    assertTrue(first.message().contains("尚可再試 2 次"), first.message());
    assertEquals(1, assertInstanceOf(CardResult.WrongPin.class, card.sign("1111", CHALLENGE)).triesLeft());
    CardResult.Locked locked = assertInstanceOf(CardResult.Locked.class, card.sign("2222", CHALLENGE));
    assertEquals(0xA4, locked.detail());
    assertTrue(locked.message().contains("解卡"), locked.message());

    assertInstanceOf(CardResult.Locked.class, card.sign("1234", CHALLENGE), "the right PIN no longer opens it");
    assertTrue(card.locked());
    assertEquals(0, card.triesLeft());
  }

  @Test
  void sign_rightPinBeforeTheLock_resetsTheCount() {
    var card = issued.card("1234");
    card.sign("0000", CHALLENGE);
    card.sign("0000", CHALLENGE);
    assertInstanceOf(CardResult.Signed.class, card.sign("1234", CHALLENGE));
    assertEquals(3, card.triesLeft());
    assertEquals(2, assertInstanceOf(CardResult.WrongPin.class, card.sign(null, CHALLENGE)).triesLeft());
    assertFalse(card.locked());
  }

  @Test
  void toString_neverShowsThePin() {
    assertFalse(issued.card("987654").toString().contains("987654"));
  }

  @Test
  void hicosCodes_areTheComponentsNumbers() {
    assertEquals("0x76000006", HicosCode.NO_CARD.hex());
    assertEquals(0x76100003, HicosCode.NO_READER.code());
    assertEquals(0x76100006, HicosCode.CARD_LOGIN_FAILED.code());
    assertEquals(0x76000999, HicosCode.CANCELLED.code());
    assertEquals(0x76500002, HicosCode.CARD_EXPIRED.code());
    assertEquals(0x76000031, HicosCode.UNTRUSTED_SITE.code());
    assertEquals(Optional.of(HicosCode.NO_CARD), HicosCode.of(0x76000006));
    assertEquals(Optional.empty(), HicosCode.of(0x12345678));
    for (HicosCode code : HicosCode.values()) {
      assertFalse(code.message().isBlank(), code.name());
    }
  }
}
