package tw.ecpa.portal.todo;

import java.time.LocalDate;
import java.util.List;

/**
 * A window of days of a person's to-dos, as the home page pages through them three days at a time
 * (昨天、今天、明天, then 前3天 / 後3天) and the calendar (待辦行事曆) shows a month.
 *
 * @param from the first day
 * @param to the last day (inclusive)
 * @param today today in Taiwan
 * @param items the items of the window, by date
 */
public record TodoWindow(LocalDate from, LocalDate to, LocalDate today, List<Todo> items) {

  public TodoWindow {
    items = List.copyOf(items);
  }

  /** The first day of the window before this one, of the same length. */
  public LocalDate previousFrom() {
    return from.minusDays(days());
  }

  /** The first day of the window after this one. */
  public LocalDate nextFrom() {
    return to.plusDays(1);
  }

  /** The number of days in the window. */
  public int days() {
    return (int) (to.toEpochDay() - from.toEpochDay()) + 1;
  }
}
