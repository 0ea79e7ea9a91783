package tw.ecpa.bot.dialog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tw.ecpa.bot.conversation.Conversation;
import tw.ecpa.portal.testing.MovableClock;

/** Turns read in their conversation: small talk, typed navigation and follow-ups, on the shipped tree. */
class ConversationContextTest {

  static Knowledge knowledge;
  final List<String> unanswered = new CopyOnWriteArrayList<>();
  final Dialog dialog = new Dialog(() -> knowledge, Actions.none(), (question, outcome) -> unanswered.add(question),
      new MovableClock(), Integer.MAX_VALUE);

  @BeforeAll
  static void load() {
    knowledge = ShippedKnowledge.lexical();
  }

  @AfterAll
  static void close() {
    knowledge.index().close();
  }

  private Conversation started() {
    return ShippedKnowledge.started(dialog);
  }

  private Message say(Conversation c, String text) {
    return reply(c, new Turn.Text(text));
  }

  private Message reply(Conversation c, Turn turn) {
    List<Message> messages = ((TurnResult.Replied) dialog.turn(c, turn)).messages();
    return messages.stream().filter(m -> m.type() != Message.Type.NOTICE).findFirst().orElseThrow();
  }

  @Test
  void greetingsThanksAndGoodbyes_getTheirSmallTalk_withTheMainMenu_andAreNeverUnanswered() {
    Conversation c = started();
    Message hello = say(c, "你好！");
    assertEquals("smalltalk.greeting", hello.answerId());
    assertTrue(hello.options().stream().anyMatch(o -> o.id().equals("menu.login")), "the main menu's topics");
    assertEquals("smalltalk.thanks", say(c, "謝謝啦").answerId());
    assertEquals("smalltalk.bot", say(c, "你是機器人嗎?").answerId());
    assertEquals("smalltalk.goodbye", say(c, "bye").answerId());
    assertEquals(List.of(), unanswered);
    assertTrue(!"smalltalk.greeting".equals(say(c, "你好，我忘記密碼了").answerId()), "a question after a greeting");
  }

  @Test
  void smallTalkAroundARemark_isSmallTalk_butNotWhenTheRemarkAsksOrNamesAFollowUp() {
    Conversation c = started();
    assertEquals("smalltalk.thanks", say(c, "收到，我晚點再去操作看看").answerId());
    assertEquals("smalltalk.goodbye", say(c, "我要去開會了，掰掰").answerId());
    assertEquals("browser.popup.chrome", say(c, "Chrome 快顯視窗被擋住了").answerId());
    assertEquals("browser.popup.firefox", say(c, "謝謝，那Firefox呢").answerId());
    assertTrue(!say(c, "好的，請問錯三次會怎樣").answerId().startsWith("smalltalk."), "a question after an acknowledgement");
  }

  @Test
  void aFeelingAfterAnAnswer_isMetAsAFeeling_notReadAsAFollowUpOfTheTopic() {
    Conversation c = started();
    assertEquals("browser.popup.chrome", say(c, "Chrome 快顯視窗被擋住了").answerId());
    assertEquals("smalltalk.feelings", say(c, "唉 真的好麻煩喔").answerId());
    assertEquals("smalltalk.thanks", say(c, "👍").answerId());
    assertEquals("smalltalk.chitchat", say(c, "那你幾歲啊").answerId());
  }

  @Test
  void atAMenu_aTypedNumberOrLabel_choosesLikeAClick_andBackGoesUp() {
    Conversation c = started();
    reply(c, new Turn.Click("menu.login"));
    assertEquals("menu.moica", say(c, "2").answerId());
    assertEquals("menu.login", say(c, "回上一層").answerId());
    assertEquals("menu.nhi", say(c, "以健保卡登入").answerId());
    assertEquals("menu.main", say(c, "回主選單").answerId());
  }

  @Test
  void afterATypedAnswer_goingBack_reachesTheMenuTheAnswerBelongsTo() {
    Conversation c = started();
    Message answer = say(c, "自然人憑證登入時顯示解密失敗");
    assertEquals("moica.error.decrypt-failure", answer.answerId());
    Message back = say(c, "回上一層");
    assertEquals(knowledge.knowledgeBase().parentOf("moica.error.decrypt-failure").orElseThrow().id(), back.answerId());
  }

  @Test
  void aFollowUpThatNamesAnotherBrowser_getsThatBrowsersAnswer() {
    Conversation c = started();
    assertEquals("browser.popup.chrome", say(c, "Chrome 快顯視窗被擋住了").answerId());
    assertEquals("browser.popup.firefox", say(c, "那Firefox呢").answerId());
    assertEquals("browser.popup.safari", say(c, "Safari呢？").answerId());
  }

  @Test
  void aBriefQuestionWithNoAnswerOfItsOwn_isReadAgainstTheTopic() {
    String question = "一直不理它會有什麼後果";
    assertTrue(!"account.password-expired".equals(say(started(), question).answerId()), "alone it is no answer");
    Conversation c = started();
    assertEquals("account.password-expired", say(c, "登入後要求變更密碼，說已經超過180天").answerId());
    assertEquals("account.password-expired", say(c, question).answerId());
  }

  @Test
  void aCompleteNewQuestion_startsFresh() {
    Conversation c = started();
    assertEquals("browser.popup.chrome", say(c, "Chrome 快顯視窗被擋住了").answerId());
    assertEquals("moica.error.decrypt-failure", say(c, "自然人憑證登入時顯示解密失敗").answerId());
  }

  @Test
  void aFallbackWithNothingNear_offersTheMainMenusTopics_notJustTheWayBack() {
    Conversation c = started();
    Message fallback = say(c, "qwxz");
    assertEquals(Dialog.FALLBACK, fallback.answerId());
    assertTrue(fallback.options().stream().anyMatch(o -> o.id().equals("menu.login")), fallback.options().toString());
    assertTrue(fallback.options().stream().anyMatch(o -> o.id().equals(Dialog.MAIN)));
  }

  @Test
  void aFollowUpThatIsOutOfScopeOnItsOwn_neverBorrowsTheContext() {
    Conversation c = started();
    assertEquals("browser.popup.chrome", say(c, "Chrome 快顯視窗被擋住了").answerId());
    assertEquals(Dialog.FALLBACK, say(c, "那網路銀行呢").answerId(), "an outside term");
  }
}
