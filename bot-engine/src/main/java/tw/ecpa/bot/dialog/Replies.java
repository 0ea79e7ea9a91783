package tw.ecpa.bot.dialog;

/** The dialog's own zh-TW sentences, in the voice of the eCPA customer service. */
final class Replies {

  static final String GREETING =
      "您好，我是行政院人事行政總處智慧客服，很高興為您服務！"
          + "請點選下方主題，或直接輸入您的提問，如「我忘記eCPA帳號密碼」。";

  static final String HELPLINE =
      "如需專人協助，請洽人事資訊系統客服專線：02-23979108（開放時間：上午 9:00~12:00、下午 14:00~17:00）。";

  static final String FALLBACK =
      "很抱歉，我目前無法回答您的問題。請您換個說法再問一次，或點選下方主題。" + HELPLINE;

  static final String FALLBACK_NEAR =
      "很抱歉，我不太確定您的意思。下列主題或許與您的問題有關，您也可以換個說法再問一次。" + HELPLINE;

  static final String NONE_OF_THESE =
      "很抱歉沒能幫上忙。請您換個說法再問一次，或從主選單找找看。" + HELPLINE;

  static final String DID_YOU_MEAN = "請問您想詢問的是下列哪一項呢？";

  static final String FORM_LEFT = "已離開表單，您輸入的資料不會保留。請點選下方主題，或直接輸入您的提問。";

  static final String BACK = "回上一層";
  static final String MAIN = "回主選單";
  static final String NONE = "以上皆非";

  private Replies() {}
}
