package tw.ecpa.bot.feedback.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import tw.ecpa.portal.jdbc.Database;
import tw.ecpa.portal.testing.MovableClock;

class JdbcUnansweredLogTest {

  @Test
  void idNumbersEmailsAndLongDigitRuns_areMaskedBeforeStoring() {
    assertEquals("我是 A1234*****，信箱 wa***@mail.gov.tw，電話 **********",
        JdbcUnansweredLog.mask(" 我是 A123456789，信箱 wangxm@mail.gov.tw，電話 0912345678 "));
    assertEquals("分機 123 沒問題", JdbcUnansweredLog.mask("分機 123 沒問題"));
    assertEquals(500, JdbcUnansweredLog.mask("問".repeat(600)).length());
    assertEquals("我的密碼是 **** 還是登不進去", JdbcUnansweredLog.mask("我的密碼是 Wang-Demo2026! 還是登不進去"));
  }

  @Test
  void aQuestion_isForgottenNinetyDaysAfterItWasAsked() {
    MovableClock clock = new MovableClock();
    try (Database db = Database.open(Database.Location.inMemory("unanswered-kept"), 2)) {
      JdbcUnansweredLog log = new JdbcUnansweredLog(db.dataSource(), clock);
      log.unanswered("舊的問題", "fallback");
      clock.advance(Duration.ofDays(60));
      log.unanswered("新的問題", "did-you-mean");
      clock.advance(Duration.ofDays(30).plusMinutes(1));

      assertEquals(1, log.forgetOld());
      assertEquals(java.util.List.of("新的問題"), log.open().stream().map(q -> q.question()).toList());
      assertEquals(0, log.forgetOld());
    }
  }
}
