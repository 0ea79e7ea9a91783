package tw.ecpa.portal.questionnaire;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import tw.ecpa.portal.identity.IdNumber;

/**
 * A person's response to a questionnaire: a draft saved with 下次再填, or submitted (once).
 *
 * @param questionnaireId the questionnaire
 * @param idNumber the respondent
 * @param submitted whether it was submitted
 * @param savedAt when it was last saved
 * @param submittedAt when it was submitted, or {@code null}
 * @param answers the values by question key (one option, several options, one text or one score)
 */
public record Response(long questionnaireId, IdNumber idNumber, boolean submitted, Instant savedAt,
    Instant submittedAt, Map<String, List<String>> answers) {

  public Response {
    Objects.requireNonNull(idNumber, "idNumber");
    Objects.requireNonNull(savedAt, "savedAt");
    Map<String, List<String>> copy = new LinkedHashMap<>();
    answers.forEach((k, v) -> copy.put(k, List.copyOf(v)));
    answers = java.util.Collections.unmodifiableMap(copy);
  }

  /** The values given to a question, empty when unanswered. */
  public List<String> answer(String key) {
    return answers.getOrDefault(key, List.of());
  }
}
