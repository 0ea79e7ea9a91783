package tw.ecpa.portal.todo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tw.ecpa.portal.identity.IdNumber;
import tw.ecpa.portal.jdbc.Database;
import tw.ecpa.portal.testing.MovableClock;
import tw.ecpa.portal.testing.PortalFixture;
import tw.ecpa.portal.todo.jdbc.JdbcTodos;

/** 待辦事項: the three-day window of the home page, paging by three days, Taiwan's "today". */
class TodoListTest {

  static Database database;
  PortalFixture f;
  MovableClock clock;
  TodoList todos;
  IdNumber me;

  @BeforeAll
  static void open() {
    database = Database.open(Database.Location.inMemory("todos"), 4);
  }

  @AfterAll
  static void close() {
    database.close();
  }

  @BeforeEach
  void fixture() {
    f = new PortalFixture(database);
    // 2022-11-10 00:30 in Taiwan is still 2022-11-09 in UTC: "today" must be Taiwan's.
    clock = new MovableClock(Instant.parse("2022-11-09T16:30:00Z"));
    todos = new TodoList(new JdbcTodos(database), clock);
    me = f.person("TD1").idNumber();
  }

  Todo add(LocalDate date, String subject) {
    return (Todo) ((TodoOutcome.Done) todos.add(me, date, subject, null)).value();
  }

  @Test
  void home_isYesterdayTodayTomorrowInTaiwan() {
    add(LocalDate.of(2022, 11, 8), "前天");
    add(LocalDate.of(2022, 11, 9), "OOO申請個人校對!!");
    add(LocalDate.of(2022, 11, 11), "明天");
    add(LocalDate.of(2022, 11, 12), "後天");
    TodoWindow home = todos.home(me);
    assertEquals(LocalDate.of(2022, 11, 10), home.today());
    assertEquals(LocalDate.of(2022, 11, 9), home.from());
    assertEquals(LocalDate.of(2022, 11, 11), home.to());
    assertEquals(List.of("OOO申請個人校對!!", "明天"), home.items().stream().map(Todo::subject).toList());
  }

  @Test
  void paging_byThreeDaysAsInTheSeed() {
    TodoWindow home = todos.home(me);
    // <<2022-11-06~2022-11-08 and 2022-11-12~2022-11-14>>
    assertEquals(LocalDate.of(2022, 11, 6), home.previousFrom());
    assertEquals(LocalDate.of(2022, 11, 12), home.nextFrom());
    TodoWindow previous = todos.window(me, home.previousFrom(), 3);
    assertEquals(LocalDate.of(2022, 11, 8), previous.to());
    add(LocalDate.of(2022, 11, 6), "第一天");
    add(LocalDate.of(2022, 11, 8), "最後一天");
    add(LocalDate.of(2022, 11, 5), "窗外");
    assertEquals(List.of("第一天", "最後一天"),
        todos.window(me, home.previousFrom(), 3).items().stream().map(Todo::subject).toList());
  }

  @Test
  void window_lengthsFromOneToSixWeeks() {
    assertEquals(1, todos.window(me, LocalDate.of(2022, 11, 1), 1).days());
    assertEquals(42, todos.window(me, LocalDate.of(2022, 10, 30), 42).days());
    assertThrows(IllegalArgumentException.class, () -> todos.window(me, LocalDate.of(2022, 11, 1), 0));
    assertThrows(IllegalArgumentException.class, () -> todos.window(me, LocalDate.of(2022, 11, 1), 43));
  }

  @Test
  void today_turnsAtMidnightTaiwanTime() {
    clock.advance(Duration.ofHours(23)); // 2022-11-10 23:30 in Taiwan
    assertEquals(LocalDate.of(2022, 11, 10), todos.today());
    clock.advance(Duration.ofMinutes(30));
    assertEquals(LocalDate.of(2022, 11, 11), todos.today());
  }

  @Test
  void complete_onlyOnesOwnItems() {
    Todo mine = add(LocalDate.of(2022, 11, 10), "我的");
    IdNumber other = f.person("TD2").idNumber();
    assertInstanceOf(TodoOutcome.NotFound.class, todos.complete(other, mine.id()));
    assertInstanceOf(TodoOutcome.Done.class, todos.complete(me, mine.id()));
    assertTrue(todos.home(me).items().get(0).done());
  }

  @Test
  void add_refusesBlankSubjectsAndMissingDates() {
    assertInstanceOf(TodoOutcome.Invalid.class, todos.add(me, LocalDate.of(2022, 11, 10), " ", null));
    assertInstanceOf(TodoOutcome.Invalid.class, todos.add(me, null, "主旨", null));
  }

  @Test
  void assign_addsOncePerSource() {
    IdNumber other = f.person("TD3").idNumber();
    LocalDate day = LocalDate.of(2022, 11, 10);
    assertEquals(2, todos.assign(List.of(me, other), day, "填寫問卷：X", "內容", "/q", "questionnaire:77"));
    assertEquals(0, todos.assign(List.of(me, other), day, "填寫問卷：X", "內容", "/q", "questionnaire:77"));
    assertEquals(1, todos.home(me).items().size());
  }
}
