package tw.ecpa.bot.dialog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tw.ecpa.kb.tree.MenuNode;
import tw.ecpa.kb.tree.Option;

/** Navigation typed instead of clicked. */
class TypedNavigationTest {

  private final MenuNode login = new MenuNode("menu.login", "人事服務網登入相關問題", "請問您是用哪一種方式登入？",
      List.of(new Option("以帳號登入", "menu.account"), new Option("以自然人憑證登入", "menu.moica"),
          new Option("以機關憑證登入", "menu.gca"), new Option("以健保卡登入", "menu.nhi")),
      List.of(), List.of(), tw.ecpa.kb.tree.Source.EDITORIAL);

  @Test
  void aNumber_inAnyOfTheWaysPeopleTypeIt_picksThatOption() {
    for (String typed : List.of("2", "２", "第二個", "二", "第2項", "選2", " 2。")) {
      assertEquals(Optional.of("menu.moica"), TypedNavigation.pick(typed, login), typed);
    }
    assertEquals(Optional.empty(), TypedNavigation.pick("7", login), "there is no seventh option");
  }

  @Test
  void aLabel_orACloseParaphrase_picksItsOption_butAnAmbiguousOneIsLeftToSearch() {
    assertEquals(Optional.of("menu.gca"), TypedNavigation.pick("以機關憑證登入", login));
    assertEquals(Optional.of("menu.nhi"), TypedNavigation.pick("用健保卡登入", login));
    assertEquals(Optional.empty(), TypedNavigation.pick("憑證登入", login), "自然人 or 機關: ask the search");
    assertEquals(Optional.empty(), TypedNavigation.pick("我忘記密碼了怎麼辦", login));
  }

  @Test
  void goingBack_orToTheMainMenu_worksTypedAnywhere() {
    assertEquals(Optional.of(Dialog.BACK), TypedNavigation.pick("回上一層", null));
    assertEquals(Optional.of(Dialog.BACK), TypedNavigation.pick("上一頁", login));
    assertEquals(Optional.of(Dialog.MAIN), TypedNavigation.pick("回主選單！", null));
    assertEquals(Optional.of(Dialog.MAIN), TypedNavigation.pick("重新開始", login));
    assertEquals(Optional.empty(), TypedNavigation.pick("2", null), "a number means nothing away from a menu");
  }
}
