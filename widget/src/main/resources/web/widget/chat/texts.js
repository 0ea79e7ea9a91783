/**
 * What the widget says at its top level, and its limits. Texts used in one place only are written where they are
 * used; every user-facing text is Traditional Chinese.
 */

export const TITLE = "行政院人事行政總處智慧客服";
export const PLACEHOLDER = "請輸入您的提問，如「我忘記eCPA帳號密碼」或「我是公務人員，想查詢年度可休假天數」";
export const NOTES = "注意事項：\n" +
  "1. 本服務提供人事服務網eCPA登入與使用問題之自動回覆，請點選主題或直接輸入您的提問。\n" +
  "2. 請勿輸入密碼、身分證字號等個人資料。\n" +
  "3. 如仍有疑問請洽詢人事資訊系統客服專線：02-23979108（開放時間：上午 9:00~12:00 下午 14:00~17:00）。";
export const OFFLINE = "無法連線到智慧客服，請稍後再試。";
export const BUSY = "系統忙碌中，請稍後再試。";

/** The longest question, survey comment, and the most messages the transcript keeps. */
export const MAX_TEXT = 500;
export const MAX_COMMENT = 500;
export const MAX_KEPT = 300;

/** What is left of a form message once it is closed, by how it was closed. */
export const FORM_NOTES = {
  sent: "（表單已送出）",
  left: "（已離開表單）",
  stale: "（表單已失效，請重新開始）"
};
/** The status line of an environment check. */
export const CHECK_NOTES = { running: "檢測中…", done: "檢測完成", failed: "檢測未完成", stale: "（檢測已中斷，請重新開始）" };

export const FONTS = [["l", "大"], ["m", "中"], ["s", "小"]];
export const SCORES = [[1, "非常不滿意"], [2, "不滿意"], [3, "普通"], [4, "滿意"], [5, "非常滿意"]];
/** The quick-button bar's links: name (its icon), label, address. */
export const QUICK_LINKS = [
  ["todo", "待辦事項", "/home.html#todos"],
  ["apps", "應用系統", "/apps.html"],
  ["news", "最新公告", "/index.html#news"],
  ["download", "下載專區", "/index.html#downloads"]
];
