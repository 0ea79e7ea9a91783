package tw.ecpa.bot.dialog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading a message against what the conversation established. */
class FollowUpTest {

  @Test
  void shortOrReferringMessages_leanOnTheConversation_completeQuestionsDoNot() {
    assertTrue(FollowUp.elliptic("那Mac呢"));
    assertTrue(FollowUp.elliptic("如果是機關憑證的話要怎麼做"));
    assertTrue(FollowUp.elliptic("錯三次會怎樣"));
    assertTrue(FollowUp.marked("Safari呢？"));
    assertFalse(FollowUp.marked("錯三次會怎樣"), "short, but it says nothing about referring back");
    assertFalse(FollowUp.elliptic("請問自然人憑證登入時出現解密失敗要怎麼處理"));
    assertTrue(FollowUp.brief("如果是機關憑證呢"));
    assertFalse(FollowUp.brief("如果忘記了自訂帳號又沒有自然人憑證的話該怎麼辦"), "a question of its own");
  }

  @Test
  void aSlotTheMessageNames_isSwappedIntoTheLastTopic_beforeTheTopicIsPutInFront() {
    assertEquals(List.of("Firefox被擋", "Firefox 彈出式視窗設定", "Chrome被擋 那Firefox呢", "Chrome 彈出式視窗設定 那Firefox呢"),
        FollowUp.questions("那Firefox呢", "Chrome 彈出式視窗設定", "Chrome被擋"));
    assertEquals("以機關憑證登入的首次登入", FollowUp.questions("如果是機關憑證呢", "以自然人憑證登入的首次登入", null).get(0),
        "行動 is not read into 自然人憑證, and the longest name wins");
  }

  @Test
  void aMessageThatOnlyNamesASlot_answersWhatWasAskedBefore() {
    assertTrue(FollowUp.namesOnlyASlot("自然人憑證"));
    assertTrue(FollowUp.namesOnlyASlot("我是用健保卡"));
    assertTrue(FollowUp.namesOnlyASlot("Chrome"));
    assertFalse(FollowUp.namesOnlyASlot("健保卡密碼忘記了"));
  }

  @Test
  void withoutATopic_theLastQuestionCarriesTheMessage() {
    assertEquals(List.of("我登不進去 我是用健保卡"), FollowUp.questions("我是用健保卡", null, "我登不進去"));
    assertEquals(List.of(), FollowUp.questions("那Mac呢", null, null));
  }
}
