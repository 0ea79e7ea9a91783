package tw.ecpa.portal.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class IdNumberTest {

  @Test
  void isValid_knownNumbers_followTheChecksum() {
    assertTrue(IdNumber.isValid("A123456789"));
    assertFalse(IdNumber.isValid("A123456788"));
    assertTrue(IdNumber.isValid("A800000014"), "new-format resident certificate");
    assertTrue(IdNumber.isValid("AA00000009"), "old-format resident certificate");
    assertFalse(IdNumber.isValid("A12345678"));
    assertFalse(IdNumber.isValid("1234567890"));
    assertFalse(IdNumber.isValid(null));
  }

  @Test
  void parse_lowerCaseWithSpaces_isNormalised() {
    assertEquals("A123456789", IdNumber.parse(" a123456789 ").orElseThrow().value());
    assertTrue(IdNumber.parse("A123456788").isEmpty());
  }

  @Test
  void mask_showsOnlyTheFirstFiveCharacters() {
    assertEquals("A2209*****", IdNumber.mask("A220912345"));
    assertEquals("A1234*****", IdNumber.parse("A123456789").orElseThrow().toString());
  }

  @Test
  void redact_freeText_masksEveryIdNumber() {
    assertEquals("我的身分證是 A1234*****，帳號鎖住了", IdNumber.redact("我的身分證是 a123456789，帳號鎖住了"));
    assertEquals("電話 0223979108 不變", IdNumber.redact("電話 0223979108 不變"));
  }
}
