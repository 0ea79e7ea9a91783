package tw.ecpa.bot.chat.http;

/**
 * A client error on the wire: a stable code for programs and a zh-TW message for people.
 *
 * @param status the HTTP status (always 4xx)
 * @param error the stable error code
 * @param message the zh-TW explanation
 */
public record ApiError(int status, String error, String message) {

  static final ApiError BAD_JSON = new ApiError(400, "bad-json",
      "無法解讀您送出的內容，請確認格式為 JSON 後再試一次。");
  static final ApiError BAD_TURN = new ApiError(400, "bad-request",
      "每次請送出一項內容：文字提問（text）、選項（optionId）或表單（form + formId）擇一。");
  static final ApiError EMPTY_TEXT = new ApiError(400, "empty-text", "請輸入您的提問。");
  static final ApiError UNKNOWN_OPTION = new ApiError(400, "unknown-option",
      "此選項已失效，請重新點選畫面上的選項或直接輸入您的提問。");
  static final ApiError UNKNOWN_FORM = new ApiError(400, "unknown-form",
      "目前沒有等待填寫的表單，請重新開始操作。");
  static final ApiError UNKNOWN_SESSION = new ApiError(404, "unknown-session",
      "此對話已結束或閒置逾時，請重新開始對話。");
  static final ApiError NOT_FOUND = new ApiError(404, "not-found", "找不到您要的資源。");
  static final ApiError METHOD_NOT_ALLOWED = new ApiError(405, "method-not-allowed",
      "此網址不支援這個操作方式。");
  static final ApiError TOO_LARGE = new ApiError(413, "too-large", "送出的內容過大，請精簡後再試一次。");
  static final ApiError TOO_MANY_TURNS = new ApiError(429, "too-many-turns",
      "您的提問太頻繁了，請稍候一分鐘再試。");
  static final ApiError UNSUPPORTED_MEDIA = new ApiError(415, "unsupported-media-type",
      "請以 JSON（application/json）格式送出內容。");

  static final ApiError BAD_VOTE = new ApiError(400, "bad-feedback",
      "請送出回饋的答案編號（answerId）及是否有幫助（helpful：true 或 false）。");
  static final ApiError BAD_SATISFACTION = new ApiError(400, "bad-satisfaction",
      "請選擇 1 到 5 分的滿意度（score），意見（comment）可不填。");

  /** The 413 for a survey comment over the length limit. */
  static ApiError commentTooLong(int limit) {
    return new ApiError(413, "comment-too-long", "您的意見超過 " + limit + " 字，請精簡後再送出。");
  }

  /** The 413 for a question over the length limit. */
  static ApiError textTooLong(int limit) {
    return new ApiError(413, "text-too-long", "您的提問超過 " + limit + " 字，請精簡後再送出。");
  }

  /** The wire body of this error. */
  ErrorBody body() {
    return new ErrorBody(error, message);
  }

  /** The JSON body {@code {"error", "message"}}. */
  record ErrorBody(String error, String message) {}
}
