package tw.ecpa.portal.questionnaire;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The 資料下載 file of a questionnaire: CSV (RFC 4180) in UTF-8 with a byte-order mark, so that Excel
 * opens the Chinese text correctly; the header is the question titles, then one row per submitted response.
 * Multiple choices are joined with 「、」; a matrix reads 「row：score」 per row, joined with 「；」.
 */
public final class QuestionnaireCsv {

  /** The byte-order mark that starts the file. */
  public static final String BOM = "\uFEFF";

  private QuestionnaireCsv() {}

  /** The file's bytes. */
  public static byte[] write(Questionnaire questionnaire, List<Response> responses) {
    StringBuilder out = new StringBuilder(BOM);
    row(out, questionnaire.questions().stream().map(Question::title).toList());
    for (Response response : responses) {
      row(out, questionnaire.questions().stream().map(q -> value(q, response.answer(q.key()))).toList());
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** One answer as a field: choices joined with 、, a matrix as 「row：score」 per row joined with ；. */
  private static String value(Question question, List<String> values) {
    if (question.kind() != QuestionKind.MATRIX) {
      return String.join("、", values);
    }
    return values.stream().map(Question::matrixValue).flatMap(java.util.Optional::stream)
        .filter(v -> v[0] < question.options().size())
        .sorted(java.util.Comparator.comparingInt(v -> v[0]))
        .map(v -> question.options().get(v[0]) + "：" + v[1]).collect(java.util.stream.Collectors.joining("；"));
  }

  private static void row(StringBuilder out, List<String> fields) {
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      out.append(field(fields.get(i)));
    }
    out.append("\r\n");
  }

  /** One field, quoted when it holds a comma, a quote or a line break; formulas are defused. */
  static String field(String value) {
    String v = value;
    // A field Excel would run as a formula (=, +, -, @) gets a leading apostrophe.
    if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0) {
      v = "'" + v;
    }
    if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
      return '"' + v.replace("\"", "\"\"") + '"';
    }
    return v;
  }
}
