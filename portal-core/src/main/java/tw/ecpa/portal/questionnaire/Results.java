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
   * @param counts per option (choice) or per score (rating, 1 up), empty for text and matrix
   * @param texts the free-text answers (text questions), in the order submitted
   * @param average the mean score of a rating question, or {@code null}
   * @param rows one result per row of a matrix question, empty otherwise
   */
  public record QuestionResult(Question question, int answered, List<Count> counts, List<String> texts,
      Double average, List<RowResult> rows) {

    public QuestionResult {
      counts = List.copyOf(counts);
      texts = List.copyOf(texts);
      rows = List.copyOf(rows);
    }
  }

  /**
   * The result of one row of a matrix question.
   *
   * @param label the row
   * @param answered how many submitted responses score it
   * @param average the mean score, or {@code null} when none did
   * @param counts per score, 1 up
   */
  public record RowResult(String label, int answered, Double average, List<Count> counts) {

    public RowResult {
      counts = List.copyOf(counts);
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
