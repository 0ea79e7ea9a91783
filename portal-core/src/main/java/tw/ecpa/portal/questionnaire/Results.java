package tw.ecpa.portal.questionnaire;

import java.util.List;

/**
 * The results of a questionnaire: counts and percentages per question over the submitted responses,
 * and the free-text answers.
 *
 * @param questionnaire the questionnaire
 * @param respondents how many people it was published to
 * @param submitted how many submitted a response
 * @param questions one result per question, in order
 */
public record Results(Questionnaire questionnaire, int respondents, int submitted, List<QuestionResult> questions) {

  public Results {
    questions = List.copyOf(questions);
  }

  /**
   * The result of one question.
   *
   * @param question the question
   * @param answered how many submitted responses answer it
   * @param counts per option (choice) or per score (rating, 1 up), empty for text
   * @param texts the free-text answers (text questions), in the order submitted
   * @param average the mean score of a rating question, or {@code null}
   */
  public record QuestionResult(Question question, int answered, List<Count> counts, List<String> texts,
      Double average) {

    public QuestionResult {
      counts = List.copyOf(counts);
      texts = List.copyOf(texts);
    }
  }

  /**
   * How often one option or score was chosen.
   *
   * @param label the option, or the score as text
   * @param count how many responses chose it
   * @param percent its share of the submitted responses, rounded to one decimal (0 when none)
   */
  public record Count(String label, int count, double percent) {}
}
