package tw.ecpa.bot.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import tw.ecpa.bot.server.TestServer;

/**
 * 忘記密碼 and 重設驗證信箱 entirely through the pages, in a real Chromium: the captcha, the mailed
 * 認證碼 read off the development mailbox page, the mailed link to 驗證認證碼, the password rules on
 * 重設密碼, and the login with the new password.
 */
class PortalPagesRecoveryTest {

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
  void forgotPassword_throughThePages_endsLoggedInWithTheNewPassword() {
    browser.go("/password/forgot.html");
    String answer = pages.captchaAnswer();
    assertFalse(browser.find(By.tagName("main")).getText().contains(answer), "the answer is never shown");
    pages.type("idNumber", "A123456789").type("email", "wangxm@demo.ecpa.test").type("captchaAnswer", answer);
    pages.screenshot("forgot");
    pages.submit("forgot-form");
    pages.awaitText("forgot-result", "我們已將認證碼函寄至您的電子信箱");
    assertNotEquals(answer, pages.captchaAnswer(), "a used captcha is replaced");

    String mail = pages.newestMail("wangxm@demo.ecpa.test", "您的認證碼");
    String code = PortalPagesKit.find(mail, "您的認證碼：\\s*(\\S+)");
    pages.screenshot("dev-mailbox");
    WebElement link = browser.await(d -> d.findElements(By.cssSelector("#mail-list .mail pre a")).stream()
        .filter(a -> a.getText().endsWith("/password/verify.html?code=" + code)).findFirst().orElse(null));
    link.click();

    pages.awaitUrl("/password/verify.html?code=" + code);
    assertEquals(code, browser.find(By.id("code")).getDomProperty("value"), "the code comes from the link");
    pages.type("accountOrId", "wangxm");
    pages.screenshot("verify");
    pages.submit("verify-form");

    pages.awaitUrl("/password/reset.html");
    pages.type("newPassword", "Ab1!").type("confirmPassword", "Ab1!").submit("reset-form");
    String rules = pages.awaitText("reset-error", "密碼長度需8碼以上");
    assertTrue(rules.contains("新密碼不符合下列密碼設定原則"), rules);
    pages.screenshot("reset");
    pages.type("newPassword", "Wang-Reset2026#").type("confirmPassword", "Wang-Reset2026#").submit("reset-form");
    pages.awaitText("reset-result", "密碼已重設完成");
    pages.click(By.linkText("回登入頁"));

    pages.awaitText("page-message", "密碼已重設完成，請使用新密碼登入");
    assertEquals(401, server.post("/api/auth/login", Map.of("account", "wangxm", "password", "Wang-Demo2026!")).status(),
        "the old password is gone");
    pages.login("wangxm", "Wang-Reset2026#").awaitUrl("/home.html");
    pages.awaitText("user-name", "王小明 (帳號登入)");
    String first = pages.awaitText("countdown", "距離登出尚餘");
    assertTrue(first.matches("距離登出尚餘 (19|20) 分 \\d\\d 秒"), first);
    browser.await(d -> d.findElement(By.id("countdown")).getText().equals(first) ? null : true);
    pages.screenshot("home");
  }

  @Test
  void reverifyMailbox_showsTheDateError_thenTheAcceptedMessage_andMailsACode() {
    browser.go("/mailbox/reverify.html");
    pages.type("idNumber", "H120987659").type("birthday", "0721399").type("onDutyDate", "1090615")
        .type("email", "chou.new@mail.gov.tw").type("captchaAnswer", pages.captchaAnswer())
        .submit("reverify-form");
    pages.awaitText("reverify-error", "請輸入民國年月日7碼");
    assertEquals("true", browser.find(By.id("birthday")).getDomAttribute("aria-invalid"));

    pages.type("birthday", "0721111").type("captchaAnswer", pages.captchaAnswer()).submit("reverify-form");
    pages.awaitText("reverify-result", "我們已將您的電子信箱重新設定為您輸入的Email");
    assertEquals("", browser.driver().findElement(By.id("reverify-error")).getText(), "the old error is gone");
    pages.screenshot("reverify");
    assertTrue(pages.newestMail("chou.new@mail.gov.tw", "您的認證碼").contains("/password/verify.html?code="));
  }

  @Test
  void verifyPage_withAWrongCode_saysSo_andResetPage_withoutAToken_sendsBackToVerify() {
    browser.go("/password/verify.html?code=WRONG123");
    pages.type("accountOrId", "wangxm").submit("verify-form");
    pages.awaitText("verify-error", "帳號或認證碼錯誤");

    ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript("sessionStorage.clear();");
    browser.go("/password/reset.html");
    pages.awaitText("reset-missing", "請先完成認證碼驗證");
    assertFalse(browser.find(By.id("reset-missing")).findElements(By.cssSelector("a[href='/password/verify.html']")).isEmpty());
  }
}
