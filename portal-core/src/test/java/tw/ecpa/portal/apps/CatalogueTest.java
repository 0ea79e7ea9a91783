package tw.ecpa.portal.apps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CatalogueTest {

  static final Catalogue SHIPPED = CatalogueFile.shipped();

  static List<String> names(List<AppSystem> systems) {
    return systems.stream().map(AppSystem::title).toList();
  }

  @Test
  void shipped_hasTheSeedsCategoriesAToH_favouritesFirst() {
    assertEquals(List.of("A", "B", "C", "D", "E", "F", "G", "H"),
        SHIPPED.categories().stream().map(Category::code).toList());
    assertEquals("我的最愛系統", SHIPPED.categories().get(0).name());
    assertEquals("測試應用系統", SHIPPED.categories().get(7).name());
    for (Category c : SHIPPED.categories().subList(1, 8)) {
      assertFalse(SHIPPED.inCategory(c.code()).isEmpty(), "category " + c.code() + " shows something");
    }
    assertTrue(SHIPPED.inCategory("A").isEmpty(), "我的最愛 holds favourites, not systems");
  }

  @Test
  void defaultFavourites_areTheSeedsListForNewlyAppointedStaff() {
    Set<String> defaults = SHIPPED.defaultFavourites();
    assertEquals(Set.of("公務人員個人資料服務網 (MyData)", "D6:終身學習入口網", "DK:職缺應徵", "KM人事業務知識分享平台",
        "國民旅遊卡檢核系統 (公務人員)", "DL1:e等公務園+學習平臺", "DLW:臺北e大數位學習網 (新)"),
        Set.copyOf(defaults.stream().map(id -> SHIPPED.system(id).orElseThrow().title()).toList()));
  }

  @Test
  void search_webhr_findsTheWebHrSystems_withoutRegardToCase() {
    List<String> expected = List.of("WebHR人力資源管理資訊系統", "WebHROHR:行政院人事派免作業系統",
        "WebHRPSN:人事人員管理資訊系統", "主計人員版WebHR系統");
    assertEquals(Set.copyOf(expected), Set.copyOf(names(SHIPPED.search("webhr"))));
    assertEquals(names(SHIPPED.search("webhr")), names(SHIPPED.search("WEBHR")));
    assertEquals(names(SHIPPED.search("webhr")), names(SHIPPED.search("  ＷｅｂＨＲ ")), "full-width letters fold");
  }

  @Test
  void search_matchesKeywordsAndCategoryNames_everyTermMustOccur() {
    assertEquals(List.of("國民旅遊卡檢核系統 (公務人員)"), names(SHIPPED.search("國旅卡")), "a keyword");
    assertEquals(List.of("應用系統介接測試區"), names(SHIPPED.search("測試應用系統")), "the category's name");
    assertEquals(List.of("WebHROHR:行政院人事派免作業系統"), names(SHIPPED.search("webhr 派免")), "both terms");
    assertEquals(List.of(), SHIPPED.search("webhr 國旅卡"));
    assertEquals(List.of(), SHIPPED.search("   "));
    assertEquals(List.of(), SHIPPED.search(null));
  }

  @Test
  void parse_refusesBrokenCatalogues_withTheLine() {
    String category = "[category A]\nname = 我的最愛系統\n[category B]\nname = 乙\n";
    String system = "[x]\nname = X\ncategory = B\nkeywords = k\nurl = https://example.test/\nlogins = password\n"
        + "mobile = yes\ndefault = no\nsource = seed\n";
    assertEquals(1, CatalogueFile.parse(category + system).systems().size());
    IllegalArgumentException unknownKey = assertThrows(IllegalArgumentException.class,
        () -> CatalogueFile.parse(category + system + "colour = red\n"));
    assertTrue(unknownKey.getMessage().contains("line 5"), unknownKey.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> CatalogueFile.parse(category + system.replace("logins = password", "logins = fax")));
    assertThrows(IllegalArgumentException.class,
        () -> CatalogueFile.parse(category + system.replace("category = B", "category = Z")));
    assertThrows(IllegalArgumentException.class,
        () -> CatalogueFile.parse(category + system.replace("category = B", "category = A")));
    assertThrows(IllegalArgumentException.class, () -> CatalogueFile.parse(category + system + system));
    assertThrows(IllegalArgumentException.class,
        () -> CatalogueFile.parse(category + system.replace("url = https://example.test/\n", "")));
    assertThrows(IllegalArgumentException.class, () -> CatalogueFile.parse("[category B]\nname = 乙\n"));
  }
}
