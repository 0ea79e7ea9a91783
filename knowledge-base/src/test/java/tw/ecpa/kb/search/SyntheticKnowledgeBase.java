package tw.ecpa.kb.search;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import tw.ecpa.kb.tree.AnswerNode;
import tw.ecpa.kb.tree.KnowledgeBase;
import tw.ecpa.kb.tree.MenuNode;
import tw.ecpa.kb.tree.Node;
import tw.ecpa.kb.tree.Option;
import tw.ecpa.kb.tree.Source;
import tw.ecpa.kb.tree.SynonymGroup;

/**
 * A generated FAQ tree of any size, with Chinese titles, alternate questions and keywords composed
 * from realistic government-portal vocabulary: for load tests and benchmarks of the search.
 */
public final class SyntheticKnowledgeBase {

  private static final String[] SYSTEMS = {
    "人事服務網", "差勤系統", "公文系統", "薪資系統", "考績系統", "訓練進修系統", "退休試算系統",
    "員工協助方案", "電子公文交換", "出勤管理", "文官學院", "終身學習入口", "待遇查詢", "福利服務",
    "保險系統", "健康檢查", "宿舍管理", "財產管理", "會計系統", "採購系統", "職缺查詢", "陞遷系統",
    "獎懲系統", "兼職申報", "財產申報", "線上簽核", "電子郵件", "視訊會議", "雲端硬碟", "行動辦公",
    "單一簽入", "資安通報", "差旅報支", "加班管理", "請假系統", "銓敘查詢", "任免系統", "人力資源",
    "組織編制", "員額管理"};
  private static final String[] OBJECTS = {
    "帳號", "密碼", "自然人憑證", "機關憑證", "健保卡", "行動自然人憑證", "讀卡機", "登入元件",
    "瀏覽器", "彈出式視窗", "電子郵件", "驗證碼", "個人資料", "權限", "表單", "附件", "簽核流程",
    "報表", "通知", "憑證密碼", "手機號碼", "代理人", "問卷", "待辦事項", "應用系統", "首頁",
    "行事曆", "檔案下載", "印表機", "憑證元件"};
  private static final String[] PROBLEMS = {
    "無法登入", "讀取失敗", "顯示錯誤", "被鎖定", "已過期", "設定方式", "申請流程", "安裝步驟",
    "忘記了", "收不到", "無法開啟", "一直轉圈", "重新設定", "變更方式", "查詢方式", "匯出失敗",
    "上傳失敗", "逾時登出", "權限不足", "畫面空白", "亂碼", "驗證失敗", "無法列印", "更新方法",
    "註冊方式", "停用方式", "找不到", "格式錯誤", "速度很慢", "無法儲存"};
  private static final String[] PLATFORMS = {
    "", "", "", "Windows", "Mac", "Chrome", "Edge", "Firefox", "Safari", "手機", "平板", "Linux"};
  private static final String[] TEMPLATES = {
    "%s的%s%s怎麼辦", "請問%s%s%s要如何處理", "%s裡%s%s", "為什麼%s的%s會%s", "%s %s %s"};

  private SyntheticKnowledgeBase() {}

  /** Generates a tree with this many answer nodes (plus one menu per hundred answers and a root). */
  public static KnowledgeBase generate(int answers, long seed) {
    Random random = new Random(seed);
    List<Node> nodes = new ArrayList<>();
    List<Option> rootOptions = new ArrayList<>();
    List<Option> menuOptions = new ArrayList<>();
    Set<String> titles = new LinkedHashSet<>();
    int menuCount = 0;
    for (int i = 0; i < answers; i++) {
      String system;
      String object;
      String problem;
      String platform;
      String title;
      do {
        system = pick(random, SYSTEMS);
        object = pick(random, OBJECTS);
        problem = pick(random, PROBLEMS);
        platform = pick(random, PLATFORMS);
        title = system + object + problem + (platform.isEmpty() ? "" : "（" + platform + "）");
      } while (!titles.add(title));
      List<String> questions = new ArrayList<>();
      for (int q = 0; q < 3; q++) {
        String template = pick(random, TEMPLATES);
        questions.add(String.format(template, system, object, problem) + (platform.isEmpty() ? "" : " " + platform));
      }
      List<String> keywords = platform.isEmpty() ? List.of(object) : List.of(object, platform);
      String id = "syn.a" + i;
      String text = "如果在" + system + "遇到" + object + problem + "，請先確認網路連線與瀏覽器版本，"
          + "再依下列步驟操作；仍無法解決請洽客服專線。";
      nodes.add(new AnswerNode(id, title, text, List.of("開啟" + system, "檢查" + object, "重新操作一次"),
          List.of(), List.of(), questions, keywords, Source.EDITORIAL));
      menuOptions.add(new Option(title, id));
      if (menuOptions.size() == 100 || i == answers - 1) {
        String menuId = "syn.menu" + menuCount++;
        nodes.add(new MenuNode(menuId, system + "相關問題第" + menuCount + "組", "請問您遇到什麼問題?",
            menuOptions, List.of(), List.of(), Source.EDITORIAL));
        rootOptions.add(new Option("第" + menuCount + "組問題", menuId));
        menuOptions = new ArrayList<>();
      }
    }
    nodes.add(new MenuNode("syn.root", "主選單", "請問需要什麼協助?", rootOptions, List.of(), List.of(),
        Source.EDITORIAL));
    List<SynonymGroup> synonyms = List.of(
        new SynonymGroup(List.of("彈出式視窗", "快顯視窗", "彈跳視窗", "popup"), List.of()),
        new SynonymGroup(List.of("忘記密碼", "forgot password", "密碼忘了"), List.of()));
    return new KnowledgeBase("syn.root", nodes, synonyms);
  }

  private static String pick(Random random, String[] values) {
    return values[random.nextInt(values.length)];
  }
}
