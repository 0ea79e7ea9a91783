package tw.ecpa.portal.questionnaire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tw.ecpa.portal.account.Account;
import tw.ecpa.portal.account.Role;
import tw.ecpa.portal.jdbc.Database;
import tw.ecpa.portal.people.Organization;
import tw.ecpa.portal.people.Person;
import tw.ecpa.portal.people.PersonStatus;
import tw.ecpa.portal.questionnaire.jdbc.JdbcQuestionnaires;
import tw.ecpa.portal.testing.PortalFixture;
import tw.ecpa.portal.todo.Todo;
import tw.ecpa.portal.todo.TodoList;
import tw.ecpa.portal.todo.jdbc.JdbcTodos;

/** 問卷管理 end to end over the stores on H2: drafts, publishing, answering, closing, results. */
class QuestionnairesTest {

  private static final AtomicInteger SEQUENCE = new AtomicInteger();
  static Database database;

  PortalFixture f;
  Questionnaires questionnaires;
  QuestionnaireAnswers answers;
  TodoList todos;
  JdbcTodos todoStore;
  String org;
  String sub;
  Account officer;
  Person employee;
  Person colleague;
  Person subordinate;

  @BeforeAll
  static void open() {
    database = Database.open(Database.Location.inMemory("questionnaires"), 4);
  }

  @AfterAll
  static void close() {
    database.close();
  }

  @BeforeEach
  void fixture() {
    f = new PortalFixture(database);
    todoStore = new JdbcTodos(database);
    todos = new TodoList(todoStore, f.clock);
    JdbcQuestionnaires store = new JdbcQuestionnaires(database);
    questionnaires = new Questionnaires(store, f.people, todos, f.clock);
    answers = new QuestionnaireAnswers(store, f.clock);
    org = "QO" + SEQUENCE.incrementAndGet();
    sub = org + "S";
    officer = account(f.person(org), Role.HR_OFFICER);
    employee = f.person(org);
    colleague = f.person(org);
    subordinate = f.person(sub);
    // The fixture saves organizations at the top; this test needs the tree and the names.
    f.people.save(new Organization(org, "測試機關", null));
    f.people.save(new Organization(sub, "測試所屬機關", org));
  }

  static Account account(Person person, Role... roles) {
    return new Account(SEQUENCE.incrementAndGet(), person.idNumber(), null, null, null, true, false, 0, null,
        Set.of(roles));
  }

  static List<Question> questions() {
    return List.of(
        new Question("q1", QuestionKind.SINGLE, "頻率", true, List.of("每天", "每週"), 0),
        new Question("q2", QuestionKind.MULTIPLE, "登入方式", false, List.of("密碼", "憑證", "健保卡"), 0),
        new Question("q3", QuestionKind.TEXT, "建議", true, List.of(), 0),
        new Question("q4", QuestionKind.RATING, "滿意度", false, List.of(), 5));
  }

  static <T> T done(Outcome<T> outcome) {
    assertInstanceOf(Outcome.Done.class, outcome, String.valueOf(outcome));
    return ((Outcome.Done<T>) outcome).value();
  }

  Questionnaire draft() {
    return done(questionnaires.create(officer, new Questionnaires.Content("問卷", "說明", questions()), null));
  }

  RespondentGroup organizationGroup(String target) {
    return done(questionnaires.createGroup(officer, "全體", RespondentGroup.Kind.ORGANIZATION, target, List.of()));
  }

  Questionnaire published(RespondentGroup group, Duration open) {
    Questionnaire q = draft();
    return done(questionnaires.publish(officer, q.id(), group.id(), f.clock.instant(), f.clock.instant().plus(open)));
  }

  static Map<String, List<String>> full() {
    return Map.of("q1", List.of("每週"), "q2", List.of("密碼", "健保卡"), "q3", List.of("很好"), "q4", List.of("4"));
  }

  @Test
  void lifecycle_draftPublishedClosed() {
    Questionnaire q = draft();
    assertEquals(QuestionnaireStatus.DRAFT, q.status());
    assertEquals(Questionnaire.Phase.UNPUBLISHED, q.phase(f.clock.instant()));
    Questionnaire edited = done(questionnaires.edit(officer, q.id(),
        new Questionnaires.Content("新名稱", null, questions().subList(0, 2))));
    assertEquals("新名稱", edited.title());
    assertEquals(2, edited.questions().size());

    Questionnaire p = done(questionnaires.publish(officer, q.id(), organizationGroup(org).id(),
        f.clock.instant().plus(Duration.ofHours(1)), f.clock.instant().plus(Duration.ofDays(1))));
    assertEquals(QuestionnaireStatus.PUBLISHED, p.status());
    assertEquals(Questionnaire.Phase.NOT_YET_OPEN, p.phase(f.clock.instant()));
    assertInstanceOf(Outcome.NotYetOpen.class, answers.answer(employee.idNumber(), q.id(), full(), false));
    f.clock.advance(Duration.ofHours(1));
    assertEquals(Questionnaire.Phase.OPEN, p.phase(f.clock.instant()));
    f.clock.advance(Duration.ofDays(1));
    assertEquals(Questionnaire.Phase.CLOSED, p.phase(f.clock.instant()));
    assertInstanceOf(Outcome.Closed.class, answers.form(employee.idNumber(), q.id()));
    assertInstanceOf(Outcome.Closed.class, answers.answer(employee.idNumber(), q.id(),
        Map.of("q1", List.of("每天")), true));
    assertTrue(answers.pending(employee.idNumber()).isEmpty());
  }

  @Test
  void published_questionsNoLongerChange() {
    Questionnaire p = published(organizationGroup(org), Duration.ofDays(1));
    assertInstanceOf(Outcome.Published.class, questionnaires.edit(officer, p.id(),
        new Questionnaires.Content("改", null, questions())));
    assertInstanceOf(Outcome.Published.class, questionnaires.reorder(officer, p.id(), List.of("q4", "q3", "q2", "q1")));
    assertInstanceOf(Outcome.Published.class, questionnaires.publish(officer, p.id(), p.groupId(),
        f.clock.instant(), f.clock.instant().plus(Duration.ofDays(2))));
  }

  @Test
  void publish_openingNowWithNanoseconds_isOpenAtOnce() {
    f.clock.advance(Duration.ofNanos(999_999_500));
    Questionnaire p = published(organizationGroup(org), Duration.ofDays(1));
    assertEquals(Questionnaire.Phase.OPEN, p.phase(f.clock.instant()));
    assertInstanceOf(Outcome.Done.class, answers.answer(employee.idNumber(), p.id(), full(), false));
  }

  @Test
  void reorder_needsEveryKeyOnce() {
    Questionnaire q = draft();
    Questionnaire reordered = done(questionnaires.reorder(officer, q.id(), List.of("q4", "q3", "q2", "q1")));
    assertEquals(List.of("q4", "q3", "q2", "q1"), reordered.questions().stream().map(Question::key).toList());
    assertInstanceOf(Outcome.Invalid.class, questionnaires.reorder(officer, q.id(), List.of("q1", "q1", "q2", "q3")));
  }

  @Test
  void invalidQuestions_refused() {
    assertInstanceOf(Outcome.Invalid.class, questionnaires.create(officer, new Questionnaires.Content("x", null,
        List.of(new Question("q1", QuestionKind.SINGLE, "只有一個選項", true, List.of("是"), 0))), null));
    assertInstanceOf(Outcome.Invalid.class, questionnaires.create(officer, new Questionnaires.Content("x", null,
        List.of(new Question("q1", QuestionKind.RATING, "評分", true, List.of(), 1))), null));
    assertInstanceOf(Outcome.Invalid.class, questionnaires.create(officer, new Questionnaires.Content(" ", null,
        List.of()), null));
  }

  @Test
  void managing_onlyHrStaffOfTheOrganization() {
    Questionnaire q = draft();
    Account otherOfficer = account(f.person("QX" + SEQUENCE.incrementAndGet()), Role.HR_OFFICER);
    assertInstanceOf(Outcome.Forbidden.class, questionnaires.edit(otherOfficer, q.id(),
        new Questionnaires.Content("x", null, questions())));
    assertInstanceOf(Outcome.Forbidden.class, questionnaires.results(otherOfficer, q.id()));
    assertInstanceOf(Outcome.Forbidden.class, questionnaires.create(account(employee, Role.EMPLOYEE),
        new Questionnaires.Content("x", null, questions()), null));
    assertInstanceOf(Outcome.NotFound.class, questionnaires.edit(officer, 999_999L,
        new Questionnaires.Content("x", null, questions())));
  }

  @Test
  void oneResponsePerPerson_resumeAfterDraftThenSubmitOnce() {
    Questionnaire p = published(organizationGroup(org), Duration.ofDays(1));
    QuestionnaireAnswers.Pending pending = answers.pending(employee.idNumber()).get(0);
    assertFalse(pending.started());

    // 下次再填: a partial draft, required questions still open.
    Response draft = done(answers.answer(employee.idNumber(), p.id(), Map.of("q1", List.of("每天")), false));
    assertFalse(draft.submitted());
    assertTrue(answers.pending(employee.idNumber()).get(0).started());
    f.clock.advance(Duration.ofHours(3));
    QuestionnaireAnswers.Form resumed = done(answers.form(employee.idNumber(), p.id()));
    assertEquals(List.of("每天"), resumed.response().orElseThrow().answer("q1"));

    Outcome<Response> missing = answers.answer(employee.idNumber(), p.id(), Map.of("q1", List.of("每天")), true);
    assertEquals(List.of("q3"), ((Outcome.Invalid<Response>) missing).questions());
    Response submitted = done(answers.answer(employee.idNumber(), p.id(), full(), true));
    assertTrue(submitted.submitted());
    assertEquals(f.clock.instant(), submitted.submittedAt());
    assertTrue(answers.pending(employee.idNumber()).isEmpty());

    assertInstanceOf(Outcome.AlreadySubmitted.class, answers.answer(employee.idNumber(), p.id(), full(), true));
    assertInstanceOf(Outcome.AlreadySubmitted.class,
        answers.answer(employee.idNumber(), p.id(), Map.of("q1", List.of("每天")), false));
    assertEquals(List.of("每週"), done(answers.form(employee.idNumber(), p.id())).response().orElseThrow()
        .answer("q1"), "the submitted answers stay");
  }

  @Test
  void answers_mustFitTheirQuestions() {
    Questionnaire p = published(organizationGroup(org), Duration.ofDays(1));
    assertInstanceOf(Outcome.Invalid.class, answers.answer(employee.idNumber(), p.id(),
        Map.of("q1", List.of("每月")), false));
    assertInstanceOf(Outcome.Invalid.class, answers.answer(employee.idNumber(), p.id(),
        Map.of("q1", List.of("每天", "每週")), false));
    assertInstanceOf(Outcome.Invalid.class, answers.answer(employee.idNumber(), p.id(),
        Map.of("q4", List.of("6")), false));
    assertInstanceOf(Outcome.Invalid.class, answers.answer(employee.idNumber(), p.id(),
        Map.of("q9", List.of("x")), false));
    assertInstanceOf(Outcome.Invalid.class, answers.answer(employee.idNumber(), p.id(),
        Map.of("q3", List.of("字".repeat(Question.MAX_TEXT + 1))), false));
  }

  @Test
  void groupByOrganization_reachesItsServingStaffOnly() {
    Person offDuty = new Person(PortalFixture.freshId(), "離職者", LocalDate.of(1970, 1, 1), org,
        LocalDate.of(2000, 1, 1), PersonStatus.OFF_DUTY, null, null);
    f.people.save(offDuty);
    Questionnaire p = published(organizationGroup(org), Duration.ofDays(1));
    assertEquals(1, answers.pending(employee.idNumber()).size());
    assertEquals(1, answers.pending(colleague.idNumber()).size());
    assertTrue(answers.pending(subordinate.idNumber()).isEmpty(), "another organization");
    assertTrue(answers.pending(offDuty.idNumber()).isEmpty());
    assertInstanceOf(Outcome.NotFound.class, answers.form(subordinate.idNumber(), p.id()));
    assertEquals(3, questionnaires.respondentCount(p.id()), "officer, employee, colleague");

    // An organization under the caller's may be targeted; one outside may not.
    published(organizationGroup(sub), Duration.ofDays(1));
    assertEquals(1, answers.pending(subordinate.idNumber()).size());
    assertInstanceOf(Outcome.Invalid.class, questionnaires.createGroup(officer, "外機關",
        RespondentGroup.Kind.ORGANIZATION, "QX-none", List.of()));
  }

  @Test
  void groupByList_reachesTheListedPeopleOnly() {
    RespondentGroup list = done(questionnaires.createGroup(officer, "名單", RespondentGroup.Kind.LIST, null,
        List.of(colleague.idNumber().value(), subordinate.idNumber().value().toLowerCase())));
    assertEquals(2, list.members().size());
    published(list, Duration.ofDays(1));
    assertTrue(answers.pending(employee.idNumber()).isEmpty());
    assertEquals(1, answers.pending(colleague.idNumber()).size());
    assertEquals(1, answers.pending(subordinate.idNumber()).size());

    Person outsider = f.person("QY" + SEQUENCE.incrementAndGet());
    assertInstanceOf(Outcome.Invalid.class, questionnaires.createGroup(officer, "外人", RespondentGroup.Kind.LIST,
        null, List.of(outsider.idNumber().value())));
    assertInstanceOf(Outcome.Invalid.class, questionnaires.createGroup(officer, "空", RespondentGroup.Kind.LIST,
        null, List.of()));
  }

  @Test
  void publishing_createsAToDoPerRespondentOnce() {
    Questionnaire p = published(organizationGroup(org), Duration.ofDays(2));
    LocalDate today = todos.today();
    List<Todo> items = todos.window(employee.idNumber(), today, 1).items();
    assertEquals(1, items.size());
    assertEquals("/questionnaires/fill.html?id=" + p.id(), items.get(0).link());
    assertTrue(items.get(0).subject().contains("問卷"));
    assertEquals(0, todos.assign(List.of(employee.idNumber()), today, "x", null, null, "questionnaire:" + p.id()));
  }

  @Test
  void publishing_refusesBadTimesEmptyQuestionnairesAndForeignGroups() {
    RespondentGroup group = organizationGroup(org);
    Questionnaire q = draft();
    Instant now = f.clock.instant();
    assertInstanceOf(Outcome.Invalid.class, questionnaires.publish(officer, q.id(), group.id(), now, now));
    assertInstanceOf(Outcome.Invalid.class, questionnaires.publish(officer, q.id(), group.id(),
        now.minus(Duration.ofDays(2)), now.minus(Duration.ofDays(1))));
    Questionnaire empty = done(questionnaires.create(officer, new Questionnaires.Content("空", null, List.of()), null));
    assertInstanceOf(Outcome.Invalid.class, questionnaires.publish(officer, empty.id(), group.id(), now,
        now.plus(Duration.ofDays(1))));
    String other = "QZ" + SEQUENCE.incrementAndGet();
    Account otherOfficer = account(f.person(other), Role.HR_OFFICER);
    RespondentGroup foreign = done(questionnaires.createGroup(otherOfficer, "他機關", RespondentGroup.Kind.ORGANIZATION,
        null, List.of()));
    assertInstanceOf(Outcome.Invalid.class, questionnaires.publish(officer, q.id(), foreign.id(), now,
        now.plus(Duration.ofDays(1))));
  }

  @Test
  void templates_savedAndStartedFrom() {
    Questionnaire q = draft();
    Questionnaire template = done(questionnaires.saveAsTemplate(officer, q.id()));
    assertEquals(QuestionnaireStatus.TEMPLATE, template.status());
    Questionnaire started = done(questionnaires.create(officer, new Questionnaires.Content("", null, List.of()),
        template.id()));
    assertEquals(QuestionnaireStatus.DRAFT, started.status());
    assertEquals(q.title(), started.title());
    assertEquals(questions(), started.questions());
    assertInstanceOf(Outcome.NotFound.class, questionnaires.create(officer,
        new Questionnaires.Content("x", null, List.of()), q.id()), "a draft is not a template");
    assertInstanceOf(Outcome.Invalid.class, questionnaires.publish(officer, template.id(),
        organizationGroup(org).id(), f.clock.instant(), f.clock.instant().plus(Duration.ofDays(1))));
  }

  @Test
  void results_countsPercentagesTextsAndAverage() {
    Questionnaire p = published(organizationGroup(org), Duration.ofDays(1));
    done(answers.answer(employee.idNumber(), p.id(), full(), true));
    done(answers.answer(colleague.idNumber(), p.id(), Map.of("q1", List.of("每天"), "q2", List.of("密碼"),
        "q3", List.of("再加強"), "q4", List.of("2")), true));
    done(answers.answer(officer.idNumber(), p.id(), Map.of("q1", List.of("每天")), false));

    Results r = done(questionnaires.results(officer, p.id()));
    assertEquals(3, r.respondents());
    assertEquals(2, r.submitted());
    Results.QuestionResult q1 = r.questions().get(0);
    assertEquals(List.of(new Results.Count("每天", 1, 50.0), new Results.Count("每週", 1, 50.0)), q1.counts());
    Results.QuestionResult q2 = r.questions().get(1);
    assertEquals(new Results.Count("密碼", 2, 100.0), q2.counts().get(0));
    assertEquals(new Results.Count("憑證", 0, 0.0), q2.counts().get(1));
    assertEquals(List.of("很好", "再加強"), r.questions().get(2).texts());
    assertEquals(3.0, r.questions().get(3).average());
    assertNull(r.questions().get(2).average());

    String csv = new String(done(questionnaires.csv(officer, p.id())), java.nio.charset.StandardCharsets.UTF_8);
    assertTrue(csv.startsWith("\uFEFF頻率,登入方式,建議,滿意度\r\n"), csv);
    assertEquals(3, csv.split("\r\n").length, "the header and two submitted responses");
  }

  @Test
  void matrix_everyRowScored_resultsPerRow() {
    Question matrix = new Question("m", QuestionKind.MATRIX, "各項服務滿意度", true, List.of("登入", "查詢", "下載"), 5);
    Questionnaire q = done(questionnaires.create(officer, new Questionnaires.Content("矩陣", null, List.of(matrix)), null));
    Questionnaire p = done(questionnaires.publish(officer, q.id(), organizationGroup(org).id(), f.clock.instant(),
        f.clock.instant().plus(Duration.ofDays(1))));
    // Part of the rows is a draft; submitting needs them all.
    done(answers.answer(employee.idNumber(), p.id(), Map.of("m", List.of("0:5")), false));
    Outcome<Response> partial = answers.answer(employee.idNumber(), p.id(), Map.of("m", List.of("0:5")), true);
    assertEquals(List.of("m"), ((Outcome.Invalid<Response>) partial).questions());
    for (String wrong : List.of("3:1", "0:6", "0:0", "x", "1:2,1:3")) {
      assertInstanceOf(Outcome.Invalid.class, answers.answer(employee.idNumber(), p.id(),
          Map.of("m", List.of(wrong.split(","))), false), wrong);
    }
    assertInstanceOf(Outcome.Invalid.class, answers.answer(employee.idNumber(), p.id(),
        Map.of("m", List.of("1:2", "1:3")), false), "a row twice");
    done(answers.answer(employee.idNumber(), p.id(), Map.of("m", List.of("0:5", "1:3", "2:4")), true));
    done(answers.answer(colleague.idNumber(), p.id(), Map.of("m", List.of("2:2", "0:3", "1:3")), true));

    Results.QuestionResult result = done(questionnaires.results(officer, p.id())).questions().get(0);
    assertEquals(3, result.rows().size());
    Results.RowResult login = result.rows().get(0);
    assertEquals("登入", login.label());
    assertEquals(2, login.answered());
    assertEquals(4.0, login.average());
    assertEquals(new Results.Count("5", 1, 50.0), login.counts().get(4));
    assertEquals(3.0, result.rows().get(2).average());
    String csv = new String(done(questionnaires.csv(officer, p.id())), java.nio.charset.StandardCharsets.UTF_8);
    assertTrue(csv.contains("\r\n登入：3；查詢：3；下載：2\r\n"), csv);
  }

  @Test
  void statistics_forTheHeadquartersRoleAcrossOrganizations() {
    Questionnaire p = published(organizationGroup(org), Duration.ofDays(1));
    done(answers.answer(employee.idNumber(), p.id(), full(), true));
    Account headquarters = account(f.person("QH" + SEQUENCE.incrementAndGet()), Role.HEADQUARTERS_STATISTICS);
    Questionnaires.Summary line = done(questionnaires.statistics(headquarters)).stream()
        .filter(s -> s.questionnaire().id() == p.id()).findFirst().orElseThrow();
    assertEquals(3, line.respondents());
    assertEquals(1, line.submitted());
    assertEquals("測試機關", line.organizationName());
    assertEquals(1, done(questionnaires.results(headquarters, p.id())).submitted());
    assertInstanceOf(Outcome.Forbidden.class, questionnaires.statistics(officer));
  }
}
