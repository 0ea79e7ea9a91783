package tw.ecpa.portal.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CustomAccountRuleTest {

  @Test
  void check_halfWidthLettersAndDigits_isAccepted() {
    assertEquals(List.of(), CustomAccountRule.check("wangxm2026"));
    assertEquals(List.of(), CustomAccountRule.check("HRofficer01"));
  }

  @Test
  void check_idNumberFormat_isRefused_evenWithABadChecksum() {
    assertEquals(List.of(CustomAccountRule.NOT_ID_FORMAT), CustomAccountRule.check("A123456789"));
    assertEquals(List.of(CustomAccountRule.NOT_ID_FORMAT), CustomAccountRule.check("a123456788"));
    assertEquals(List.of(CustomAccountRule.NOT_ID_FORMAT), CustomAccountRule.check("AA00000009"));
  }

  @Test
  void check_specialSpaceFullWidthOrChinese_isRefused() {
    assertTrue(CustomAccountRule.check("wang.xm").contains(CustomAccountRule.NO_SPECIAL));
    assertTrue(CustomAccountRule.check("wang xm").contains(CustomAccountRule.NO_SPECIAL));
    assertTrue(CustomAccountRule.check("ｗａｎｇ２０２６").contains(CustomAccountRule.HALF_WIDTH_ALPHANUMERIC));
    assertTrue(CustomAccountRule.check("王小明2026").contains(CustomAccountRule.NO_SPECIAL));
  }

  @Test
  void check_emptyShortOrDigitsOnly_isNamed() {
    assertEquals(List.of(CustomAccountRule.REQUIRED), CustomAccountRule.check(""));
    assertEquals(List.of(CustomAccountRule.REQUIRED), CustomAccountRule.check(null));
    assertEquals(List.of(CustomAccountRule.LENGTH), CustomAccountRule.check("ab1"));
    assertEquals(List.of(CustomAccountRule.HAS_LETTER), CustomAccountRule.check("0223979108"));
  }
}
