package tw.ecpa.bot.action;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tw.ecpa.bot.conversation.Conversation;
import tw.ecpa.bot.dialog.Actions;
import tw.ecpa.bot.dialog.ClientAction;
import tw.ecpa.bot.dialog.Dialog;
import tw.ecpa.bot.dialog.Message;
import tw.ecpa.bot.dialog.Message.Choice;
import tw.ecpa.bot.dialog.Message.Type;
import tw.ecpa.kb.diagnosis.Diagnosis;

/**
 * 環境檢測: the bot asks the widget to probe the user's browser (browser and version, operating system,
 * cookies and storage, pop-ups for the portal, the HiCOS component on {@code localhost:61161}, the NHI
 * card component, screen size), then answers from the diagnosis rules ({@code kb/diagnosis.json}) with
 * the knowledge base's own answers, tailored to the login method the user was asking about.
 */
public final class EnvironmentCheck implements Actions {

  static final String ACTION = "env-check";
  static final String START = OPTION_PREFIX + ACTION;
  static final String RESULT_FORM = "env-check.result";
  /** What the widget probes, in the order the summary lists them. */
  static final List<String> PROBES = List.of("browser", "browserVersion", "os", "cookies", "storage", "popups",
      "hicos", "hicosVersion", "nhi", "screen");

  private static final Set<String> METHODS = Set.of("moica", "nhi", "other");

  private final Diagnosis diagnosis;
  private final Clock clock;

  /** Creates the check over the diagnosis rules. */
  public EnvironmentCheck(Diagnosis diagnosis, Clock clock) {
    this.diagnosis = diagnosis;
    this.clock = clock;
  }

  @Override
  public Set<String> known() {
    return Set.of(ACTION);
  }

  @Override
  public boolean handles(String optionId) {
    return START.equals(optionId);
  }

  @Override
  public List<Message> afterAnswer(String action, Context context) {
    return List.of(message(Type.NOTICE, "我可以直接檢測您的瀏覽器環境（瀏覽器版本、Cookie、快顯視窗、憑證及健保卡元件），"
        + "檢測只在您的瀏覽器中進行，不會傳送個人資料。", List.of(new Choice(START, "幫我檢測環境")), null));
  }

  @Override
  public List<Message> click(String optionId, Context context) {
    Conversation conversation = context.conversation();
    conversation.awaitForm(RESULT_FORM);
    String method = method(conversation.path());
    return List.of(message(Type.ACTION, "正在檢測您的瀏覽器環境，請稍候…", List.of(new Choice(Dialog.LEAVE_FORM, "取消檢測")),
        new ClientAction(ACTION, RESULT_FORM, PROBES, method)));
  }

  @Override
  public Optional<List<Message>> submit(String formId, Map<String, String> fields, Context context) {
    if (!RESULT_FORM.equals(formId)) {
      return Optional.empty();
    }
    context.conversation().awaitForm(null);
    Map<String, String> results = new LinkedHashMap<>();
    for (String probe : PROBES) {
      String value = fields.get(probe);
      if (value != null && !value.isBlank()) {
        results.put(probe, value.strip().length() > 60 ? value.strip().substring(0, 60) : value.strip());
      }
    }
    String method = fields.getOrDefault("method", "other").toLowerCase(Locale.ROOT);
    results.put("method", METHODS.contains(method) ? method : "other");
    List<Message> out = new ArrayList<>();
    out.add(message(Type.NOTICE, summary(results), List.of(), null));
    List<Diagnosis.Finding> findings = diagnosis.diagnose(results);
    if (findings.isEmpty()) {
      out.add(message(Type.NOTICE, "檢測結果正常，您的瀏覽器環境可以使用人事服務網。接下來可以參考：", List.of(), null));
      context.answer().apply(diagnosis.allFineAnswer(results.get("method"))).ifPresent(out::add);
    } else {
      out.add(message(Type.NOTICE, "發現 " + findings.size() + " 個需要調整的地方，請依序處理：", List.of(), null));
      for (Diagnosis.Finding finding : findings) {
        out.add(message(Type.NOTICE, finding.say(), List.of(), null));
        context.answer().apply(finding.answer()).ifPresent(out::add);
      }
    }
    return Optional.of(out);
  }

  /** The login method a conversation was about, from the nodes it walked through (newest first). */
  static String method(List<String> path) {
    for (int i = path.size() - 1; i >= 0; i--) {
      String node = path.get(i);
      if (node.startsWith("moica.") || node.equals("menu.moica") || node.startsWith("menu.moica.")
          || node.startsWith("gca.")) {
        return "moica";
      }
      if (node.startsWith("nhi.") || node.equals("menu.nhi")) {
        return "nhi";
      }
    }
    return "other";
  }

  private static String summary(Map<String, String> r) {
    List<String> lines = new ArrayList<>();
    lines.add("檢測結果：");
    lines.add("瀏覽器：" + r.getOrDefault("browser", "無法判斷") + (r.containsKey("browserVersion") ? " " + r.get("browserVersion") : ""));
    lines.add("作業系統：" + r.getOrDefault("os", "無法判斷"));
    lines.add("Cookie：" + yesNo(r.get("cookies"), "已啟用", "已停用"));
    lines.add("網站資料儲存：" + yesNo(r.get("storage"), "可使用", "無法使用"));
    lines.add("快顯視窗：" + ("blocked".equals(r.get("popups")) ? "已封鎖" : "allowed".equals(r.get("popups")) ? "允許" : "無法判斷"));
    String hicos = r.get("hicos");
    lines.add("HiCOS 跨平台網頁元件：" + ("missing".equals(hicos) ? "未偵測到"
        : "ok".equals(hicos) ? "已偵測到" + (r.containsKey("hicosVersion") ? "（版本 " + r.get("hicosVersion") + "）" : "")
        : "無法判斷"));
    String nhi = r.get("nhi");
    lines.add("健保卡元件：" + ("missing".equals(nhi) ? "未偵測到" : "ok".equals(nhi) ? "已偵測到" : "無法判斷"));
    if (r.containsKey("screen")) {
      lines.add("螢幕：" + r.get("screen"));
    }
    return String.join("\n", lines);
  }

  private static String yesNo(String value, String yes, String no) {
    return "true".equals(value) ? yes : "false".equals(value) ? no : "無法判斷";
  }

  private Message message(Type type, String text, List<Choice> options, ClientAction action) {
    return new Message(type, text, null, options, List.of(), Message.stampedNow(clock), null, action);
  }
}
