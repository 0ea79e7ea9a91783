package tw.ecpa.bot.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import tw.ecpa.bot.server.TestServer;

/**
 * The seed's first-login activation through the pages: an HR officer resets 林小華 on 重設員工密碼,
 * the initial password comes from the development mailbox page, and 林小華's first login is held on
 * activate.html (修改密碼 with the birthday, then 自訂帳號、電子郵件&電話) until both are done.
 */
class PortalPagesActivationTest {

  static TestServer server;
  static Browser browser;
  static PortalPagesKit pages;

  @BeforeAll
  static void start() {
    server = TestServer.start();
    browser = Browser.open(server.base());
    pages = new PortalPagesKit(browser, server.base());
  }

  @AfterAll
  static void stop() {
    try {
      browser.close();
    } finally {
      server.close();
    }
  }

  @Test
  void hrReset_thenFirstLogin_staysOnActivate_untilPasswordAndProfileAreDone() {
    pages.login("hrchang", "Hr-Demo2026!").awaitUrl("/home.html");
    pages.awaitText("user-name", "張人事 (帳號登入)");
    pages.click(By.linkText("重設員工密碼")).awaitUrl("/hr/password-reset.html");

    pages.type("idNumber", "H120987659").type("email", "chouzm@demo.ecpa.test").submit("hr-form");
    pages.click(By.id("hr-confirm-ok"));
    pages.awaitText("hr-error", "您僅能重設所屬機關人員的密碼");

    pages.type("idNumber", "A220912344").type("email", "lin.xh@mail.gov.tw").submit("hr-form");
    assertTrue(pages.awaitText("hr-confirm", "點選確定即會產製密碼").contains("A220912344"));
    pages.screenshot("hr-password-reset-confirm");
    pages.click(By.id("hr-confirm-cancel"));
    pages.awaitText("hr-result", "已取消設定密碼動作");
    assertFalse(server.send("GET", "/dev/mail", null).body().contains("lin.xh@mail.gov.tw"), "取消 sends nothing");

    pages.submit("hr-form").click(By.id("hr-confirm-ok"));
    pages.awaitText("hr-result", "已重設該員密碼，並將初始密碼寄至 li***@mail.gov.tw");
    pages.screenshot("hr-password-reset");

    String mail = pages.newestMail("lin.xh@mail.gov.tw", "您的新密碼如下");
    String initial = PortalPagesKit.find(mail, "您的新密碼如下[：:]\\s*(\\S{8})");
    browser.go("/home.html");
    pages.click(By.id("logout")).awaitUrl("reason=logout");
    pages.awaitText("page-message", "您已登出");

    pages.login("A220912344", initial).awaitUrl("/activate.html");
    pages.awaitText("first-login-notice", "這是您首次登入系統，請務必先修改您的登入密碼");
    assertTrue(browser.find(By.id("birthday")).isDisplayed(), "the first login asks for the birthday");
    pages.screenshot("activate-password");

    browser.go("/home.html");
    pages.awaitUrl("/activate.html");
    browser.go("/hr/password-reset.html");
    pages.awaitUrl("/activate.html");
    PortalPagesKit.ApiReply gated = pages.apiWithBrowserSession("/api/admin/audit");
    assertEquals(403, gated.status());
    assertTrue(gated.body().contains("password-change-required"), gated.body());

    pages.type("currentPassword", initial).type("birthday", "0800521")
        .type("newPassword", "Lin-New2026#").type("confirmPassword", "Lin-New2026#").submit("password-form");
    pages.awaitText("password-error", "生日輸入錯誤");
    assertEquals("true", browser.find(By.id("birthday")).getDomAttribute("aria-invalid"));

    pages.type("currentPassword", initial).type("birthday", "0800520")
        .type("newPassword", "Lin-New2026#").type("confirmPassword", "Lin-New2026#").submit("password-form");
    pages.awaitText("password-done", "密碼已修改完成");
    pages.awaitText("step-profile-title", "自訂帳號、電子郵件&電話");
    assertEquals("lin.xh@mail.gov.tw", browser.find(By.id("email")).getDomProperty("value"), "the e-mail on file");

    browser.go("/home.html");
    pages.awaitUrl("/activate.html");
    pages.awaitText("step-profile-title", "自訂帳號、電子郵件&電話");
    assertTrue(pages.apiWithBrowserSession("/api/admin/audit").body().contains("activation-required"));
    pages.screenshot("activate-profile");

    pages.type("customAccount", "林小華").type("phone", "02-23979108#321").submit("profile-form");
    assertFalse(pages.awaitText("customAccount-error", "帳號").isBlank());
    pages.awaitText("profile-error", "資料有誤");

    pages.type("customAccount", "linxh2026").submit("profile-form");
    pages.awaitUrl("/home.html?activated=1");
    pages.awaitText("user-name", "林小華 (帳號登入)");
    pages.awaitText("home-message", "已完成首次啟用");

    TestServer.Response again = server.post("/api/auth/login", Map.of("account", "linxh2026", "password", "Lin-New2026#"));
    assertEquals(200, again.status(), again.body());
    assertEquals("[]", again.json().get("pending").toString());
  }
}
