package tw.ecpa.portal.questionnaire;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tw.ecpa.portal.identity.IdNumber;

/** Where questionnaires, respondent groups, respondents and responses are kept. */
public interface QuestionnaireStore {

  /** Stores a new draft or template with its questions; returns its key. */
  long create(Questionnaire questionnaire);

  /**
   * Replaces the title, description and questions of a draft or template; false, and nothing
   * changed, when it is published (or gone).
   */
  boolean replaceContent(long id, String title, String description, List<Question> questions);

  /** The questionnaire with this key, with its questions. */
  Optional<Questionnaire> find(long id);

  /** An organization's questionnaires of one status, newest first. */
  List<Questionnaire> ofOrganization(String organizationCode, QuestionnaireStatus status);

  /** Every published questionnaire, newest first (人事總處問卷統計). */
  List<Questionnaire> published();

  /**
   * Publishes a draft to its respondents in one step; false, and nothing changed, when it is no
   * longer a draft.
   */
  boolean publish(long id, long groupId, Instant opensAt, Instant closesAt, Instant at,
      Collection<IdNumber> respondents);

  /** Whether a person is one of a questionnaire's respondents. */
  boolean isRespondent(long id, IdNumber idNumber);

  /** How many people a questionnaire was published to. */
  int respondentCount(long id);

  /** The published questionnaires a person was asked to answer, by closing time. */
  List<Questionnaire> assignedTo(IdNumber idNumber);

  /** A person's response, draft or submitted. */
  Optional<Response> response(long id, IdNumber idNumber);

  /** What saving a response came to. */
  enum SaveResult {
    /** Saved (as a draft, or submitted). */
    SAVED,
    /** The person had submitted already; nothing changed. */
    ALREADY_SUBMITTED
  }

  /**
   * Saves a person's answers: a draft is replaced; with {@code submit} the response is submitted and
   * never changes again. One response per person and questionnaire.
   */
  SaveResult saveResponse(long id, IdNumber idNumber, Map<String, List<String>> answers, boolean submit,
      Instant at);

  /** The submitted responses of a questionnaire, in the order they were submitted. */
  List<Response> submittedResponses(long id);

  /** Stores a new respondent group; returns its key. */
  long createGroup(RespondentGroup group);

  /** The group with this key, with its members. */
  Optional<RespondentGroup> group(long id);

  /** The groups an organization keeps, by name. */
  List<RespondentGroup> groups(String organizationCode);
}
