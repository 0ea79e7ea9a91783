package tw.ecpa.portal.questionnaire;

import java.util.ArrayList;
import java.util.List;

/**
 * Counts a questionnaire's submitted responses per question: each option's count and share, a rating's
 * scores and mean, a matrix's rows, and the free-text answers.
 */
final class ResultsTally {

  private ResultsTally() {}

  static Results of(Questionnaire q, QuestionnaireStore store) {
    List<Response> responses = store.submittedResponses(q.id());
    int submitted = responses.size();
    List<Results.QuestionResult> out = new ArrayList<>();
    for (Question question : q.questions()) {
      List<List<String>> given = responses.stream().map(r -> r.answer(question.key())).filter(a -> !a.isEmpty())
          .toList();
      List<Results.Count> counts = new ArrayList<>();
      List<String> texts = new ArrayList<>();
      Double average = null;
      List<Results.RowResult> rows = new ArrayList<>();
      if (question.choice()) {
        for (String option : question.options()) {
          int n = (int) given.stream().filter(a -> a.contains(option)).count();
          counts.add(new Results.Count(option, n, percent(n, submitted)));
        }
      } else if (question.kind() == QuestionKind.RATING) {
        counts.addAll(scoreCounts(given.stream().map(a -> Integer.parseInt(a.get(0))).toList(), question.scale(),
            submitted));
        average = mean(given.stream().map(a -> Integer.parseInt(a.get(0))).toList());
      } else if (question.kind() == QuestionKind.MATRIX) {
        for (int row = 0; row < question.options().size(); row++) {
          List<Integer> scores = new ArrayList<>();
          int r = row;
          for (List<String> answer : given) {
            for (String value : answer) {
              Question.matrixValue(value).filter(v -> v[0] == r).ifPresent(v -> scores.add(v[1]));
            }
          }
          rows.add(new Results.RowResult(question.options().get(row), scores.size(), mean(scores),
              scoreCounts(scores, question.scale(), submitted)));
        }
      } else {
        given.forEach(a -> texts.add(a.get(0)));
      }
      out.add(new Results.QuestionResult(question, given.size(), counts, texts, average, rows));
    }
    return new Results(q, store.respondentCount(q.id()), submitted, out);
  }

  private static List<Results.Count> scoreCounts(List<Integer> scores, int scale, int submitted) {
    List<Results.Count> counts = new ArrayList<>();
    for (int score = 1; score <= scale; score++) {
      int s = score;
      int n = (int) scores.stream().filter(x -> x == s).count();
      counts.add(new Results.Count(Integer.toString(score), n, percent(n, submitted)));
    }
    return counts;
  }

  private static Double mean(List<Integer> scores) {
    return scores.isEmpty() ? null
        : Math.round(scores.stream().mapToInt(Integer::intValue).average().orElse(0) * 100) / 100.0;
  }

  private static double percent(int n, int of) {
    return of == 0 ? 0 : Math.round(n * 1000.0 / of) / 10.0;
  }
}
