package tw.ecpa.bot.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import tw.ecpa.assistant.TestServer;

/**
 * The login page (the site's home) in a real Chromium: the seed's four panels, each with its form, the
 * wrong-password and locked-account messages, the way back to it without a
 * session, every page's common parts, and phone width without sideways scrolling.
 */
class PortalPagesLoginTest {

  /** Every page of the portal. */
  static final List<String> PAGES = List.of("/", "/index.html", "/info.html", "/password/forgot.html",
      "/password/verify.html", "/password/reset.html", "/mailbox/reverify.html", "/activate.html", "/home.html",
      "/my/profile.html", "/my/password.html", "/my/certificate.html", "/hr/password-reset.html", "/admin/audit.html", "/dev/mailbox.html");

  @RegisterExtension
  static final PortalInBrowser portal = new PortalInBrowser();

  static void awaitPanels(Browser on) {
    on.await(d -> "true".equals(d.findElement(By.id("panel-password")).getDomAttribute("data-enabled")));
  }

  @Test
  void loginPage_showsTheFourPanels_eachOpenWithItsForm() {
    portal.browser().go("/");
    awaitPanels(portal.browser());
    List<WebElement> panels = portal.browser().driver().findElements(By.cssSelector(".panel[data-methods]"));
    assertEquals(4, panels.size());
    List<String> titles = List.of("自然人憑證 機關憑證", "健保卡登入", "行動身分識別", "帳號密碼登入");
    for (int i = 0; i < 4; i++) {
      WebElement panel = panels.get(i);
      assertTrue(panel.findElement(By.tagName("h2")).getText().startsWith(titles.get(i)), panel.getText());
      assertEquals("true", panel.getDomAttribute("data-enabled"), titles.get(i));
      assertFalse(panel.findElement(By.cssSelector("[data-state]")).isDisplayed(), titles.get(i));
      assertFalse(panel.getText().contains("尚未開放"), panel.getText());
      assertTrue(panel.findElement(By.cssSelector("[data-form] button[type=submit]")).isDisplayed(), titles.get(i));
    }
    assertEquals("請輸入eCPA帳號", portal.browser().find(By.id("account")).getDomAttribute("placeholder"));
    assertEquals("請輸入密碼", portal.browser().find(By.id("password")).getDomAttribute("placeholder"));
    assertTrue(portal.browser().find(By.linkText("忘記密碼")).getDomAttribute("href").endsWith("/password/forgot.html"));
    portal.browser().find(By.linkText("首次登入說明")).click();
    assertTrue(portal.browser().find(By.id("first-login")).getText().contains("重設員工密碼"));
    portal.pages().screenshot("login");

    portal.browser().go("/info.html");
    assertTrue(portal.browser().find(By.id("organizations")).getText().contains("376480000A"));
    portal.pages().screenshot("info");
  }

  @Test
  void login_withEmptyFields_namesThem_withoutAsking() {
    portal.browser().go("/");
    awaitPanels(portal.browser());
    portal.pages().click(By.id("login-submit"));
    portal.pages().awaitText("account-error", "請輸入eCPA帳號。");
    assertEquals("請輸入密碼。", portal.browser().find(By.id("password-error")).getText());
    assertEquals(portal.browser().find(By.id("account")), portal.browser().driver().switchTo().activeElement(), "focus on the first");
  }

  @Test
  void login_withAWrongPassword_showsTheServersMessage_andStays() {
    portal.browser().go("/");
    awaitPanels(portal.browser());
    portal.pages().type("account", "wangxm").type("password", "Not-His-2026!").click(By.id("login-submit"));
    portal.pages().awaitText("login-error", "帳號或密碼錯誤，請重新輸入");
    assertEquals("/", URI.create(portal.browser().driver().getCurrentUrl()).getPath());
    assertEquals("", portal.browser().find(By.id("password")).getDomProperty("value"), "the password is cleared");
  }

  @Test
  void login_ofALockedAccount_showsTheLockMessage() {
    portal.browser().go("/");
    awaitPanels(portal.browser());
    portal.pages().type("account", "chenml").type("password", "Chen-Demo2026!").click(By.id("login-submit"));
    String message = portal.pages().awaitText("login-error", "帳號已暫時鎖定");
    assertTrue(message.contains("忘記密碼"), message);
    assertEquals("/", URI.create(portal.browser().driver().getCurrentUrl()).getPath());
  }

  @Test
  void loggedInPages_withoutASession_goBackToLogin_withAMessage() {
    portal.browser().forgetSession();
    for (String page : List.of("/home.html", "/my/password.html", "/hr/password-reset.html", "/activate.html")) {
      portal.browser().go(page);
      portal.pages().awaitUrl("/?reason=session");
      portal.pages().awaitText("page-message", "您尚未登入或已閒置逾時自動登出");
    }
  }

  @Test
  void everyPage_isTraditionalChinese_withTitleSkipLinkAndTheWidget() {
    for (String page : PAGES) {
      TestServer.Response response = portal.server().send("GET", page, null);
      assertEquals(200, response.status(), page);
      assertTrue(response.contentType().contains("charset=utf-8"), page);
      String html = response.body();
      assertTrue(html.contains("<html lang=\"zh-Hant-TW\">"), page);
      assertTrue(html.matches("(?s).*<title>[^<]*人事服務網[^<]*</title>.*"), page);
      assertTrue(html.contains("<a class=\"skip-link\" href=\"#main\">跳到主要內容</a>") && html.contains("id=\"main\""), page);
      assertTrue(html.contains("<script type=\"module\" src=\"/widget/ecpa-chat.js\"></script>"), page);
      assertTrue(html.contains("重要訊息：") && html.contains("最新公告") && html.contains("下載專區") && html.contains("機關組織"), page);
      assertFalse(html.contains("innerHTML"), page);
    }
    for (String script : List.of("portal", "login", "forgot", "verify", "reset", "reverify", "activate", "home",
        "profile", "password", "hr-reset", "audit", "mailbox")) {
      TestServer.Response js = portal.server().send("GET", "/portal/" + script + ".js", null);
      assertEquals(200, js.status(), script);
      assertFalse(js.body().contains("innerHTML") || js.body().contains("insertAdjacentHTML"), script + " builds the DOM");
    }
  }

  @Test
  void atPhoneWidth_noPageScrollsSideways() {
    try (Browser phone = portal.anotherBrowser(360, 740)) {
      PortalPagesKit small = portal.pages(phone);
      phone.go("/");
      awaitPanels(phone);
      assertFalse(small.scrollsSideways(), "the login page scrolls sideways at 360 px");
      assertTrue(phone.find(By.linkText("前往「帳號密碼登入」")).isDisplayed(), "a way to the one open panel");
      phone.screenshot("page-login-360");
      small.screenshot("login-360-full");
      for (String page : List.of("/info.html", "/password/forgot.html", "/password/verify.html?code=ABCD1234",
          "/mailbox/reverify.html", "/dev/mailbox.html")) {
        phone.go(page);
        phone.find(By.tagName("h1"));
        assertFalse(small.scrollsSideways(), page + " scrolls sideways at 360 px");
      }
      small.screenshot("dev-mailbox-360");
      small.login("wangxm", "Wang-Demo2026!").awaitUrl("/home.html");
      for (String page : List.of("/home.html", "/my/profile.html", "/my/password.html")) {
        phone.go(page);
        small.awaitText("countdown", "距離登出尚餘");
        assertFalse(small.scrollsSideways(), page + " scrolls sideways at 360 px");
        small.screenshot(page.substring(1, page.length() - ".html".length()).replace('/', '-') + "-360");
      }
    }
  }
}
