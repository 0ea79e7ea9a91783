package tw.ecpa.bot.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * 忘記密碼 and 重設驗證信箱 entirely through the pages, in a real Chromium: the captcha, the mailed
 * 認證碼 read off the development mailbox page, the mailed link to 驗證認證碼, the password rules on
 * 重設密碼, and the login with the new password.
 */
class PortalPagesRecoveryTest {

  @RegisterExtension
  static final PortalInBrowser portal = new PortalInBrowser();

  @Test
  void forgotPassword_throughThePages_endsLoggedInWithTheNewPassword() {
    portal.browser().go("/password/forgot.html");
    String answer = portal.pages().captchaAnswer();
    assertFalse(portal.browser().find(By.tagName("main")).getText().contains(answer), "the answer is never shown");
    portal.pages().type("idNumber", "A123456789").type("email", "wangxm@demo.ecpa.test").type("captchaAnswer", answer);
    portal.pages().screenshot("forgot");
    portal.pages().submit("forgot-form");
    portal.pages().awaitText("forgot-result", "我們已將認證碼函寄至您的電子信箱");
    assertNotEquals(answer, portal.pages().captchaAnswer(), "a used captcha is replaced");

    String mail = portal.pages().newestMail("wangxm@demo.ecpa.test", "您的認證碼");
    String code = PortalPagesKit.find(mail, "您的認證碼：\\s*(\\S+)");
    portal.pages().screenshot("dev-mailbox");
    WebElement link = portal.browser().await(d -> d.findElements(By.cssSelector("#mail-list .mail pre a")).stream()
        .filter(a -> a.getText().endsWith("/password/verify.html?code=" + code)).findFirst().orElse(null));
    link.click();

    portal.pages().awaitUrl("/password/verify.html?code=" + code);
    assertEquals(code, portal.browser().find(By.id("code")).getDomProperty("value"), "the code comes from the link");
    portal.pages().type("accountOrId", "wangxm");
    portal.pages().screenshot("verify");
    portal.pages().submit("verify-form");

    portal.pages().awaitUrl("/password/reset.html");
    portal.pages().type("newPassword", "Ab1!").type("confirmPassword", "Ab1!").submit("reset-form");
    String rules = portal.pages().awaitText("reset-error", "密碼長度需8碼以上");
    assertTrue(rules.contains("新密碼不符合下列密碼設定原則"), rules);
    portal.pages().screenshot("reset");
    portal.pages().type("newPassword", "Wang-Reset2026#").type("confirmPassword", "Wang-Reset2026#").submit("reset-form");
    portal.pages().awaitText("reset-result", "密碼已重設完成");
    portal.pages().click(By.linkText("回登入頁"));

    portal.pages().awaitText("page-message", "密碼已重設完成，請使用新密碼登入");
    assertEquals(401, portal.server().post("/api/auth/login", Map.of("account", "wangxm", "password", "Wang-Demo2026!")).status(),
        "the old password is gone");
    portal.pages().login("wangxm", "Wang-Reset2026#").awaitUrl("/home.html");
    portal.pages().awaitText("user-name", "王小明 (帳號登入)");
    String first = portal.pages().awaitText("countdown", "距離登出尚餘");
    assertTrue(first.matches("距離登出尚餘 (19|20) 分 \\d\\d 秒"), first);
    portal.browser().await(d -> d.findElement(By.id("countdown")).getText().equals(first) ? null : true);
    portal.pages().screenshot("home");
  }

  @Test
  void reverifyMailbox_showsTheDateError_thenTheAcceptedMessage_andMailsACode() {
    portal.browser().go("/mailbox/reverify.html");
    portal.pages().type("idNumber", "H120987659").type("birthday", "0721399").type("onDutyDate", "1090615")
        .type("email", "chou.new@mail.gov.tw").type("captchaAnswer", portal.pages().captchaAnswer())
        .submit("reverify-form");
    portal.pages().awaitText("reverify-error", "請輸入民國年月日7碼");
    assertEquals("true", portal.browser().find(By.id("birthday")).getDomAttribute("aria-invalid"));

    portal.pages().type("birthday", "0721111").type("captchaAnswer", portal.pages().captchaAnswer()).submit("reverify-form");
    portal.pages().awaitText("reverify-result", "我們已將您的電子信箱重新設定為您輸入的Email");
    assertEquals("", portal.browser().driver().findElement(By.id("reverify-error")).getText(), "the old error is gone");
    portal.pages().screenshot("reverify");
    assertTrue(portal.pages().newestMail("chou.new@mail.gov.tw", "您的認證碼").contains("/password/verify.html?code="));
  }

  @Test
  void verifyPage_withAWrongCode_saysSo_andResetPage_withoutAToken_sendsBackToVerify() {
    portal.browser().go("/password/verify.html?code=WRONG123");
    portal.pages().type("accountOrId", "wangxm").submit("verify-form");
    portal.pages().awaitText("verify-error", "帳號或認證碼錯誤");

    ((org.openqa.selenium.JavascriptExecutor) portal.browser().driver()).executeScript("sessionStorage.clear();");
    portal.browser().go("/password/reset.html");
    portal.pages().awaitText("reset-missing", "請先完成認證碼驗證");
    assertFalse(portal.browser().find(By.id("reset-missing")).findElements(By.cssSelector("a[href='/password/verify.html']")).isEmpty());
  }
}
