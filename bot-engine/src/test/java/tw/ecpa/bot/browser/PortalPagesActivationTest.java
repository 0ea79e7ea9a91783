package tw.ecpa.bot.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import tw.ecpa.assistant.TestServer;

/**
 * The seed's first-login activation through the pages: an HR officer resets 林小華 on 重設員工密碼,
 * the initial password comes from the development mailbox page, and 林小華's first login is held on
 * activate.html (修改密碼 with the birthday, then 自訂帳號、電子郵件&電話) until both are done.
 */
class PortalPagesActivationTest {

  @RegisterExtension
  static final PortalInBrowser portal = new PortalInBrowser();

  @Test
  void hrReset_thenFirstLogin_staysOnActivate_untilPasswordAndProfileAreDone() {
    portal.pages().login("hrchang", "Hr-Demo2026!").awaitUrl("/home.html");
    portal.pages().awaitText("user-name", "張人事 (帳號登入)");
    portal.pages().click(By.linkText("重設員工密碼")).awaitUrl("/hr/password-reset.html");

    portal.pages().type("idNumber", "H120987659").type("email", "chouzm@demo.ecpa.test").submit("hr-form");
    portal.pages().click(By.id("hr-confirm-ok"));
    portal.pages().awaitText("hr-error", "您僅能重設所屬機關人員的密碼");

    portal.pages().type("idNumber", "A220912344").type("email", "lin.xh@mail.gov.tw").submit("hr-form");
    assertTrue(portal.pages().awaitText("hr-confirm", "點選確定即會產製密碼").contains("A220912344"));
    portal.pages().screenshot("hr-password-reset-confirm");
    portal.pages().click(By.id("hr-confirm-cancel"));
    portal.pages().awaitText("hr-result", "已取消設定密碼動作");
    assertFalse(portal.server().send("GET", "/dev/mail", null).body().contains("lin.xh@mail.gov.tw"), "取消 sends nothing");

    portal.pages().submit("hr-form").click(By.id("hr-confirm-ok"));
    portal.pages().awaitText("hr-result", "已重設該員密碼，並將初始密碼寄至 li***@mail.gov.tw");
    portal.pages().screenshot("hr-password-reset");

    String mail = portal.pages().newestMail("lin.xh@mail.gov.tw", "您的新密碼如下");
    String initial = PortalPagesKit.find(mail, "您的新密碼如下[：:]\\s*(\\S{8})");
    portal.browser().go("/home.html");
    portal.pages().click(By.id("logout")).awaitUrl("reason=logout");
    portal.pages().awaitText("page-message", "您已登出");

    portal.pages().login("A220912344", initial).awaitUrl("/activate.html");
    portal.pages().awaitText("first-login-notice", "這是您首次登入系統，請務必先修改您的登入密碼");
    assertTrue(portal.browser().find(By.id("birthday")).isDisplayed(), "the first login asks for the birthday");
    portal.pages().screenshot("activate-password");

    portal.browser().go("/home.html");
    portal.pages().awaitUrl("/activate.html");
    portal.browser().go("/hr/password-reset.html");
    portal.pages().awaitUrl("/activate.html");
    PortalPagesKit.ApiReply gated = portal.pages().apiWithBrowserSession("/api/admin/audit");
    assertEquals(403, gated.status());
    assertTrue(gated.body().contains("password-change-required"), gated.body());

    portal.pages().type("currentPassword", initial).type("birthday", "0800521")
        .type("newPassword", "Lin-New2026#").type("confirmPassword", "Lin-New2026#").submit("password-form");
    portal.pages().awaitText("password-error", "生日輸入錯誤");
    assertEquals("true", portal.browser().find(By.id("birthday")).getDomAttribute("aria-invalid"));

    portal.pages().type("currentPassword", initial).type("birthday", "0800520")
        .type("newPassword", "Lin-New2026#").type("confirmPassword", "Lin-New2026#").submit("password-form");
    portal.pages().awaitText("password-done", "密碼已修改完成");
    portal.pages().awaitText("step-profile-title", "自訂帳號、電子郵件&電話");
    assertEquals("lin.xh@mail.gov.tw", portal.browser().find(By.id("email")).getDomProperty("value"), "the e-mail on file");

    portal.browser().go("/home.html");
    portal.pages().awaitUrl("/activate.html");
    portal.pages().awaitText("step-profile-title", "自訂帳號、電子郵件&電話");
    assertTrue(portal.pages().apiWithBrowserSession("/api/admin/audit").body().contains("activation-required"));
    portal.pages().screenshot("activate-profile");

    portal.pages().type("customAccount", "林小華").type("phone", "02-23979108#321").submit("profile-form");
    assertFalse(portal.pages().awaitText("customAccount-error", "帳號").isBlank());
    portal.pages().awaitText("profile-error", "資料有誤");

    portal.pages().type("customAccount", "linxh2026").submit("profile-form");
    portal.pages().awaitUrl("/home.html?activated=1");
    portal.pages().awaitText("user-name", "林小華 (帳號登入)");
    portal.pages().awaitText("home-message", "已完成首次啟用");

    TestServer.Response again = portal.server().post("/api/auth/login", Map.of("account", "linxh2026", "password", "Lin-New2026#"));
    assertEquals(200, again.status(), again.body());
    assertEquals("[]", again.json().get("pending").toString());
  }
}
