package tw.ecpa.portal.questionnaire;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tw.ecpa.portal.account.Account;
import tw.ecpa.portal.account.Role;
import tw.ecpa.portal.identity.IdNumber;
import tw.ecpa.portal.people.Organization;
import tw.ecpa.portal.people.People;
import tw.ecpa.portal.people.Person;
import tw.ecpa.portal.people.PersonStatus;
import tw.ecpa.portal.time.RocDate;
import tw.ecpa.portal.todo.TodoList;

/**
 * 問卷管理: HR officers and HR heads write questionnaires of their organization as drafts (未發布問卷),
 * keep templates (範本問卷) and start new drafts from them, keep respondent groups (填答人群組維護: by
 * organization or by list) and publish a draft to a group with an opening and a closing time
 * (已發布問卷); from then on its questions no longer change, and each respondent gets a to-do. The
 * respondents' side is {@link QuestionnaireAnswers}. Results count each option over the submitted
 * responses; the 人事總處問卷統計 role reads every organization's results.
 */
public final class Questionnaires {

  private static final Set<Role> MANAGERS = Set.of(Role.HR_OFFICER, Role.HR_HEAD);

  private final QuestionnaireStore store;
  private final People people;
  private final TodoList todos;
  private final Clock clock;

  /** Creates the service over its store, the people, the to-do list and the clock. */
  public Questionnaires(QuestionnaireStore store, People people, TodoList todos, Clock clock) {
    this.store = store;
    this.people = people;
    this.todos = todos;
    this.clock = clock;
  }

  /** A draft's content as the editor sends it. */
  public record Content(String title, String description, List<Question> questions) {}

  /** One line of 人事總處問卷統計: a published questionnaire with its response rate. */
  public record Summary(Questionnaire questionnaire, String organizationName, int respondents, int submitted) {}

  // ---- managing -------------------------------------------------------------------------------------

  /** The organization an account manages questionnaires of, when it holds an HR role. */
  public Optional<String> managedOrganization(Account account) {
    if (account.roles().stream().noneMatch(MANAGERS::contains)) {
      return Optional.empty();
    }
    return people.find(account.idNumber()).map(Person::organizationCode);
  }

  /** Whether an account reads every organization's results (人事總處問卷統計/資料下載). */
  public static boolean headquarters(Account account) {
    return account.roles().contains(Role.HEADQUARTERS_STATISTICS);
  }

  /** Creates a draft, empty or from one of the organization's templates. */
  public Outcome<Questionnaire> create(Account account, Content content, Long fromTemplate) {
    Optional<String> org = managedOrganization(account);
    if (org.isEmpty()) {
      return new Outcome.Forbidden<>();
    }
    Content start = content;
    if (fromTemplate != null) {
      Optional<Questionnaire> template = store.find(fromTemplate)
          .filter(t -> t.status() == QuestionnaireStatus.TEMPLATE && t.organizationCode().equals(org.get()));
      if (template.isEmpty()) {
        return new Outcome.NotFound<>();
      }
      Questionnaire t = template.get();
      start = new Content(content.title() == null || content.title().isBlank() ? t.title() : content.title(),
          content.description() == null ? t.description() : content.description(), t.questions());
    }
    Optional<String> problem = problem(start);
    if (problem.isPresent()) {
      return new Outcome.Invalid<>(problem.get());
    }
    return new Outcome.Done<>(insert(org.get(), start, QuestionnaireStatus.DRAFT));
  }

  /** Replaces a draft's or template's title, description and questions; a published one refuses. */
  public Outcome<Questionnaire> edit(Account account, long id, Content content) {
    Outcome<Questionnaire> owned = owned(account, id);
    if (!(owned instanceof Outcome.Done<Questionnaire>)) {
      return owned;
    }
    if (((Outcome.Done<Questionnaire>) owned).value().status() == QuestionnaireStatus.PUBLISHED) {
      return new Outcome.Published<>();
    }
    Optional<String> problem = problem(content);
    if (problem.isPresent()) {
      return new Outcome.Invalid<>(problem.get());
    }
    if (!store.replaceContent(id, content.title().strip(), blankToNull(content.description()),
        content.questions())) {
      return new Outcome.Published<>();
    }
    return new Outcome.Done<>(store.find(id).orElseThrow());
  }

  /** Puts a draft's questions in a new order, given as every question key once. */
  public Outcome<Questionnaire> reorder(Account account, long id, List<String> keys) {
    Outcome<Questionnaire> owned = owned(account, id);
    if (!(owned instanceof Outcome.Done<Questionnaire> done)) {
      return owned;
    }
    Questionnaire q = done.value();
    if (q.status() == QuestionnaireStatus.PUBLISHED) {
      return new Outcome.Published<>();
    }
    if (keys.size() != q.questions().size() || !new HashSet<>(keys).equals(
        q.questions().stream().map(Question::key).collect(java.util.stream.Collectors.toSet()))) {
      return new Outcome.Invalid<>("新的題目順序須列出每一題各一次。");
    }
    List<Question> ordered = keys.stream().map(k -> q.question(k).orElseThrow()).toList();
    return edit(account, id, new Content(q.title(), q.description(), ordered));
  }

  /** Saves a copy of a questionnaire as a template (範本問卷) of the organization. */
  public Outcome<Questionnaire> saveAsTemplate(Account account, long id) {
    Outcome<Questionnaire> owned = owned(account, id);
    if (!(owned instanceof Outcome.Done<Questionnaire> done)) {
      return owned;
    }
    Questionnaire q = done.value();
    return new Outcome.Done<>(insert(q.organizationCode(), new Content(q.title(), q.description(), q.questions()),
        QuestionnaireStatus.TEMPLATE));
  }

  /** A questionnaire the account manages (or, published, reads as headquarters). */
  public Outcome<Questionnaire> managed(Account account, long id) {
    Optional<Questionnaire> q = store.find(id);
    if (q.isPresent() && q.get().status() == QuestionnaireStatus.PUBLISHED && headquarters(account)) {
      return new Outcome.Done<>(q.get());
    }
    return owned(account, id);
  }

  /** The organization's questionnaires of one status (已發布問卷, 未發布問卷, 範本問卷). */
  public Outcome<List<Questionnaire>> list(Account account, QuestionnaireStatus status) {
    Optional<String> org = managedOrganization(account);
    return org.isEmpty() ? new Outcome.Forbidden<>() : new Outcome.Done<>(store.ofOrganization(org.get(), status));
  }

  /**
   * Publishes a draft to a respondent group of the organization with its opening and closing times;
   * every member serving then becomes a respondent and gets a to-do linking to the fill-in page.
   */
  public Outcome<Questionnaire> publish(Account account, long id, long groupId, Instant opensAtGiven,
      Instant closesAtGiven) {
    // Whole seconds: a database keeps microseconds at most and could round an opening time past now.
    Instant opensAt = opensAtGiven == null ? null : opensAtGiven.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    Instant closesAt = closesAtGiven == null ? null : closesAtGiven.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    Outcome<Questionnaire> owned = owned(account, id);
    if (!(owned instanceof Outcome.Done<Questionnaire> done)) {
      return owned;
    }
    Questionnaire q = done.value();
    if (q.status() != QuestionnaireStatus.DRAFT) {
      return q.status() == QuestionnaireStatus.PUBLISHED ? new Outcome.Published<>()
          : new Outcome.Invalid<>("範本問卷無法發布；請以範本新增問卷後再發布。");
    }
    if (q.questions().isEmpty()) {
      return new Outcome.Invalid<>("問卷至少須有一題才能發布。");
    }
    Instant now = clock.instant();
    if (opensAt == null || closesAt == null || !closesAt.isAfter(opensAt)) {
      return new Outcome.Invalid<>("請設定填答開始及截止時間，截止時間須晚於開始時間。");
    }
    if (!closesAt.isAfter(now)) {
      return new Outcome.Invalid<>("截止時間須晚於現在。");
    }
    Optional<RespondentGroup> group = store.group(groupId).filter(g -> g.organizationCode().equals(q.organizationCode()));
    if (group.isEmpty()) {
      return new Outcome.Invalid<>("請選擇本機關的填答人群組。");
    }
    List<IdNumber> respondents = members(group.get());
    if (respondents.isEmpty()) {
      return new Outcome.Invalid<>("此填答人群組目前沒有在職人員，請先維護填答人群組。");
    }
    if (!store.publish(id, groupId, opensAt, closesAt, now, respondents)) {
      return new Outcome.Published<>();
    }
    Instant from = opensAt.isAfter(now) ? opensAt : now;
    LocalDate day = LocalDate.ofInstant(from, TodoList.TAIPEI);
    todos.assign(respondents, day, "填寫問卷：" + q.title(),
        "請於 " + RocDate.written(LocalDateTime.ofInstant(closesAt, TodoList.TAIPEI)) + " 前至問卷專區填寫問卷。",
        "/questionnaires/fill.html?id=" + id, "questionnaire:" + id);
    return new Outcome.Done<>(store.find(id).orElseThrow());
  }

  /** How many people a questionnaire was published to. */
  public int respondentCount(long id) {
    return store.respondentCount(id);
  }

  /** The people a group names now: the serving staff of its organization, or its listed serving people. */
  List<IdNumber> members(RespondentGroup group) {
    List<Person> found = new ArrayList<>();
    if (group.kind() == RespondentGroup.Kind.ORGANIZATION) {
      found.addAll(people.ofOrganization(group.targetOrganization()));
    } else {
      group.members().forEach(m -> people.find(m).ifPresent(found::add));
    }
    return found.stream().filter(p -> p.status() == PersonStatus.ACTIVE).map(Person::idNumber).toList();
  }

  /**
   * Creates a respondent group: everyone of the organization or of one under it, or a list of identity
   * numbers of people serving there.
   */
  public Outcome<RespondentGroup> createGroup(Account account, String name, RespondentGroup.Kind kind,
      String targetOrganization, List<String> idNumbers) {
    Optional<String> org = managedOrganization(account);
    if (org.isEmpty()) {
      return new Outcome.Forbidden<>();
    }
    if (name == null || name.isBlank() || name.strip().length() > 100) {
      return new Outcome.Invalid<>("請輸入群組名稱（最多100字）。");
    }
    if (kind == null) {
      return new Outcome.Invalid<>("請選擇群組方式：依機關或依名單。");
    }
    if (kind == RespondentGroup.Kind.ORGANIZATION) {
      String target = targetOrganization == null || targetOrganization.isBlank() ? org.get() : targetOrganization.strip();
      if (!within(target, org.get())) {
        return new Outcome.Invalid<>("僅能選擇本機關或所屬機關。");
      }
      RespondentGroup g = new RespondentGroup(0, org.get(), name.strip(), kind, target, List.of());
      return new Outcome.Done<>(store.group(store.createGroup(g)).orElseThrow());
    }
    Set<IdNumber> members = new LinkedHashSet<>();
    List<String> wrong = new ArrayList<>();
    for (String typed : idNumbers == null ? List.<String>of() : idNumbers) {
      Optional<Person> person = IdNumber.parse(typed == null ? "" : typed.strip().toUpperCase(java.util.Locale.ROOT))
          .flatMap(people::find).filter(p -> within(p.organizationCode(), org.get()));
      if (person.isPresent()) {
        members.add(person.get().idNumber());
      } else {
        wrong.add(IdNumber.mask(typed == null ? "" : typed.strip()));
      }
    }
    if (!wrong.isEmpty()) {
      return new Outcome.Invalid<>("下列身分證字號查無本機關（含所屬機關）人員：" + String.join("、", wrong) + "。");
    }
    if (members.isEmpty() || members.size() > 5000) {
      return new Outcome.Invalid<>("請輸入填答人身分證字號（1至5000人）。");
    }
    RespondentGroup g = new RespondentGroup(0, org.get(), name.strip(), kind, null, List.copyOf(members));
    return new Outcome.Done<>(store.group(store.createGroup(g)).orElseThrow());
  }

  /** The organization's respondent groups. */
  public Outcome<List<RespondentGroup>> groups(Account account) {
    Optional<String> org = managedOrganization(account);
    return org.isEmpty() ? new Outcome.Forbidden<>() : new Outcome.Done<>(store.groups(org.get()));
  }

  /** How many people a group names now. */
  public int groupSize(RespondentGroup group) {
    return members(group).size();
  }

  /** Counts and percentages per question over the submitted responses, with the free-text answers. */
  public Outcome<Results> results(Account account, long id) {
    Outcome<Questionnaire> managed = managed(account, id);
    if (!(managed instanceof Outcome.Done<Questionnaire> done)) {
      return cast(managed);
    }
    return new Outcome.Done<>(ResultsTally.of(done.value(), store));
  }

  /** The 資料下載 CSV of the submitted responses. */
  public Outcome<byte[]> csv(Account account, long id) {
    Outcome<Questionnaire> managed = managed(account, id);
    if (!(managed instanceof Outcome.Done<Questionnaire> done)) {
      return cast(managed);
    }
    return new Outcome.Done<>(QuestionnaireCsv.write(done.value(), store.submittedResponses(id)));
  }

  /** 人事總處問卷統計: every published questionnaire with its response rate (headquarters role only). */
  public Outcome<List<Summary>> statistics(Account account) {
    if (!headquarters(account)) {
      return new Outcome.Forbidden<>();
    }
    Map<String, String> names = new LinkedHashMap<>();
    List<Summary> out = new ArrayList<>();
    for (Questionnaire q : store.published()) {
      String name = names.computeIfAbsent(q.organizationCode(),
          code -> people.organization(code).map(Organization::name).orElse(code));
      out.add(new Summary(q, name, store.respondentCount(q.id()), store.submittedResponses(q.id()).size()));
    }
    return new Outcome.Done<>(out);
  }

  // ---- helpers --------------------------------------------------------------------------------------

  private Outcome<Questionnaire> owned(Account account, long id) {
    Optional<String> org = managedOrganization(account);
    if (org.isEmpty()) {
      return new Outcome.Forbidden<>();
    }
    Optional<Questionnaire> q = store.find(id);
    if (q.isEmpty()) {
      return new Outcome.NotFound<>();
    }
    return q.get().organizationCode().equals(org.get()) ? new Outcome.Done<>(q.get()) : new Outcome.Forbidden<>();
  }

  private Questionnaire insert(String org, Content content, QuestionnaireStatus status) {
    Questionnaire draft = new Questionnaire(0, org, content.title().strip(), blankToNull(content.description()),
        status, null, null, null, clock.instant(), null, content.questions());
    return store.find(store.create(draft)).orElseThrow();
  }

  /** Whether an organization is this one or one under it. */
  private boolean within(String code, String top) {
    String at = code;
    for (int depth = 0; at != null && depth < 20; depth++) {
      if (at.equals(top)) {
        return true;
      }
      at = people.organization(at).map(Organization::parentCode).orElse(null);
    }
    return false;
  }

  private static Optional<String> problem(Content content) {
    if (content.title() == null || content.title().isBlank() || content.title().strip().length() > 200) {
      return Optional.of("請輸入問卷名稱（最多200字）。");
    }
    if (content.description() != null && content.description().length() > 2000) {
      return Optional.of("問卷說明最多2000字。");
    }
    if (content.questions().size() > Question.MAX_QUESTIONS) {
      return Optional.of("問卷最多" + Question.MAX_QUESTIONS + "題。");
    }
    Set<String> keys = new HashSet<>();
    for (Question q : content.questions()) {
      Optional<String> problem = q.problem();
      if (problem.isPresent()) {
        return problem;
      }
      if (!keys.add(q.key())) {
        return Optional.of("題目代碼不可重複：" + q.key() + "。");
      }
    }
    return Optional.empty();
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }

  @SuppressWarnings("unchecked")
  private static <T> Outcome<T> cast(Outcome<?> refusal) {
    return (Outcome<T>) refusal;
  }
}
