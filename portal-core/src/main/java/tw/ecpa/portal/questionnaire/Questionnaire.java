package tw.ecpa.portal.questionnaire;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A questionnaire of an organization's HR office.
 *
 * @param id the key
 * @param organizationCode the organization whose HR staff manage it
 * @param title the title
 * @param description the text shown above the questions, or {@code null}
 * @param status draft, template or published
 * @param groupId the respondent group it was published to, or {@code null}
 * @param opensAt when answering opens, or {@code null} before publishing
 * @param closesAt when answering closes, or {@code null} before publishing
 * @param createdAt when it was created
 * @param publishedAt when it was published, or {@code null}
 * @param questions the questions in their order
 */
public record Questionnaire(long id, String organizationCode, String title, String description,
    QuestionnaireStatus status, Long groupId, Instant opensAt, Instant closesAt, Instant createdAt,
    Instant publishedAt, List<Question> questions) {

  public Questionnaire {
    Objects.requireNonNull(organizationCode, "organizationCode");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(createdAt, "createdAt");
    questions = List.copyOf(questions);
  }

  /** Where a questionnaire stands at a moment, for its respondents. */
  public enum Phase {
    /** Not published (a draft or a template). */
    UNPUBLISHED,
    /** Published, before its opening time. */
    NOT_YET_OPEN,
    /** Published and open for answers. */
    OPEN,
    /** Published and past its closing time. */
    CLOSED
  }

  /** The phase at a moment: open from {@code opensAt} (inclusive) to {@code closesAt} (exclusive). */
  public Phase phase(Instant now) {
    if (status != QuestionnaireStatus.PUBLISHED) {
      return Phase.UNPUBLISHED;
    }
    if (now.isBefore(opensAt)) {
      return Phase.NOT_YET_OPEN;
    }
    return now.isBefore(closesAt) ? Phase.OPEN : Phase.CLOSED;
  }

  /** The question with this key, if any. */
  public Optional<Question> question(String key) {
    return questions.stream().filter(q -> q.key().equals(key)).findFirst();
  }
}
