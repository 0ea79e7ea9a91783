package tw.ecpa.portal.todo;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import tw.ecpa.portal.identity.IdNumber;

/**
 * 待辦事項: each person's dated items. The home page shows three days at a time — yesterday, today and
 * tomorrow in Taiwan — and pages by three days; the calendar (待辦行事曆) asks for a month. People add and
 * complete their own items; assigning a questionnaire adds one for each respondent.
 */
public final class TodoList {

  /** Taiwan time: what "today" means for the portal. */
  public static final ZoneId TAIPEI = ZoneId.of("Asia/Taipei");
  /** The days of the home page's window. */
  public static final int HOME_DAYS = 3;
  /** The longest window (six weeks: a calendar month with its leading and trailing days). */
  public static final int MAX_DAYS = 42;

  private final TodoStore store;
  private final Clock clock;

  /** Creates the service over its store and the clock. */
  public TodoList(TodoStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /** Today in Taiwan. */
  public LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), TAIPEI);
  }

  /** The home page's first window: yesterday, today and tomorrow. */
  public TodoWindow home(IdNumber idNumber) {
    return window(idNumber, today().minusDays(1), HOME_DAYS);
  }

  /**
   * A window of a person's items from a day for a number of days (1 to {@link #MAX_DAYS}); an
   * {@link IllegalArgumentException} for other lengths (the HTTP layer checks first).
   */
  public TodoWindow window(IdNumber idNumber, LocalDate from, int days) {
    if (days < 1 || days > MAX_DAYS) {
      throw new IllegalArgumentException("days out of range: " + days);
    }
    LocalDate to = from.plusDays(days - 1L);
    return new TodoWindow(from, to, today(), store.between(idNumber, from, to));
  }

  /** Adds one of the person's own items. */
  public TodoOutcome add(IdNumber idNumber, LocalDate date, String subject, String content) {
    if (subject == null || subject.isBlank() || subject.strip().length() > 200) {
      return new TodoOutcome.Invalid("請輸入主旨（最多200字）。");
    }
    if (content != null && content.length() > 2000) {
      return new TodoOutcome.Invalid("內容最多2000字。");
    }
    if (date == null) {
      return new TodoOutcome.Invalid("請輸入日期，例如：2026-11-24。");
    }
    Todo todo = new Todo(0, idNumber, date, subject.strip(), content == null || content.isBlank() ? null
        : content.strip(), null, null, clock.instant(), null);
    long id = store.add(todo);
    return new TodoOutcome.Done(new Todo(id, idNumber, date, todo.subject(), todo.content(), null, null,
        todo.createdAt(), null));
  }

  /** Marks one of the person's own items done. */
  public TodoOutcome complete(IdNumber idNumber, long id) {
    return store.complete(id, idNumber, clock.instant()) ? new TodoOutcome.Done(id) : new TodoOutcome.NotFound();
  }

  /**
   * Gives each person an item from a source (for example a questionnaire assigned to them); a person
   * who has an item from that source already gets no second one. Returns how many were added.
   */
  public int assign(Collection<IdNumber> people, LocalDate date, String subject, String content, String link,
      String source) {
    int added = 0;
    for (IdNumber person : people) {
      if (store.add(new Todo(0, person, date, subject, content, link, source, clock.instant(), null)) > 0) {
        added++;
      }
    }
    return added;
  }
}
