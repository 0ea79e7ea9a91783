package tw.ecpa.portal.time;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Optional;

/**
 * Dates in the Republic of China calendar as the portal's forms and pages use them: the year is the
 * Gregorian year minus 1911, forms take seven digits {@code YYYMMDD} ({@code 0610101} is 1972-01-01),
 * and pages show {@code 111年5月31日 15時58分} or {@code 111/11/10}.
 */
public final class RocDate {

  /** The portal's time zone: dates and times on pages and in mails are Taipei's. */
  public static final ZoneId TAIPEI = ZoneId.of("Asia/Taipei");

  /** Gregorian year minus this is the ROC year. */
  public static final int OFFSET = 1911;

  private RocDate() {}

  /**
   * Parses a form's seven-digit ROC date; empty when the text is not seven digits or names no real
   * day (year 0 does not exist, nor does 1100230).
   */
  public static Optional<LocalDate> parse(String text) {
    if (text == null || !text.trim().matches("[0-9]{7}")) {
      return Optional.empty();
    }
    String digits = text.trim();
    int year = Integer.parseInt(digits.substring(0, 3));
    int month = Integer.parseInt(digits.substring(3, 5));
    int day = Integer.parseInt(digits.substring(5, 7));
    if (year == 0) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.of(year + OFFSET, month, day));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  /** The seven-digit form value of a date ({@code 1972-01-01} → {@code 0610101}). */
  public static String toDigits(LocalDate date) {
    int year = rocYear(date);
    return String.format("%03d%02d%02d", year, date.getMonthValue(), date.getDayOfMonth());
  }

  /** The short page form: {@code 111/11/10}. */
  public static String slashed(LocalDate date) {
    return String.format("%d/%02d/%02d", rocYear(date), date.getMonthValue(), date.getDayOfMonth());
  }

  /** The long page form with time, as on the change-password page: {@code 111年5月31日 15時58分}. */
  public static String written(LocalDateTime time) {
    return String.format("%d年%d月%d日 %d時%d分", rocYear(time.toLocalDate()), time.getMonthValue(),
        time.getDayOfMonth(), time.getHour(), time.getMinute());
  }

  private static int rocYear(LocalDate date) {
    int year = date.getYear() - OFFSET;
    if (year < 1 || year > 999) {
      throw new IllegalArgumentException("no three-digit ROC year for " + date);
    }
    return year;
  }
}
