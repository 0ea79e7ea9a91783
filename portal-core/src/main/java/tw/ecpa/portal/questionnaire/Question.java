package tw.ecpa.portal.questionnaire;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One question of a questionnaire.
 *
 * @param key a stable key within the questionnaire (letters, digits, dash; up to 20)
 * @param kind what kind of answer it takes
 * @param title the question as shown
 * @param required whether a submitted response must answer it
 * @param options the choices of a single or multiple choice question, the rows of a matrix, empty otherwise
 * @param scale the highest score of a rating or matrix question, 0 otherwise
 */
public record Question(String key, QuestionKind kind, String title, boolean required, List<String> options,
    int scale) {

  /** The most questions a questionnaire may have. */
  public static final int MAX_QUESTIONS = 100;
  /** The longest free-text answer. */
  public static final int MAX_TEXT = 2000;
  private static final Pattern KEY = Pattern.compile("[A-Za-z0-9-]{1,20}");
  private static final Pattern MATRIX_VALUE = Pattern.compile("(\\d{1,2}):(\\d{1,2})");

  public Question {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(title, "title");
    options = List.copyOf(options);
  }

  /** Whether the question offers choices. */
  public boolean choice() {
    return kind == QuestionKind.SINGLE || kind == QuestionKind.MULTIPLE;
  }

  /** Whether the question has options (choices, or the rows of a matrix). */
  public boolean hasOptions() {
    return choice() || kind == QuestionKind.MATRIX;
  }

  /** Whether the question takes scores from 1 to its scale. */
  public boolean scored() {
    return kind == QuestionKind.RATING || kind == QuestionKind.MATRIX;
  }

  /** A matrix answer value, {@code row:score} ({@code 0:4}), as its row index and score; empty when malformed. */
  public static Optional<int[]> matrixValue(String value) {
    java.util.regex.Matcher m = MATRIX_VALUE.matcher(value);
    return m.matches() ? Optional.of(new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))})
        : Optional.empty();
  }

  /** What is wrong with the question as written (zh-TW), if anything. */
  public Optional<String> problem() {
    if (!KEY.matcher(key).matches()) {
      return Optional.of("題目代碼僅能使用英文字母、數字及「-」，最多20字。");
    }
    if (title.isBlank() || title.length() > 500) {
      return Optional.of("請輸入題目（最多500字）。");
    }
    if (hasOptions()) {
      if (options.size() < 2 || options.size() > 30) {
        return Optional.of("「" + title + "」的選項請設定2至30個。");
      }
      if (options.stream().anyMatch(o -> o == null || o.isBlank() || o.length() > 200 || o.contains("\n"))) {
        return Optional.of("「" + title + "」的選項不可空白，每個選項最多200字。");
      }
      if (new HashSet<>(options).size() != options.size()) {
        return Optional.of("「" + title + "」的選項不可重複。");
      }
    }
    if (scored() && (scale < 2 || scale > 10)) {
      return Optional.of("「" + title + "」的評分等級請設定2至10分。");
    }
    return Optional.empty();
  }

  /** Whether an answer answers the question completely (every row of a matrix). */
  public boolean complete(List<String> values) {
    return kind == QuestionKind.MATRIX ? values.size() == options.size() : !values.isEmpty();
  }

  /**
   * What is wrong with an answer to this question (zh-TW), if anything; an empty list is no answer.
   *
   * @param values the answer's values: one option, several options, one text, one score, or one
   *     {@code row:score} per answered row of a matrix
   */
  public Optional<String> answerProblem(List<String> values) {
    if (values.isEmpty()) {
      return Optional.empty();
    }
    switch (kind) {
      case SINGLE:
        return values.size() == 1 && options.contains(values.get(0)) ? Optional.empty()
            : Optional.of("「" + title + "」請從選項中選擇一項。");
      case MULTIPLE:
        return options.containsAll(values) && new HashSet<>(values).size() == values.size() ? Optional.empty()
            : Optional.of("「" + title + "」請從選項中選擇。");
      case TEXT:
        return values.size() == 1 && values.get(0).length() <= MAX_TEXT ? Optional.empty()
            : Optional.of("「" + title + "」的回答最多" + MAX_TEXT + "字。");
      case MATRIX:
        java.util.Set<Integer> rows = new HashSet<>();
        for (String value : values) {
          Optional<int[]> v = matrixValue(value);
          if (v.isEmpty() || v.get()[0] >= options.size() || !rows.add(v.get()[0]) || v.get()[1] < 1
              || v.get()[1] > scale) {
            return Optional.of("「" + title + "」每一列請選擇1至" + scale + "分。");
          }
        }
        return Optional.empty();
      default:
        try {
          int score = values.size() == 1 ? Integer.parseInt(values.get(0)) : 0;
          return score >= 1 && score <= scale ? Optional.empty()
              : Optional.of("「" + title + "」請選擇1至" + scale + "分。");
        } catch (NumberFormatException e) {
          return Optional.of("「" + title + "」請選擇1至" + scale + "分。");
        }
    }
  }
}
