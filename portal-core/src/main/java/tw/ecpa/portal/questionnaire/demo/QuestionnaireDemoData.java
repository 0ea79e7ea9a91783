package tw.ecpa.portal.questionnaire.demo;

import java.time.Clock;
import java.util.List;
import tw.ecpa.portal.account.Accounts;
import tw.ecpa.portal.account.Role;
import tw.ecpa.portal.identity.IdNumber;
import tw.ecpa.portal.questionnaire.Question;
import tw.ecpa.portal.questionnaire.QuestionKind;
import tw.ecpa.portal.questionnaire.Questionnaire;
import tw.ecpa.portal.questionnaire.QuestionnaireStatus;
import tw.ecpa.portal.questionnaire.QuestionnaireStore;
import tw.ecpa.portal.questionnaire.RespondentGroup;
import tw.ecpa.portal.todo.TodoList;

/**
 * The questionnaire demo of the default run: hrchang of 行政院人事行政總處 (the headquarters) also holds
 * the 人事總處問卷統計 role; the organization keeps a respondent group of all its staff and the seed's
 * <數位治理：人事數位整合及創新>問卷 as a template (範本問卷); wangxm has the seed's to-do 申請個人資料校對!!
 * yesterday. Loading twice changes nothing.
 */
public final class QuestionnaireDemoData {

  /** The headquarters organization (行政院人事行政總處). */
  public static final String HEADQUARTERS = "376480000A";
  /** The demo account that reads 人事總處問卷統計. */
  public static final String STATISTICS_ACCOUNT = "hrchang";

  private QuestionnaireDemoData() {}

  /** Loads the demo items that are not there yet. */
  public static void load(Accounts accounts, QuestionnaireStore store, TodoList todos, Clock clock) {
    accounts.byLogin(STATISTICS_ACCOUNT).ifPresent(account -> accounts.grant(account.id(), Role.HEADQUARTERS_STATISTICS));
    if (store.groups(HEADQUARTERS).isEmpty()) {
      store.createGroup(new RespondentGroup(0, HEADQUARTERS, "人事總處全體同仁", RespondentGroup.Kind.ORGANIZATION,
          HEADQUARTERS, List.of()));
    }
    if (store.ofOrganization(HEADQUARTERS, QuestionnaireStatus.TEMPLATE).isEmpty()) {
      store.create(new Questionnaire(0, HEADQUARTERS, "<數位治理：人事數位整合及創新>問卷",
          "為瞭解同仁對人事數位整合及創新之看法，請撥冗填寫本問卷，謝謝。", QuestionnaireStatus.TEMPLATE, null, null,
          null, clock.instant(), null, List.of(
              new Question("q1", QuestionKind.SINGLE, "您使用 eCPA 人事服務網的頻率？", true,
                  List.of("每天", "每週", "每月", "很少使用"), 0),
              new Question("q2", QuestionKind.MULTIPLE, "您常用的登入方式（可複選）", true,
                  List.of("帳號密碼", "自然人憑證", "健保卡", "行動自然人憑證"), 0),
              new Question("q3", QuestionKind.RATING, "您對人事數位整合的整體滿意度", true, List.of(), 5),
              new Question("q5", QuestionKind.MATRIX, "請就下列服務評分", false,
                  List.of("登入與帳號", "應用系統", "待辦事項", "問卷填寫"), 5),
              new Question("q4", QuestionKind.TEXT, "其他建議", false, List.of(), 0))));
    }
    IdNumber.parse("A123456789").ifPresent(wang -> todos.assign(List.of(wang), todos.today().minusDays(1),
        "申請個人資料校對!!", "個人資料校對，共校正1筆資料!!", null, "demo:profile-check"));
  }
}
