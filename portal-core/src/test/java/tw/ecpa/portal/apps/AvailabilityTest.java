package tw.ecpa.portal.apps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AvailabilityTest {

  static AppSystem system(String id) {
    return CatalogueTest.SHIPPED.system(id).orElseThrow();
  }

  @Test
  void of_personalDataSystem_greyedForPasswordLogin_withTheReason() {
    Availability byPassword = Availability.of(system("mydata"), "password", Device.DESKTOP);
    assertFalse(byPassword.available());
    assertEquals("此系統涉及您的個人資料，須以自然人憑證、行動自然人憑證或健保卡登入後使用；您目前以帳號密碼登入。",
        byPassword.reason());
    Availability byCard = Availability.of(system("mydata"), "moica", Device.DESKTOP);
    assertTrue(byCard.available());
    assertNull(byCard.reason());
    assertTrue(Availability.of(system("mydata"), "nhi", Device.DESKTOP).available());
  }

  @Test
  void of_webHr_needsACitizenCertificate_notTheNhiCard() {
    assertTrue(Availability.of(system("webhr"), "moica", Device.DESKTOP).available());
    assertTrue(Availability.of(system("webhr"), "mobile-id", Device.DESKTOP).available());
    Availability nhi = Availability.of(system("webhr"), "nhi", Device.DESKTOP);
    assertFalse(nhi.available());
    assertTrue(nhi.reason().contains("您目前以健保卡登入"), nhi.reason());
  }

  @Test
  void of_systemNotSuitedToMobile_greyedOnAPhone_withTheSeedsWords() {
    Availability phone = Availability.of(system("webhr"), "mobile-id", Device.MOBILE);
    assertFalse(phone.available());
    assertEquals(Availability.DEVICE_REASON, phone.reason());
    assertTrue(Availability.of(system("d6"), "password", Device.MOBILE).available(), "a mobile-friendly system");
    Availability both = Availability.of(system("webhr"), "password", Device.MOBILE);
    assertTrue(both.reason().contains("帳號密碼") && both.reason().contains("行動裝置"), both.reason());
  }

  @Test
  void fromUserAgent_tellsPhonesFromComputers() {
    assertEquals(Device.MOBILE, Device.fromUserAgent(
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148"));
    assertEquals(Device.MOBILE, Device.fromUserAgent("Mozilla/5.0 (Linux; Android 14; Pixel 8) Chrome/126.0 Mobile"));
    assertEquals(Device.DESKTOP, Device.fromUserAgent(
        "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36"));
    assertEquals(Device.DESKTOP, Device.fromUserAgent(null));
  }
}
