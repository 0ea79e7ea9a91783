package tw.ecpa.portal.questionnaire.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import tw.ecpa.portal.http.PortalError;
import tw.ecpa.portal.http.PortalHttp;
import tw.ecpa.portal.questionnaire.Question;
import tw.ecpa.portal.questionnaire.QuestionKind;
import tw.ecpa.portal.questionnaire.Questionnaires;

/**
 * Reads the editor's content from a request body: title, description and the questions in order; a
 * question without a key gets the next free {@code q1}, {@code q2}, ...
 */
final class EditorContent {

  private EditorContent() {}

  /** The editor's content: title, description and the questions in order. */
  static Questionnaires.Content read(PortalHttp.Body body) {
    String title = body.text("title", 200);
    if (title == null || title.isBlank()) {
      throw PortalError.badRequest("請輸入問卷名稱（最多200字）。");
    }
    String description = body.text("description", 2000);
    JsonNode list = body.node().get("questions");
    List<Question> questions = new ArrayList<>();
    if (list != null && !list.isArray()) {
      throw PortalError.badRequest("questions 須為題目的陣列。");
    }
    if (list != null) {
      if (list.size() > Question.MAX_QUESTIONS) {
        throw PortalError.badRequest("問卷最多" + Question.MAX_QUESTIONS + "題。");
      }
      Set<String> used = new HashSet<>();
      list.forEach(n -> {
        if (n.hasNonNull("key")) {
          used.add(n.get("key").asText());
        }
      });
      int next = 1;
      for (JsonNode n : list) {
        if (!n.isObject()) {
          throw PortalError.badRequest("每一題須為物件。");
        }
        String key = n.hasNonNull("key") ? n.get("key").asText() : null;
        if (key == null) {
          while (used.contains("q" + next)) {
            next++;
          }
          key = "q" + next;
          used.add(key);
        }
        QuestionKind kind = kind(n.path("kind").asText(""));
        List<String> options = new ArrayList<>();
        n.path("options").forEach(o -> options.add(o.asText().strip()));
        questions.add(new Question(key, kind, n.path("title").asText("").strip(), n.path("required").asBoolean(false),
            kind == QuestionKind.TEXT || kind == QuestionKind.RATING ? List.of() : options,
            kind == QuestionKind.RATING || kind == QuestionKind.MATRIX ? n.path("scale").asInt(5) : 0));
      }
    }
    return new Questionnaires.Content(title, description, questions);
  }

  private static QuestionKind kind(String text) {
    switch (text) {
      case "single":
        return QuestionKind.SINGLE;
      case "multiple":
        return QuestionKind.MULTIPLE;
      case "text":
        return QuestionKind.TEXT;
      case "rating":
        return QuestionKind.RATING;
      case "matrix":
        return QuestionKind.MATRIX;
      default:
        throw PortalError.badRequest(
            "題型請選擇 single（單選題）、multiple（複選題）、text（問答題）、rating（評分題）或 matrix（矩陣題）。");
    }
  }
}
