package tw.ecpa.portal.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class RedactionTest {

  @Test
  void idNumbersEmailsPhonesAndPins_areMasked() {
    assertEquals("我是 A1234*****，信箱 wa***@mail.gov.tw，電話 **********",
        Redaction.typed("我是 A123456789，信箱 wangxm@mail.gov.tw，電話 0912345678"));
    assertEquals("PIN碼是 ****，打錯了", Redaction.typed("PIN碼是 1234，打錯了"));
    assertEquals("我的自然人憑證 PIN ****", Redaction.typed("我的自然人憑證 PIN 123456"));
  }

  @Test
  void passwordsAndCodes_areMasked_wordsAndErrorCodesAreNot() {
    assertEquals("我的密碼是 **** 還是登不進去", Redaction.typed("我的密碼是 Wang-Demo2026! 還是登不進去"));
    assertEquals("試了 **** 也不行", Redaction.typed("試了 Tpe-2026!rain 也不行"));
    assertEquals("password: **** doesn't work", Redaction.typed("password: hunter22 doesn't work"));
    assertEquals("認證碼 **** 輸入後說無效", Redaction.typed("認證碼 H9CN8NMC 輸入後說無效"));
    assertEquals("信裡的 **** 過期了", Redaction.typed("信裡的 H9CN8NMC 過期了"));
    for (String kept : new String[] {"自然人憑證密碼錯誤怎麼辦", "出現0x76100006錯誤", "HiCOS 跟 Chrome 都裝了",
        "password is wrong", "my password expired", "分機 123 沒問題", "用 Windows 11 的 Edge 登入 eCPA"}) {
      assertEquals(kept, Redaction.typed(kept));
    }
    assertNull(Redaction.typed(null));
  }
}
