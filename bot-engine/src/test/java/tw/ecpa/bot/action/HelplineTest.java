package tw.ecpa.bot.action;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class HelplineTest {

  static final ZoneId TAIPEI = ZoneId.of("Asia/Taipei");

  static ZonedDateTime at(String local) {
    return java.time.LocalDateTime.parse(local).atZone(TAIPEI);
  }

  @Test
  void open_onWeekdayMorningsAndAfternoons_only() {
    assertTrue(Helpline.openAt(at("2026-11-23T09:00")));  // Monday
    assertTrue(Helpline.openAt(at("2026-11-23T11:59")));
    assertFalse(Helpline.openAt(at("2026-11-23T12:00")));
    assertFalse(Helpline.openAt(at("2026-11-23T13:59")));
    assertTrue(Helpline.openAt(at("2026-11-23T14:00")));
    assertFalse(Helpline.openAt(at("2026-11-23T17:00")));
    assertFalse(Helpline.openAt(at("2026-11-23T08:59")));
    assertFalse(Helpline.openAt(at("2026-11-28T10:00")));  // Saturday
    assertFalse(Helpline.openAt(at("2026-11-29T10:00")));  // Sunday
  }

  @Test
  void nextOpening_isTheNextHalfDay_skippingWeekends() {
    assertEquals(at("2026-11-23T14:00"), Helpline.nextOpening(at("2026-11-23T12:30")));
    assertEquals(at("2026-11-23T09:00"), Helpline.nextOpening(at("2026-11-23T07:10")));
    assertEquals(at("2026-11-24T09:00"), Helpline.nextOpening(at("2026-11-23T17:30")));
    assertEquals(at("2026-11-30T09:00"), Helpline.nextOpening(at("2026-11-27T18:00")));  // Friday evening
    assertEquals(at("2026-11-30T09:00"), Helpline.nextOpening(at("2026-11-28T10:00")));
  }

  @Test
  void status_saysTheNumberHoursAndWhetherOpenNow() {
    String open = Helpline.status(at("2026-11-23T10:00"));
    assertTrue(open.contains("02-23979108") && open.contains("現在是服務時間"), open);
    String lunch = Helpline.status(at("2026-11-23T12:30"));
    assertTrue(lunch.contains("現在非服務時間") && lunch.contains("今天 14:00"), lunch);
    String weekend = Helpline.status(at("2026-11-28T10:00"));
    assertTrue(weekend.contains("週一 9:00"), weekend);
  }
}
