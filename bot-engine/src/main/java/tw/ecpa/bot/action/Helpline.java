package tw.ecpa.bot.action;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZonedDateTime;

/**
 * The helpline of the seeds: 人事資訊系統客服專線 02-23979108, open 上午 9:00~12:00 and 下午 14:00~17:00 on
 * working days (Taipei time). National holidays are not known here, so the text says they are excluded.
 */
public final class Helpline {

  /** The number. */
  public static final String NUMBER = "02-23979108";

  private static final LocalTime MORNING_OPENS = LocalTime.of(9, 0);
  private static final LocalTime MORNING_CLOSES = LocalTime.of(12, 0);
  private static final LocalTime AFTERNOON_OPENS = LocalTime.of(14, 0);
  private static final LocalTime AFTERNOON_CLOSES = LocalTime.of(17, 0);

  private Helpline() {}

  /** Whether the helpline answers at this moment (weekdays 9–12 and 14–17 in Taipei). */
  public static boolean openAt(ZonedDateTime taipei) {
    DayOfWeek day = taipei.getDayOfWeek();
    if (day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY) {
      return false;
    }
    LocalTime t = taipei.toLocalTime();
    return (!t.isBefore(MORNING_OPENS) && t.isBefore(MORNING_CLOSES))
        || (!t.isBefore(AFTERNOON_OPENS) && t.isBefore(AFTERNOON_CLOSES));
  }

  /** When it next opens after a closed moment. */
  public static ZonedDateTime nextOpening(ZonedDateTime taipei) {
    ZonedDateTime t = taipei.withSecond(0).withNano(0);
    LocalTime now = t.toLocalTime();
    boolean weekday = t.getDayOfWeek() != DayOfWeek.SATURDAY && t.getDayOfWeek() != DayOfWeek.SUNDAY;
    if (weekday && now.isBefore(MORNING_OPENS)) {
      return t.with(MORNING_OPENS);
    }
    if (weekday && !now.isBefore(MORNING_CLOSES) && now.isBefore(AFTERNOON_OPENS)) {
      return t.with(AFTERNOON_OPENS);
    }
    ZonedDateTime next = t.plusDays(1).with(MORNING_OPENS);
    while (next.getDayOfWeek() == DayOfWeek.SATURDAY || next.getDayOfWeek() == DayOfWeek.SUNDAY) {
      next = next.plusDays(1);
    }
    return next;
  }

  /** The zh-TW sentence for 轉接真人 / 客服 at this moment. */
  public static String status(ZonedDateTime taipei) {
    String base = "人事資訊系統客服專線：" + NUMBER + "（開放時間：週一至週五 上午 9:00~12:00、下午 14:00~17:00，國定假日除外）。";
    if (openAt(taipei)) {
      return base + "現在是服務時間，歡迎來電，將由客服人員為您服務。";
    }
    ZonedDateTime next = nextOpening(taipei);
    String when = next.toLocalDate().equals(taipei.toLocalDate()) ? "今天"
        : next.toLocalDate().equals(taipei.toLocalDate().plusDays(1)) ? "明天"
        : dayName(next);
    return base + "現在非服務時間，客服專線將於" + when + " " + String.format("%d:%02d", next.getHour(), next.getMinute())
        + " 開始服務；您也可以繼續在這裡詢問。";
  }

  private static String dayName(ZonedDateTime t) {
    return switch (t.getDayOfWeek()) {
      case MONDAY -> "週一";
      case TUESDAY -> "週二";
      case WEDNESDAY -> "週三";
      case THURSDAY -> "週四";
      case FRIDAY -> "週五";
      default -> "下個工作日";
    };
  }
}
