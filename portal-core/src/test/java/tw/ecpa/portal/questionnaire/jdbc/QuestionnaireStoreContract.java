package tw.ecpa.portal.questionnaire.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tw.ecpa.portal.identity.IdNumber;
import tw.ecpa.portal.jdbc.Database;
import tw.ecpa.portal.jdbc.Jdbc;
import tw.ecpa.portal.people.Organization;
import tw.ecpa.portal.people.Person;
import tw.ecpa.portal.people.PersonStatus;
import tw.ecpa.portal.people.jdbc.JdbcPeople;
import tw.ecpa.portal.questionnaire.Question;
import tw.ecpa.portal.questionnaire.QuestionKind;
import tw.ecpa.portal.questionnaire.Questionnaire;
import tw.ecpa.portal.questionnaire.QuestionnaireStatus;
import tw.ecpa.portal.questionnaire.QuestionnaireStore.SaveResult;
import tw.ecpa.portal.questionnaire.RespondentGroup;
import tw.ecpa.portal.questionnaire.Response;
import tw.ecpa.portal.todo.Todo;
import tw.ecpa.portal.todo.jdbc.JdbcTodos;

/**
 * The questionnaire and to-do stores (V15) on both databases: the same tests run on H2 and on a real
 * PostgreSQL. Subclasses provide a migrated database; each test works in its own organization.
 */
abstract class QuestionnaireStoreContract {

  private static final AtomicInteger SEQUENCE = new AtomicInteger();
  static final Instant T0 = Instant.parse("2026-11-23T05:00:00Z");

  abstract Database database();

  JdbcPeople people;
  JdbcQuestionnaires store;
  JdbcTodos todos;
  String org;

  @BeforeEach
  void stores() {
    people = new JdbcPeople(database());
    store = new JdbcQuestionnaires(database());
    todos = new JdbcTodos(database());
    org = "QS" + SEQUENCE.incrementAndGet();
    people.save(new Organization(org, "問卷機關" + org, null));
  }

  IdNumber person() {
    int n = 20_000_000 + SEQUENCE.incrementAndGet();
    String body = "B1" + String.valueOf(n).substring(1);
    for (int check = 0; check <= 9; check++) {
      if (IdNumber.isValid(body + check)) {
        IdNumber id = IdNumber.parse(body + check).orElseThrow();
        people.save(new Person(id, "填答人", LocalDate.of(1980, 1, 1), org, LocalDate.of(2020, 1, 1),
            PersonStatus.ACTIVE, null, null));
        return id;
      }
    }
    throw new IllegalStateException();
  }

  static List<Question> questions() {
    return List.of(
        new Question("q1", QuestionKind.SINGLE, "單選, 題", true, List.of("是", "否"), 0),
        new Question("q2", QuestionKind.MULTIPLE, "複選", false, List.of("甲", "乙", "丙"), 0),
        new Question("q3", QuestionKind.TEXT, "問答", false, List.of(), 0),
        new Question("q4", QuestionKind.RATING, "評分", true, List.of(), 7),
        new Question("q5", QuestionKind.MATRIX, "矩陣", true, List.of("列一", "列二"), 4));
  }

  long draft() {
    return store.create(new Questionnaire(0, org, "問卷", "說明", QuestionnaireStatus.DRAFT, null, null, null, T0, null,
        questions()));
  }

  long group(List<IdNumber> members) {
    return store.createGroup(new RespondentGroup(0, org, "名單", RespondentGroup.Kind.LIST, null, members));
  }

  @Test
  void create_find_roundTripsEveryFieldAndTheOrder() {
    long id = draft();
    Questionnaire q = store.find(id).orElseThrow();
    assertEquals(org, q.organizationCode());
    assertEquals("問卷", q.title());
    assertEquals("說明", q.description());
    assertEquals(QuestionnaireStatus.DRAFT, q.status());
    assertEquals(T0, q.createdAt());
    assertNull(q.groupId());
    assertNull(q.opensAt());
    assertEquals(questions(), q.questions());
    assertTrue(store.find(-1).isEmpty());
    assertEquals(List.of(id), store.ofOrganization(org, QuestionnaireStatus.DRAFT).stream().map(Questionnaire::id).toList());
    assertTrue(store.ofOrganization(org, QuestionnaireStatus.TEMPLATE).isEmpty());
  }

  @Test
  void replaceContent_changesDraftsAndRefusesPublished() {
    long id = draft();
    List<Question> reversed = new ArrayList<>(questions());
    java.util.Collections.reverse(reversed);
    assertTrue(store.replaceContent(id, "新", null, reversed));
    assertEquals(reversed, store.find(id).orElseThrow().questions());
    assertNull(store.find(id).orElseThrow().description());
    IdNumber p = person();
    assertTrue(store.publish(id, group(List.of(p)), T0, T0.plus(Duration.ofDays(1)), T0, List.of(p)));
    assertFalse(store.replaceContent(id, "改", null, questions()));
    assertEquals(reversed, store.find(id).orElseThrow().questions());
  }

  @Test
  void publish_onceWithItsRespondents() {
    long id = draft();
    IdNumber a = person();
    IdNumber b = person();
    IdNumber outsider = person();
    long g = group(List.of(a, b));
    assertTrue(store.publish(id, g, T0, T0.plus(Duration.ofDays(1)), T0.plusSeconds(1), List.of(a, b)));
    Questionnaire q = store.find(id).orElseThrow();
    assertEquals(QuestionnaireStatus.PUBLISHED, q.status());
    assertEquals(g, q.groupId());
    assertEquals(T0.plus(Duration.ofDays(1)), q.closesAt());
    assertEquals(T0.plusSeconds(1), q.publishedAt());
    assertFalse(store.publish(id, g, T0, T0.plus(Duration.ofDays(2)), T0, List.of(outsider)));
    assertEquals(2, store.respondentCount(id));
    assertTrue(store.isRespondent(id, a));
    assertFalse(store.isRespondent(id, outsider));
    assertEquals(List.of(id), store.assignedTo(a).stream().map(Questionnaire::id).toList());
    assertTrue(store.assignedTo(outsider).isEmpty());
    assertTrue(store.published().stream().anyMatch(p -> p.id() == id));
  }

  @Test
  void publishedTimes_areCheckedByTheDatabase() {
    long id = draft();
    IdNumber a = person();
    assertThrows(Jdbc.StoreException.class, () -> store.publish(id, group(List.of(a)), T0, T0, T0, List.of(a)));
    assertEquals(QuestionnaireStatus.DRAFT, store.find(id).orElseThrow().status());
  }

  @Test
  void responses_draftReplacedThenSubmittedOnce() {
    long id = draft();
    IdNumber a = person();
    store.publish(id, group(List.of(a)), T0, T0.plus(Duration.ofDays(1)), T0, List.of(a));
    assertEquals(SaveResult.SAVED, store.saveResponse(id, a, Map.of("q2", List.of("甲", "丙")), false, T0));
    assertEquals(SaveResult.SAVED, store.saveResponse(id, a, Map.of("q1", List.of("是"), "q2", List.of("丙", "甲")),
        false, T0.plusSeconds(5)));
    Response draft = store.response(id, a).orElseThrow();
    assertFalse(draft.submitted());
    assertEquals(T0.plusSeconds(5), draft.savedAt());
    assertEquals(List.of("丙", "甲"), draft.answer("q2"), "values keep their order");
    assertEquals(List.of("是"), draft.answer("q1"));
    assertTrue(store.submittedResponses(id).isEmpty());

    assertEquals(SaveResult.SAVED, store.saveResponse(id, a, Map.of("q1", List.of("否"), "q4", List.of("7")), true,
        T0.plusSeconds(9)));
    assertEquals(SaveResult.ALREADY_SUBMITTED, store.saveResponse(id, a, Map.of("q1", List.of("是")), true, T0));
    assertEquals(SaveResult.ALREADY_SUBMITTED, store.saveResponse(id, a, Map.of("q1", List.of("是")), false, T0));
    Response submitted = store.response(id, a).orElseThrow();
    assertTrue(submitted.submitted());
    assertEquals(T0.plusSeconds(9), submitted.submittedAt());
    assertEquals(Map.of("q1", List.of("否"), "q4", List.of("7")), submitted.answers());
    assertEquals(1, store.submittedResponses(id).size());
  }

  @Test
  void responses_onePerPersonEvenWhenSubmittedAtOnce() throws Exception {
    long id = draft();
    IdNumber a = person();
    store.publish(id, group(List.of(a)), T0, T0.plus(Duration.ofDays(1)), T0, List.of(a));
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<SaveResult>> results = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        String value = i % 2 == 0 ? "是" : "否";
        results.add(pool.submit(() -> {
          start.await();
          return store.saveResponse(id, a, Map.of("q1", List.of(value)), true, T0);
        }));
      }
      start.countDown();
      int saved = 0;
      for (Future<SaveResult> r : results) {
        saved += r.get(20, TimeUnit.SECONDS) == SaveResult.SAVED ? 1 : 0;
      }
      assertEquals(1, saved);
    } finally {
      pool.shutdownNow();
    }
    assertEquals(1, store.submittedResponses(id).size());
    assertEquals(1, store.response(id, a).orElseThrow().answer("q1").size());
  }

  @Test
  void uniqueConstraint_refusesASecondResponseRow() {
    long id = draft();
    IdNumber a = person();
    store.publish(id, group(List.of(a)), T0, T0.plus(Duration.ofDays(1)), T0, List.of(a));
    store.saveResponse(id, a, Map.of(), false, T0);
    Jdbc jdbc = new Jdbc(database().dataSource());
    assertThrows(Jdbc.StoreException.class, () -> jdbc.update("INSERT INTO questionnaire_response"
        + " (questionnaire_id, id_number, status, saved_at) VALUES (?, ?, 'DRAFT', ?)", id, a.value(), T0));
  }

  @Test
  void groups_roundTripByOrganizationAndByList() {
    IdNumber a = person();
    long byList = group(List.of(a));
    long byOrg = store.createGroup(new RespondentGroup(0, org, "全體", RespondentGroup.Kind.ORGANIZATION, org, List.of()));
    RespondentGroup list = store.group(byList).orElseThrow();
    assertEquals(RespondentGroup.Kind.LIST, list.kind());
    assertEquals(List.of(a), list.members());
    assertNull(list.targetOrganization());
    RespondentGroup whole = store.group(byOrg).orElseThrow();
    assertEquals(org, whole.targetOrganization());
    assertTrue(whole.members().isEmpty());
    assertEquals(List.of("全體", "名單"), store.groups(org).stream().map(RespondentGroup::name).toList());
  }

  @Test
  void todos_windowCompleteAndOncePerSource() {
    IdNumber a = person();
    IdNumber b = person();
    LocalDate day = LocalDate.of(2026, 11, 23);
    long first = todos.add(new Todo(0, a, day, "今天", "內容", "/x", null, T0, null));
    long second = todos.add(new Todo(0, a, day.plusDays(2), "後天", null, null, "questionnaire:1", T0, null));
    assertTrue(first > 0 && second > first);
    assertEquals(0, todos.add(new Todo(0, a, day, "again", null, null, "questionnaire:1", T0, null)));
    assertTrue(todos.add(new Todo(0, b, day, "b", null, null, "questionnaire:1", T0, null)) > 0);
    todos.add(new Todo(0, a, day.minusDays(1), "昨天", null, null, null, T0, null));

    List<Todo> window = todos.between(a, day, day.plusDays(2));
    assertEquals(List.of("今天", "後天"), window.stream().map(Todo::subject).toList());
    Todo today = window.get(0);
    assertEquals("內容", today.content());
    assertEquals("/x", today.link());
    assertEquals(T0, today.createdAt());
    assertFalse(today.done());
    assertFalse(todos.complete(first, b, T0), "not b's");
    assertTrue(todos.complete(first, a, T0.plusSeconds(1)));
    assertTrue(todos.complete(first, a, T0.plusSeconds(9)));
    assertEquals(T0.plusSeconds(1), todos.between(a, day, day).get(0).doneAt(), "the first completion stays");
  }
}
