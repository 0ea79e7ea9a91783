package tw.ecpa.bot.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import tw.ecpa.portal.testing.MovableClock;

/**
 * The logged-in pages in a real Chromium, against a server whose clock the test moves: 我的專區
 * (個人資料修改, 修改密碼), the 距離登出尚餘 countdown with 重整 and the return to the login page when
 * the session idles out, and the administrator's 稽核紀錄.
 */
class PortalPagesAccountTest {

  static final MovableClock CLOCK = new MovableClock(MovableClock.WORKING_MORNING);

  @RegisterExtension
  static final PortalInBrowser portal = new PortalInBrowser().clock(CLOCK);

  String value(String id) {
    return portal.browser().find(By.id(id)).getDomProperty("value");
  }

  @Test
  void myProfile_showsTheProfile_namesWrongFields_andSaves() {
    portal.pages().login("chouzm", "Chou-Demo2026!").awaitUrl("/home.html");
    portal.pages().click(By.linkText("個人資料修改")).awaitUrl("/my/profile.html");
    portal.browser().await(d -> "chouzm".equals(value("customAccount")));
    assertEquals("chouzm@demo.ecpa.test", value("email"));

    portal.pages().type("phone", "12").submit("profile-form");
    portal.pages().awaitText("profile-error", "資料有誤");
    assertFalse(portal.pages().awaitText("phone-error", "").isBlank());
    assertEquals("true", portal.browser().find(By.id("phone")).getDomAttribute("aria-invalid"));

    portal.pages().type("phone", "049-2359108").submit("profile-form");
    portal.pages().awaitText("profile-result", "個人資料已儲存");
    assertEquals(null, portal.browser().find(By.id("phone")).getDomAttribute("aria-invalid"));
    portal.pages().screenshot("my-profile");
    portal.browser().go("/my/profile.html");
    portal.browser().await(d -> "049-2359108".equals(value("phone")) ? true : null);
  }

  @Test
  void myPassword_showsTheLastChange_namesTheBrokenRules_andChangesThePassword() {
    portal.pages().login("hrchang", "Hr-Demo2026!").awaitUrl("/home.html");
    portal.browser().go("/my/password.html");
    String changed = portal.pages().awaitText("password-changed-at", "年");
    assertTrue(changed.matches("上一次修改密碼日期為：\\d+年\\d+月\\d+日 \\d+時\\d+分"), changed);
    assertTrue(portal.browser().find(By.id("my-rules")).getText().contains("新密碼不可與前3次密碼相同"));
    assertFalse(portal.browser().driver().findElement(By.id("birthday-field")).isDisplayed(), "no birthday after the first login");

    portal.pages().type("currentPassword", "Not-Mine-2026!").type("newPassword", "Hr-New2026#x")
        .type("confirmPassword", "Hr-New2026#x").submit("password-form");
    portal.pages().awaitText("password-error", "目前的密碼輸入錯誤");

    portal.pages().type("currentPassword", "Hr-Demo2026!").type("newPassword", "hrchang2026")
        .type("confirmPassword", "hrchang2026").submit("password-form");
    String rules = portal.pages().awaitText("password-error", "密碼須包含特殊符號");
    assertTrue(rules.startsWith("新密碼不符合下列密碼設定原則"), rules);
    portal.pages().screenshot("my-password");

    portal.pages().type("currentPassword", "Hr-Demo2026!").type("newPassword", "Hr-New2026#x")
        .type("confirmPassword", "Hr-New2026#x").submit("password-form");
    portal.pages().awaitText("password-result", "密碼已修改完成");
    assertEquals(200, portal.server().post("/api/auth/login", Map.of("account", "hrchang", "password", "Hr-New2026#x")).status());
  }

  @Test
  void countdown_ticks_refreshRestartsIt_andIdlenessEndsOnTheLoginPage() {
    portal.pages().login("wangxm", "Wang-Demo2026!").awaitUrl("/home.html");
    String first = portal.pages().awaitText("countdown", "距離登出尚餘");
    portal.browser().await(d -> d.findElement(By.id("countdown")).getText().equals(first) ? null : true);
    assertFalse(portal.browser().find(By.id("tile-my-title")).getText().isEmpty());
    assertFalse(portal.browser().driver().findElement(By.id("tile-hr")).isDisplayed(), "not an HR officer");
    assertFalse(portal.browser().driver().findElement(By.id("tile-admin")).isDisplayed(), "not an administrator");

    CLOCK.advance(Duration.ofMinutes(5));
    portal.browser().driver().navigate().refresh();
    portal.browser().await(d -> d.findElement(By.id("countdown")).getText().matches("距離登出尚餘 1[45] 分 \\d\\d 秒") ? true : null);
    portal.pages().click(By.id("session-refresh"));
    portal.browser().await(d -> d.findElement(By.id("countdown")).getText().matches("距離登出尚餘 (19|20) 分 \\d\\d 秒") ? true : null);

    CLOCK.advance(Duration.ofSeconds(20 * 60 - 4));
    portal.browser().driver().navigate().refresh();
    portal.pages().awaitText("countdown", "距離登出尚餘 0 分 0");
    assertTrue(portal.browser().find(By.id("idle-warning")).getDomProperty("textContent").contains("1分鐘內因閒置自動登出"));
    CLOCK.advance(Duration.ofMinutes(1));
    portal.pages().awaitUrl("/?reason=idle");
    portal.pages().awaitText("page-message", "您已閒置逾時，系統已自動登出");
    assertEquals(401, portal.pages().apiWithBrowserSession("/api/auth/session").status());
  }

  @Test
  void administrator_seesTheAuditLog() {
    portal.pages().login("admin", "Admin-Demo2026!").awaitUrl("/home.html");
    portal.pages().click(By.linkText("稽核紀錄")).awaitUrl("/admin/audit.html");
    String rows = portal.pages().awaitText("audit-rows", "登入成功（LOGIN_SUCCEEDED）");
    assertTrue(rows.contains("E1234*****"), rows);
    assertFalse(rows.contains("E123456783"), "identity numbers stay masked");
    portal.pages().awaitText("audit-status", "筆事件");
    portal.pages().screenshot("admin-audit");
  }
}
