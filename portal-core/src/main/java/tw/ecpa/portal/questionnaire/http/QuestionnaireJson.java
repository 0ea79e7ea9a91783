package tw.ecpa.portal.questionnaire.http;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import tw.ecpa.portal.questionnaire.Question;
import tw.ecpa.portal.questionnaire.Questionnaire;
import tw.ecpa.portal.questionnaire.QuestionnaireStatus;
import tw.ecpa.portal.questionnaire.Questionnaires;
import tw.ecpa.portal.questionnaire.RespondentGroup;
import tw.ecpa.portal.time.RocDate;
import tw.ecpa.portal.todo.TodoList;

/**
 * Questionnaires, questions and respondent groups as the pages read them; times also written out in
 * the ROC calendar, Taiwan time.
 */
final class QuestionnaireJson {

  private final Questionnaires questionnaires;

  QuestionnaireJson(Questionnaires questionnaires) {
    this.questionnaires = questionnaires;
  }

  Map<String, Object> group(RespondentGroup g) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", g.id());
    out.put("name", g.name());
    out.put("kind", g.kind() == RespondentGroup.Kind.ORGANIZATION ? "organization" : "list");
    out.put("organizationCode", g.targetOrganization());
    out.put("members", g.members().stream().map(m -> m.masked()).toList());
    out.put("size", questionnaires.groupSize(g));
    return out;
  }

  /** A questionnaire; {@code manage} adds what only its managers see. */
  Map<String, Object> questionnaire(Questionnaire q, boolean manage) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", q.id());
    out.put("title", q.title());
    out.put("description", q.description());
    out.put("status", q.status().name().toLowerCase(Locale.ROOT));
    out.put("opensAt", q.opensAt() == null ? null : q.opensAt().toString());
    out.put("closesAt", q.closesAt() == null ? null : q.closesAt().toString());
    out.put("opensAtText", q.opensAt() == null ? null : written(q.opensAt()));
    out.put("closesAtText", q.closesAt() == null ? null : written(q.closesAt()));
    if (manage) {
      out.put("organizationCode", q.organizationCode());
      out.put("groupId", q.groupId());
      out.put("publishedAt", q.publishedAt() == null ? null : q.publishedAt().toString());
      out.put("respondents", q.status() == QuestionnaireStatus.PUBLISHED ? questionnaires.respondentCount(q.id()) : 0);
    }
    out.put("questions", q.questions().stream().map(QuestionnaireJson::question).toList());
    return out;
  }

  static Map<String, Object> question(Question q) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("key", q.key());
    out.put("kind", q.kind().name().toLowerCase(Locale.ROOT));
    out.put("title", q.title());
    out.put("required", q.required());
    out.put("options", q.options());
    out.put("scale", q.scale());
    return out;
  }

  /** A moment as the pages write it: the ROC date and time in Taiwan. */
  static String written(Instant at) {
    return RocDate.written(LocalDateTime.ofInstant(at, TodoList.TAIPEI));
  }
}
