package tw.ecpa.bot.dialog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tw.ecpa.bot.conversation.Conversation;
import tw.ecpa.portal.testing.MovableClock;

/** Where users leave menus: what counts as leaving one, for the knowledge staff's analytics. */
class MenuLeavingTest {

  static Knowledge knowledge;
  final List<String> left = new CopyOnWriteArrayList<>();
  final Dialog dialog = new Dialog(() -> knowledge, Actions.none(), new QuestionLog() {
    @Override
    public void unanswered(String question, String outcome) {}

    @Override
    public void leftMenu(String menuId) {
      left.add(menuId);
    }
  }, new MovableClock(), Integer.MAX_VALUE);

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

  @Test
  void choosingAnOptionOfTheMenu_isNotLeavingIt() {
    Conversation c = started();
    dialog.turn(c, new Turn.Click("menu.login"));
    dialog.turn(c, new Turn.Click("menu.moica"));
    assertEquals(List.of(), left);
  }

  @Test
  void typingAQuestion_goingBack_orToTheMainMenu_leavesTheMenuShown() {
    Conversation c = started();
    dialog.turn(c, new Turn.Text("忘記密碼怎麼辦"));
    assertEquals(List.of("menu.main"), left, "typed at the main menu");

    dialog.turn(c, new Turn.Click("menu.login"));
    dialog.turn(c, new Turn.Click(Dialog.MAIN));
    dialog.turn(c, new Turn.Click("menu.browser"));
    dialog.turn(c, new Turn.Click(Dialog.BACK));
    assertEquals(List.of("menu.main", "menu.login", "menu.browser"), left);
  }

  @Test
  void clickingAnOptionOfAnEarlierMessage_leavesTheMenu_butLeavingAnAnswerIsNotCounted() {
    Conversation c = started();
    dialog.turn(c, new Turn.Click("menu.login"));
    dialog.turn(c, new Turn.Click("browser.supported"));
    dialog.turn(c, new Turn.Text("忘記密碼"));
    dialog.turn(c, new Turn.Click(Dialog.BACK));
    assertEquals(List.of("menu.login"), left);
  }

  @Test
  void aConversationEndingAtAMenu_leavesIt_butOneEndingAtAnAnswerDoesNot() {
    Conversation atMenu = started();
    dialog.ended(atMenu);
    Conversation atAnswer = started();
    dialog.turn(atAnswer, new Turn.Click("portal.contact"));
    dialog.ended(atAnswer);
    assertEquals(List.of("menu.main"), left);
  }
}
