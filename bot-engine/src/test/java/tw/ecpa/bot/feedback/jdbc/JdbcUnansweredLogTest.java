package tw.ecpa.bot.feedback.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class JdbcUnansweredLogTest {

  @Test
  void idNumbersEmailsAndLongDigitRuns_areMaskedBeforeStoring() {
    assertEquals("我是 A1234*****，信箱 wa***@mail.gov.tw，電話 **********",
        JdbcUnansweredLog.mask(" 我是 A123456789，信箱 wangxm@mail.gov.tw，電話 0912345678 "));
    assertEquals("分機 123 沒問題", JdbcUnansweredLog.mask("分機 123 沒問題"));
    assertEquals(500, JdbcUnansweredLog.mask("問".repeat(600)).length());
    assertEquals("我的密碼是 **** 還是登不進去", JdbcUnansweredLog.mask("我的密碼是 Wang-Demo2026! 還是登不進去"));
  }
}
