package tw.ecpa.kb.search;

import java.util.Map;
import tw.ecpa.kb.tree.KnowledgeBase;
import tw.ecpa.kb.tree.json.KnowledgeBaseLoader;

/** A small knowledge base written for the search tests, loaded through the real JSON loader. */
final class TestKnowledgeBase {

  private TestKnowledgeBase() {}

  static final String MANIFEST = """
      {"format": 1, "root": "menu.main", "files": ["nodes.json"],
       "synonyms": [
         {"terms": ["彈出式視窗", "快顯視窗", "彈跳視窗", "彈跳", "popup"], "nodes": ["browser.popup.chrome"]},
         {"terms": ["忘記密碼", "forgot password", "密碼忘了"]},
         {"terms": ["自然人憑證", "citizen certificate", "moica"]}
       ],
       "outsideTerms": ["網路銀行", "LINE"]}
      """;

  static final String NODES = """
      {"nodes": [
        {"id": "menu.main", "type": "menu", "title": "主選單", "source": "editorial",
         "options": [{"label": "忘記密碼", "target": "account.forgot-password"},
                     {"label": "變更密碼", "target": "account.change-password"},
                     {"label": "憑證讀取失敗", "target": "moica.error.read-failure"}]},
        {"id": "account.forgot-password", "type": "answer", "title": "忘記密碼", "source": "editorial",
         "questions": ["密碼想不起來怎麼重設", "如何重新設定登入密碼"], "keywords": ["重設密碼"],
         "text": "請至登入頁點選忘記密碼，輸入身分證字號與電子郵件，收取驗證碼信件後設定新密碼。"},
        {"id": "account.change-password", "type": "answer", "title": "變更密碼", "source": "editorial",
         "questions": ["登入後想換一個新密碼"], "keywords": ["修改密碼"],
         "text": "登入後至我的專區的變更密碼功能，輸入舊密碼與新密碼。"},
        {"id": "moica.error.read-failure", "type": "answer", "title": "憑證讀取失敗", "source": "editorial",
         "questions": ["自然人憑證讀不到", "讀卡機讀不到晶片"], "keywords": ["讀取失敗"],
         "text": "請確認讀卡機已連接，清潔晶片後重新插卡，並以檢視憑證IC卡資訊自我檢測。"},
        {"id": "moica.hicos-install", "type": "answer", "title": "安裝HiCOS跨平台網頁元件", "source": "editorial",
         "questions": ["登入元件要去哪裡下載"], "keywords": ["hicos", "跨平台網頁元件"],
         "text": "請下載HiCOS_Client並以系統管理員身分安裝，完成後重新開機。"},
        {"id": "nhi.register", "type": "answer", "title": "健保卡網路服務註冊", "source": "editorial",
         "questions": ["健保卡要怎麼註冊網路服務"], "keywords": ["健保卡註冊"],
         "text": "請至健保署網站輸入姓名、戶號、戶籍地址與電子郵件完成註冊。"},
        {"id": "browser.popup.chrome", "type": "answer", "title": "Chrome允許彈出式視窗", "source": "editorial",
         "questions": ["Chrome封鎖了視窗"], "keywords": ["chrome"],
         "text": "在Chrome設定的隱私權與安全性中，將人事服務網加入允許彈出式視窗的網站。"},
        {"id": "portal.contact", "type": "answer", "title": "客服專線與服務時間", "source": "editorial",
         "questions": ["客服電話幾號"], "keywords": ["客服"],
         "text": "客服專線02-23979108，服務時間9:00至12:00與14:00至17:00。"}
      ]}
      """;

  static KnowledgeBase load() {
    return KnowledgeBaseLoader.fromFiles(Map.of(KnowledgeBaseLoader.MANIFEST, MANIFEST, "nodes.json", NODES))
        .orThrow();
  }
}
