package tw.ecpa.portal.people;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class EmailAddressTest {

  @Test
  void typedAddresses_areFoldedToHalfWidth_andTrimmed() {
    assertEquals(Optional.of("wang@mail.gov.tw"), EmailAddress.parse(" ｗａｎｇ＠ｍａｉｌ．ｇｏｖ．ｔｗ　"));
    assertEquals(Optional.of("a.b+c@x-y.example.com"), EmailAddress.parse("a.b+c@x-y.example.com"));
  }

  @Test
  void nonAddresses_areRefused() {
    for (String bad : new String[] {null, "", "wang", "wang@", "@mail.gov.tw", "wang@mail", "a b@mail.gov.tw",
        "wang@mail..tw", "王@mail.gov.tw", "x".repeat(250) + "@mail.gov.tw"}) {
      assertTrue(EmailAddress.parse(bad).isEmpty(), String.valueOf(bad));
    }
  }

  @Test
  void sameAddress_ignoresCase_butNotOtherDifferences() {
    assertTrue(EmailAddress.same("Wang@Mail.Gov.TW", "wang@mail.gov.tw"));
    assertFalse(EmailAddress.same("wang2@mail.gov.tw", "wang@mail.gov.tw"));
    assertFalse(EmailAddress.same("wang@mail.gov.tw", null));
  }

  @Test
  void masking_keepsTwoLettersAndTheDomain() {
    assertEquals("wa***@mail.gov.tw", EmailAddress.mask("wang@mail.gov.tw"));
    assertEquals("a***@mail.gov.tw", EmailAddress.mask("a@mail.gov.tw"));
  }
}
