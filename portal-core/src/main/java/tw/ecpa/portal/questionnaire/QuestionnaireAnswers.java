package tw.ecpa.portal.questionnaire;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tw.ecpa.portal.identity.IdNumber;
import tw.ecpa.portal.questionnaire.QuestionnaireStore.SaveResult;

/**
 * 待填問卷, the respondents' side of {@link Questionnaires}: a person sees the published questionnaires
 * assigned to them while they are open, saves answers to continue later (下次再填) and submits once.
 */
public final class QuestionnaireAnswers {

  private final QuestionnaireStore store;
  private final Clock clock;

  /** Creates the service over the questionnaires' store and the clock. */
  public QuestionnaireAnswers(QuestionnaireStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /** A questionnaire waiting for a person's answers (待填問卷), and whether a draft was saved. */
  public record Pending(Questionnaire questionnaire, boolean started) {}

  /** A questionnaire as its respondent sees it, with their response so far. */
  public record Form(Questionnaire questionnaire, Optional<Response> response) {}

  /** The questionnaires open now that a person has not submitted (份待填問卷), by closing time. */
  public List<Pending> pending(IdNumber idNumber) {
    Instant now = clock.instant();
    List<Pending> out = new ArrayList<>();
    for (Questionnaire q : store.assignedTo(idNumber)) {
      if (q.phase(now) != Questionnaire.Phase.OPEN) {
        continue;
      }
      Optional<Response> response = store.response(q.id(), idNumber);
      if (response.isEmpty() || !response.get().submitted()) {
        out.add(new Pending(q, response.isPresent()));
      }
    }
    return out;
  }

  /** A questionnaire as one of its respondents sees it, with their saved or submitted answers. */
  public Outcome<Form> form(IdNumber idNumber, long id) {
    Optional<Questionnaire> q = respondentsQuestionnaire(idNumber, id);
    if (q.isEmpty()) {
      return new Outcome.NotFound<>();
    }
    Optional<Response> response = store.response(id, idNumber);
    Questionnaire.Phase phase = q.get().phase(clock.instant());
    if (phase == Questionnaire.Phase.NOT_YET_OPEN) {
      return new Outcome.NotYetOpen<>(q.get().opensAt());
    }
    if (phase == Questionnaire.Phase.CLOSED && (response.isEmpty() || !response.get().submitted())) {
      return new Outcome.Closed<>(q.get().closesAt());
    }
    return new Outcome.Done<>(new Form(q.get(), response));
  }

  /**
   * Saves a respondent's answers: as a draft to continue later (下次再填), or submitted, when every
   * required question must be answered; a submitted response never changes.
   */
  public Outcome<Response> answer(IdNumber idNumber, long id, Map<String, List<String>> answers, boolean submit) {
    Optional<Questionnaire> found = respondentsQuestionnaire(idNumber, id);
    if (found.isEmpty()) {
      return new Outcome.NotFound<>();
    }
    Questionnaire q = found.get();
    Instant now = clock.instant();
    Questionnaire.Phase phase = q.phase(now);
    if (phase == Questionnaire.Phase.NOT_YET_OPEN) {
      return new Outcome.NotYetOpen<>(q.opensAt());
    }
    if (phase == Questionnaire.Phase.CLOSED) {
      return new Outcome.Closed<>(q.closesAt());
    }
    Map<String, List<String>> clean = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> entry : answers.entrySet()) {
      Optional<Question> question = q.question(entry.getKey());
      if (question.isEmpty()) {
        return new Outcome.Invalid<>("問卷沒有這一題，請重新整理頁面後再填寫。", List.of(entry.getKey()));
      }
      List<String> values = entry.getValue().stream().filter(v -> v != null && !v.isBlank())
          .map(v -> question.get().kind() == QuestionKind.TEXT ? v.strip() : v).toList();
      Optional<String> problem = question.get().answerProblem(values);
      if (problem.isPresent()) {
        return new Outcome.Invalid<>(problem.get(), List.of(question.get().key()));
      }
      if (!values.isEmpty()) {
        clean.put(question.get().key(), values);
      }
    }
    if (submit) {
      List<String> missing = q.questions().stream().filter(Question::required)
          .filter(question -> !question.complete(clean.getOrDefault(question.key(), List.of())))
          .map(Question::key).toList();
      if (!missing.isEmpty()) {
        return new Outcome.Invalid<>("尚有必填題目未作答，請填寫標示的題目後再送出。", missing);
      }
    }
    if (store.saveResponse(id, idNumber, clean, submit, now) == SaveResult.ALREADY_SUBMITTED) {
      return new Outcome.AlreadySubmitted<>();
    }
    return new Outcome.Done<>(store.response(id, idNumber).orElseThrow());
  }

  private Optional<Questionnaire> respondentsQuestionnaire(IdNumber idNumber, long id) {
    return store.find(id).filter(q -> q.status() == QuestionnaireStatus.PUBLISHED)
        .filter(q -> store.isRespondent(id, idNumber));
  }
}
