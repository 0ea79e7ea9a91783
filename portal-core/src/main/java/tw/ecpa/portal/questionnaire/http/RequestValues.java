package tw.ecpa.portal.questionnaire.http;

import io.javalin.http.Context;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import tw.ecpa.portal.http.PortalError;
import tw.ecpa.portal.todo.TodoList;

/** What the questionnaire routes read from a request the same way: the questionnaire's id and times. */
final class RequestValues {

  private RequestValues() {}

  /** The questionnaire id in the path; a 404 when it is not a number. */
  static long id(Context ctx) {
    try {
      return Long.parseLong(ctx.pathParam("id"));
    } catch (NumberFormatException e) {
      throw new PortalError(404, "questionnaire-not-found", "查無此問卷。");
    }
  }

  /** A time as the page sends it: Taiwan local ({@code 2026-12-01T17:00}) or with an offset. */
  static Instant time(String text, String label) {
    if (text == null || text.isBlank()) {
      throw PortalError.badRequest("請輸入" + label + "。");
    }
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeException e) {
      try {
        return LocalDateTime.parse(text).atZone(TodoList.TAIPEI).toInstant();
      } catch (DateTimeException again) {
        throw PortalError.badRequest(label + "格式有誤，請輸入如 2026-12-01T17:00 的日期時間。");
      }
    }
  }
}
