package tw.ecpa.portal.questionnaire.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tw.ecpa.portal.identity.IdNumber;
import tw.ecpa.portal.jdbc.Database;
import tw.ecpa.portal.jdbc.Jdbc;
import tw.ecpa.portal.questionnaire.Question;
import tw.ecpa.portal.questionnaire.QuestionKind;
import tw.ecpa.portal.questionnaire.Questionnaire;
import tw.ecpa.portal.questionnaire.QuestionnaireStatus;
import tw.ecpa.portal.questionnaire.QuestionnaireStore;
import tw.ecpa.portal.questionnaire.RespondentGroup;
import tw.ecpa.portal.questionnaire.Response;

/** Questionnaires, respondent groups, respondents and responses in the portal's database (V15). */
public final class JdbcQuestionnaires implements QuestionnaireStore {

  private final Jdbc jdbc;

  /** Creates the store over a migrated database. */
  public JdbcQuestionnaires(Database database) {
    this.jdbc = new Jdbc(database.dataSource());
  }

  @Override
  public long create(Questionnaire q) {
    return jdbc.transaction(c -> {
      long id;
      try (PreparedStatement s = c.prepareStatement("INSERT INTO questionnaire (organization_code, title, description,"
          + " status, created_at) VALUES (?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
        set(s, q.organizationCode(), q.title(), q.description(), q.status().name(), q.createdAt());
        s.executeUpdate();
        id = generatedId(s);
      }
      insertQuestions(c, id, q.questions());
      return id;
    });
  }

  @Override
  public boolean replaceContent(long id, String title, String description, List<Question> questions) {
    return jdbc.transaction(c -> {
      try (PreparedStatement s = Jdbc.prepare(c, "UPDATE questionnaire SET title = ?, description = ?"
          + " WHERE id = ? AND status <> 'PUBLISHED'", title, description, id)) {
        if (s.executeUpdate() == 0) {
          return false;
        }
      }
      try (PreparedStatement s = Jdbc.prepare(c, "DELETE FROM questionnaire_question WHERE questionnaire_id = ?", id)) {
        s.executeUpdate();
      }
      insertQuestions(c, id, questions);
      return true;
    });
  }

  private static void insertQuestions(Connection c, long id, List<Question> questions) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("INSERT INTO questionnaire_question (questionnaire_id, position,"
        + " question_key, kind, title, required, options, scale) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
      int position = 0;
      for (Question q : questions) {
        set(s, id, position++, q.key(), q.kind().name(), q.title(), q.required(),
            q.options().isEmpty() ? null : String.join("\n", q.options()), q.scored() ? q.scale() : null);
        s.addBatch();
      }
      if (!questions.isEmpty()) {
        s.executeBatch();
      }
    }
  }

  @Override
  public Optional<Questionnaire> find(long id) {
    return withQuestions(jdbc.list("SELECT * FROM questionnaire WHERE id = ?", JdbcQuestionnaires::header, id))
        .stream().findFirst();
  }

  @Override
  public List<Questionnaire> ofOrganization(String organizationCode, QuestionnaireStatus status) {
    return withQuestions(jdbc.list("SELECT * FROM questionnaire WHERE organization_code = ? AND status = ?"
        + " ORDER BY created_at DESC, id DESC", JdbcQuestionnaires::header, organizationCode, status.name()));
  }

  @Override
  public List<Questionnaire> published() {
    return withQuestions(jdbc.list("SELECT * FROM questionnaire WHERE status = 'PUBLISHED'"
        + " ORDER BY published_at DESC, id DESC", JdbcQuestionnaires::header));
  }

  @Override
  public boolean publish(long id, long groupId, Instant opensAt, Instant closesAt, Instant at,
      Collection<IdNumber> respondents) {
    return jdbc.transaction(c -> {
      try (PreparedStatement s = Jdbc.prepare(c, "UPDATE questionnaire SET status = 'PUBLISHED', group_id = ?,"
          + " opens_at = ?, closes_at = ?, published_at = ? WHERE id = ? AND status = 'DRAFT'",
          groupId, opensAt, closesAt, at, id)) {
        if (s.executeUpdate() == 0) {
          return false;
        }
      }
      try (PreparedStatement s = c.prepareStatement(
          "INSERT INTO questionnaire_respondent (questionnaire_id, id_number) VALUES (?, ?)")) {
        for (IdNumber person : new java.util.LinkedHashSet<>(respondents)) {
          set(s, id, person.value());
          s.addBatch();
        }
        if (!respondents.isEmpty()) {
          s.executeBatch();
        }
      }
      return true;
    });
  }

  @Override
  public boolean isRespondent(long id, IdNumber idNumber) {
    return jdbc.one("SELECT 1 FROM questionnaire_respondent WHERE questionnaire_id = ? AND id_number = ?",
        rs -> true, id, idNumber.value()).isPresent();
  }

  @Override
  public int respondentCount(long id) {
    return jdbc.one("SELECT COUNT(*) AS n FROM questionnaire_respondent WHERE questionnaire_id = ?",
        rs -> rs.getInt("n"), id).orElse(0);
  }

  @Override
  public List<Questionnaire> assignedTo(IdNumber idNumber) {
    return withQuestions(jdbc.list("SELECT q.* FROM questionnaire q JOIN questionnaire_respondent r"
        + " ON r.questionnaire_id = q.id WHERE r.id_number = ? AND q.status = 'PUBLISHED'"
        + " ORDER BY q.closes_at, q.id", JdbcQuestionnaires::header, idNumber.value()));
  }

  @Override
  public Optional<Response> response(long id, IdNumber idNumber) {
    return withAnswers(jdbc.list("SELECT * FROM questionnaire_response WHERE questionnaire_id = ? AND id_number = ?",
        JdbcQuestionnaires::responseRow, id, idNumber.value())).stream().findFirst();
  }

  @Override
  public SaveResult saveResponse(long id, IdNumber idNumber, Map<String, List<String>> answers, boolean submit,
      Instant at) {
    if (jdbc.one("SELECT 1 FROM questionnaire_response WHERE questionnaire_id = ? AND id_number = ?",
        rs -> true, id, idNumber.value()).isEmpty()) {
      try {
        jdbc.update("INSERT INTO questionnaire_response (questionnaire_id, id_number, status, saved_at)"
            + " VALUES (?, ?, 'DRAFT', ?)", id, idNumber.value(), at);
      } catch (Jdbc.StoreException e) {
        // Another request of the same person inserted it first: the unique constraint keeps one row.
        if (jdbc.one("SELECT 1 FROM questionnaire_response WHERE questionnaire_id = ? AND id_number = ?",
            rs -> true, id, idNumber.value()).isEmpty()) {
          throw e;
        }
      }
    }
    return jdbc.transaction(c -> {
      long responseId;
      try (PreparedStatement s = Jdbc.prepare(c, "SELECT id FROM questionnaire_response WHERE questionnaire_id = ?"
          + " AND id_number = ? AND status = 'DRAFT' FOR UPDATE", id, idNumber.value()); ResultSet rs = s.executeQuery()) {
        if (!rs.next()) {
          return SaveResult.ALREADY_SUBMITTED;
        }
        responseId = rs.getLong("id");
      }
      try (PreparedStatement s = Jdbc.prepare(c, "UPDATE questionnaire_response SET status = ?, saved_at = ?,"
          + " submitted_at = ? WHERE id = ? AND status = 'DRAFT'", submit ? "SUBMITTED" : "DRAFT", at,
          submit ? at : null, responseId)) {
        if (s.executeUpdate() == 0) {
          return SaveResult.ALREADY_SUBMITTED;
        }
      }
      try (PreparedStatement s = Jdbc.prepare(c, "DELETE FROM questionnaire_answer WHERE response_id = ?", responseId)) {
        s.executeUpdate();
      }
      try (PreparedStatement s = c.prepareStatement("INSERT INTO questionnaire_answer (response_id, question_key,"
          + " position, answer) VALUES (?, ?, ?, ?)")) {
        int rows = 0;
        for (Map.Entry<String, List<String>> answer : answers.entrySet()) {
          int position = 0;
          for (String value : answer.getValue()) {
            set(s, responseId, answer.getKey(), position++, value);
            s.addBatch();
            rows++;
          }
        }
        if (rows > 0) {
          s.executeBatch();
        }
      }
      return SaveResult.SAVED;
    });
  }

  @Override
  public List<Response> submittedResponses(long id) {
    return withAnswers(jdbc.list("SELECT * FROM questionnaire_response WHERE questionnaire_id = ?"
        + " AND status = 'SUBMITTED' ORDER BY submitted_at, id", JdbcQuestionnaires::responseRow, id));
  }

  @Override
  public long createGroup(RespondentGroup g) {
    return jdbc.transaction(c -> {
      long id;
      try (PreparedStatement s = c.prepareStatement("INSERT INTO respondent_group (organization_code, name, kind,"
          + " target_organization) VALUES (?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
        set(s, g.organizationCode(), g.name(), g.kind().name(), g.targetOrganization());
        s.executeUpdate();
        id = generatedId(s);
      }
      try (PreparedStatement s = c.prepareStatement(
          "INSERT INTO respondent_group_member (group_id, id_number) VALUES (?, ?)")) {
        for (IdNumber member : g.members()) {
          set(s, id, member.value());
          s.addBatch();
        }
        if (!g.members().isEmpty()) {
          s.executeBatch();
        }
      }
      return id;
    });
  }

  @Override
  public Optional<RespondentGroup> group(long id) {
    return jdbc.one("SELECT * FROM respondent_group WHERE id = ?", this::groupRow, id);
  }

  @Override
  public List<RespondentGroup> groups(String organizationCode) {
    return jdbc.list("SELECT * FROM respondent_group WHERE organization_code = ? ORDER BY name, id",
        this::groupRow, organizationCode);
  }

  private RespondentGroup groupRow(ResultSet rs) throws SQLException {
    long id = rs.getLong("id");
    List<IdNumber> members = jdbc.list("SELECT id_number FROM respondent_group_member WHERE group_id = ?"
        + " ORDER BY id_number", r -> idNumber(r.getString("id_number")), id);
    return new RespondentGroup(id, rs.getString("organization_code"), rs.getString("name"),
        RespondentGroup.Kind.valueOf(rs.getString("kind")), rs.getString("target_organization"), members);
  }

  // ---- rows -----------------------------------------------------------------------------------------

  private static Questionnaire header(ResultSet rs) throws SQLException {
    Number group = (Number) rs.getObject("group_id");
    return new Questionnaire(rs.getLong("id"), rs.getString("organization_code"), rs.getString("title"),
        rs.getString("description"), QuestionnaireStatus.valueOf(rs.getString("status")),
        group == null ? null : group.longValue(), Jdbc.instant(rs, "opens_at"), Jdbc.instant(rs, "closes_at"),
        Jdbc.instant(rs, "created_at"), Jdbc.instant(rs, "published_at"), List.of());
  }

  private List<Questionnaire> withQuestions(List<Questionnaire> headers) {
    List<Questionnaire> out = new ArrayList<>();
    for (Questionnaire h : headers) {
      List<Question> questions = jdbc.list("SELECT * FROM questionnaire_question WHERE questionnaire_id = ?"
          + " ORDER BY position", rs -> {
            String options = rs.getString("options");
            int scale = rs.getInt("scale");
            return new Question(rs.getString("question_key"), QuestionKind.valueOf(rs.getString("kind")),
                rs.getString("title"), rs.getBoolean("required"),
                options == null ? List.of() : Arrays.asList(options.split("\n", -1)), scale);
          }, h.id());
      out.add(new Questionnaire(h.id(), h.organizationCode(), h.title(), h.description(), h.status(), h.groupId(),
          h.opensAt(), h.closesAt(), h.createdAt(), h.publishedAt(), questions));
    }
    return out;
  }

  /** A response row before its answers are read. */
  private record ResponseRow(long id, Response response) {}

  private static ResponseRow responseRow(ResultSet rs) throws SQLException {
    return new ResponseRow(rs.getLong("id"), new Response(rs.getLong("questionnaire_id"),
        idNumber(rs.getString("id_number")), rs.getString("status").equals("SUBMITTED"),
        Jdbc.instant(rs, "saved_at"), Jdbc.instant(rs, "submitted_at"), Map.of()));
  }

  private List<Response> withAnswers(List<ResponseRow> rows) {
    List<Response> out = new ArrayList<>();
    for (ResponseRow row : rows) {
      long responseId = row.id();
      Response r = row.response();
      Map<String, List<String>> answers = new LinkedHashMap<>();
      jdbc.list("SELECT question_key, answer FROM questionnaire_answer WHERE response_id = ?"
          + " ORDER BY question_key, position", rs -> new String[] {rs.getString("question_key"), rs.getString("answer")},
          responseId).forEach(a -> answers.computeIfAbsent(a[0], k -> new ArrayList<>()).add(a[1]));
      out.add(new Response(r.questionnaireId(), r.idNumber(), r.submitted(), r.savedAt(), r.submittedAt(), answers));
    }
    return out;
  }

  private static IdNumber idNumber(String value) {
    return IdNumber.parse(value).orElseThrow(() -> new IllegalStateException("an invalid identity number is stored"));
  }

  private static long generatedId(PreparedStatement s) throws SQLException {
    try (ResultSet keys = s.getGeneratedKeys()) {
      if (!keys.next()) {
        throw new SQLException("no generated key");
      }
      return keys.getLong(1);
    }
  }

  private static void set(PreparedStatement s, Object... values) throws SQLException {
    for (int i = 0; i < values.length; i++) {
      Object v = values[i];
      s.setObject(i + 1, v instanceof Instant instant
          ? java.time.OffsetDateTime.ofInstant(instant, java.time.ZoneOffset.UTC) : v);
    }
  }
}
