package tw.ecpa.bot.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;

/**
 * 應用系統 (apps.html) in a real Chromium: reached from the home page, categories A-H with the default
 * favourites, a system greyed for the password login with its reason written out, the search for webhr,
 * the heart, and no sideways scrolling at 360 px.
 */
class PortalPagesAppsTest {

  @RegisterExtension
  static final PortalInBrowser portal = new PortalInBrowser();

  /** The system's card in a category, once shown. */
  static WebElement system(Browser in, String category, String id) {
    return in.await(d -> {
      List<WebElement> found = d.findElements(
          By.cssSelector("#apps-list li.app[data-category='" + category + "'][data-id='" + id + "']"));
      return found.isEmpty() ? null : found.get(0);
    });
  }

  /** Waits until the heart of a system in a category shows this state. */
  static void awaitHeart(String category, String id, String pressed) {
    portal.browser().await(d -> {
      try {
        List<WebElement> found = d.findElements(By.cssSelector(
            "#apps-list li.app[data-category='" + category + "'][data-id='" + id + "'] .app__heart"));
        return !found.isEmpty() && pressed.equals(found.get(0).getDomAttribute("aria-pressed")) ? true : null;
      } catch (StaleElementReferenceException e) {
        return null;
      }
    });
  }

  static boolean shown(String category, String id) {
    return !portal.browser().driver().findElements(
        By.cssSelector("#apps-list li.app[data-category='" + category + "'][data-id='" + id + "']")).isEmpty();
  }

  @Test
  void appsPage_greysByLoginMethodWithTheReason_searchesWebhr_andTheHeartTogglesFavourites() {
    portal.pages().login("wangxm", "Wang-Demo2026!").awaitUrl("/home.html");
    portal.pages().click(By.linkText("應用系統（含我的最愛）")).awaitUrl("/apps.html");

    WebElement mydata = system(portal.browser(), "A", "mydata");
    List<String> headings = portal.browser().driver().findElements(By.cssSelector("#apps-list h2")).stream()
        .map(WebElement::getText).toList();
    assertEquals(8, headings.size());
    assertEquals("A 我的最愛系統", headings.get(0));
    assertEquals("H 測試應用系統", headings.get(7));
    assertTrue(mydata.getDomAttribute("class").contains("app--greyed"));
    WebElement reason = mydata.findElement(By.className("app__reason"));
    assertTrue(reason.isDisplayed());
    assertTrue(reason.getText().contains("您目前以帳號密碼登入"), reason.getText());
    assertTrue(mydata.findElements(By.tagName("a")).isEmpty(), "a greyed system is not a link");
    WebElement d6 = system(portal.browser(), "A", "d6");
    assertTrue(d6.findElements(By.className("app__reason")).isEmpty());
    assertEquals("D6:終身學習入口網", d6.findElement(By.tagName("a")).getText());
    assertEquals("true", d6.findElement(By.className("app__heart")).getDomAttribute("aria-pressed"));
    portal.pages().screenshot("apps");

    portal.pages().type("apps-q", "webhr").submit("apps-search");
    portal.pages().awaitText("apps-status", "共找到 4 個應用系統");
    assertEquals(4, portal.browser().driver().findElements(By.cssSelector("#apps-list li.app")).size());
    assertTrue(portal.browser().find(By.id("apps-list")).getText().contains("WebHROHR:行政院人事派免作業系統"));
    assertFalse(shown("A", "webhr"), "the search shows no 我的最愛 category");
    WebElement psn = system(portal.browser(), "E", "webhrpsn");
    assertTrue(psn.findElement(By.className("app__reason")).getText().contains("自然人憑證"));
    portal.pages().screenshot("apps-search-webhr");

    psn.findElement(By.className("app__heart")).click();
    awaitHeart("E", "webhrpsn", "true");
    portal.pages().awaitText("apps-status", "已將「WebHRPSN:人事人員管理資訊系統」加入我的最愛");
    portal.pages().click(By.id("apps-clear"));
    system(portal.browser(), "A", "webhrpsn");
    assertFalse(portal.browser().find(By.id("apps-q")).getDomProperty("value").length() > 0);

    portal.browser().find(By.cssSelector("#apps-list li.app[data-category='A'][data-id='d6'] .app__heart")).click();
    portal.browser().await(d -> shown("A", "d6") ? null : true);
    awaitHeart("E", "d6", "false");
    portal.browser().go("/apps.html");
    system(portal.browser(), "A", "webhrpsn");
    assertFalse(shown("A", "d6"), "the change is kept");
  }

  @Test
  void appsPage_atPhoneWidth_doesNotScrollSideways() {
    try (Browser phone = portal.anotherBrowser(360, 740)) {
      PortalPagesKit small = portal.pages(phone);
      small.login("chouzm", "Chou-Demo2026!").awaitUrl("/home.html");
      phone.go("/apps.html?q=webhr");
      system(phone, "B", "webhr");
      assertFalse(small.scrollsSideways(), "apps.html scrolls sideways at 360 px");
      phone.go("/apps.html");
      system(phone, "A", "mydata");
      assertFalse(small.scrollsSideways(), "apps.html scrolls sideways at 360 px");
      small.screenshot("apps-360");
    }
  }
}
