package tw.ecpa.bot.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import tw.ecpa.assistant.DevMail;

/**
 * The password reset as forms inside the widget: the request with the captcha, the code from the mail, a rejected
 * password and then a good one, nothing typed kept anywhere; the same reply whether or not the data match.
 */
class WidgetActionsPasswordResetTest {

  static final String ID = "A123456789";
  static final String SHORT = "Zq7#k";
  static final String GOOD = "Widget-New2026#";

  @RegisterExtension
  static final PortalInBrowser portal = new PortalInBrowser().freshTabBeforeEach();

  @Test
  void aFullReset_insideTheWidget_withTheMailedCode_keepsNothingTyped() {
    DevMail mail = DevMail.from(portal.server());
    WidgetPage widget = WidgetPage.open(portal.browser(), "/").openPanel();
    WidgetActionsKit kit = new WidgetActionsKit(widget);
    widget.ask("忘記密碼怎麼辦");
    // The bot's notice offers to do it here, as a menu-like option.
    WebElement offer = widget.option("在對話中重設密碼");
    assertEquals("act.password-reset", offer.getDomAttribute("data-option"));

    int before = widget.rows().size();
    offer.click();
    WebElement request = kit.form("password-reset.request", before + 2);
    WebElement row = kit.last("form");
    assertTrue(WidgetPage.text(row).contains("身分證字號"), WidgetPage.text(row));
    // Every input has its label; required ones are marked; hints are tied to their input.
    for (String name : List.of("idNumber", "email", "captchaAnswer", "sendAccount")) {
      WebElement input = WidgetActionsKit.field(request, name);
      assertFalse(WidgetActionsKit.label(request, input).getText().isBlank(), name);
      assertFalse(input.getAccessibleName().isBlank(), name);
    }
    assertEquals("email", WidgetActionsKit.field(request, "email").getDomAttribute("type"));
    assertEquals("checkbox", WidgetActionsKit.field(request, "sendAccount").getDomAttribute("type"));
    assertEquals("true", WidgetActionsKit.field(request, "idNumber").getDomProperty("required"));
    assertTrue(WidgetActionsKit.label(request, WidgetActionsKit.field(request, "idNumber")).getText().contains("*"));
    WebElement captcha = request.findElement(By.cssSelector("img.captcha-img"));
    assertTrue(captcha.getDomAttribute("src").startsWith("data:image/png;base64,"));
    assertEquals("驗證碼圖片", captcha.getAccessibleName());
    assertFalse(request.getText().contains(WidgetActionsKit.captchaAnswer(request)), "the answer is never shown");
    assertTrue(request.findElements(By.cssSelector(".hint")).stream().anyMatch(h -> h.getText().contains("A123456789")));
    assertEquals("送出", request.findElement(By.cssSelector(".form-submit")).getText());
    assertEquals("離開", request.findElement(By.cssSelector("[data-option='form.leave']")).getText());

    // Sending it empty names what is missing, without a request.
    int rows = widget.rows().size();
    request.findElement(By.cssSelector(".form-submit")).click();
    WebElement error = request.findElement(By.cssSelector(".form-error.missing"));
    assertTrue(error.getText().contains("身分證字號"), error.getText());
    assertEquals("alert", error.getDomAttribute("role"));
    assertEquals("true", WidgetActionsKit.field(request, "idNumber").getDomAttribute("aria-invalid"));
    assertEquals(rows, widget.rows().size());

    WidgetActionsKit.type(request, "idNumber", ID);
    WidgetActionsKit.type(request, "email", "wangxm@demo.ecpa.test");
    WidgetActionsKit.type(request, "captchaAnswer", WidgetActionsKit.captchaAnswer(request));
    portal.browser().screenshot("widget-form-request");
    before = kit.submit(request);

    // The user's side says only that a form was sent; the request form gives way to the notice and the next form.
    WebElement verify = kit.form("password-reset.verify", before + 3);
    assertEquals("已送出表單", WidgetPage.text(widget.rows().get(before)));
    assertTrue(WidgetPage.text(widget.rows().get(before + 1)).contains("認證碼"));
    assertTrue(widget.rows().get(before - 1).findElements(By.cssSelector("form")).isEmpty(), "the sent form is closed");
    assertTrue(widget.rows().get(before - 1).getText().contains("表單已送出"));
    WebElement newPassword = WidgetActionsKit.field(verify, "newPassword");
    assertEquals("password", newPassword.getDomAttribute("type"));
    assertEquals("password", WidgetActionsKit.field(verify, "confirmPassword").getDomAttribute("type"));
    assertEquals("確定", verify.findElement(By.cssSelector(".form-submit")).getText());

    String code = WidgetActionsKit.mailedCode(mail, "wangxm@demo.ecpa.test");
    WidgetActionsKit.type(verify, "accountOrId", "wangxm");
    WidgetActionsKit.type(verify, "code", code);
    WidgetActionsKit.type(verify, "newPassword", SHORT);
    WidgetActionsKit.type(verify, "confirmPassword", SHORT);
    before = kit.submit(verify);

    // Too short: the form comes again with the server's reason above its inputs, and the focus in its first one.
    WebElement again = kit.form("password-reset.verify", before + 2);
    WebElement reason = again.findElement(By.cssSelector(".form-error.reason"));
    assertTrue(reason.getText().startsWith("新密碼不符合設定原則"), reason.getText());
    assertTrue(reason.getText().contains("密碼長度需8碼以上"), reason.getText());
    assertEquals("alert", reason.getDomAttribute("role"));
    assertTrue(reason.isDisplayed());
    assertEquals(WidgetActionsKit.field(again, "accountOrId"), widget.focused());
    assertEquals("", WidgetActionsKit.field(again, "code").getDomProperty("value"), "a new, empty form");
    portal.browser().screenshot("widget-form-verify-error");

    WidgetActionsKit.type(again, "accountOrId", "wangxm");
    WidgetActionsKit.type(again, "code", code);
    WidgetActionsKit.type(again, "newPassword", GOOD);
    WidgetActionsKit.type(again, "confirmPassword", GOOD);
    before = kit.submit(again);
    widget.awaitIdle(before + 2);
    WebElement done = widget.rows().get(before + 1);
    assertEquals("notice", done.getDomAttribute("data-type"));
    assertTrue(WidgetPage.text(done).contains("密碼重設完成"), WidgetPage.text(done));
    assertTrue(widget.all(".row.form form").isEmpty(), "no form is left open");
    portal.browser().screenshot("widget-form-done");

    // The new password works.
    assertEquals(200, portal.server().post("/api/auth/login", Map.of("account", "wangxm", "password", GOOD)).status());

    // Nothing typed is anywhere: not in the transcript, the page, the inputs, nor after a reload.
    assertKeepsNothing(kit, code);
    List<String> mine = widget.all(".row.user").stream().map(WidgetPage::text).toList();
    assertEquals(List.of("忘記密碼怎麼辦", "在對話中重設密碼", "已送出表單", "已送出表單", "已送出表單"), mine);
    String saved = String.valueOf(widget.js("return sessionStorage.getItem('ecpa-chat:state');"));
    assertFalse(saved.contains("data:image"), "no captcha image kept");
    assertFalse(saved.contains("\"fields\""), "no form fields kept");

    widget.reload();
    widget.find(".row.form");
    assertTrue(widget.all(".row.form form").isEmpty(), "forms are not brought back");
    assertTrue(widget.all(".row.form .form-note").stream().allMatch(n -> n.getText().contains("表單已送出")));
    assertKeepsNothing(kit, code);
  }

  private static void assertKeepsNothing(WidgetActionsKit kit, String code) {
    String everything = kit.everything();
    for (String secret : List.of(code, SHORT, GOOD, ID)) {
      assertFalse(everything.contains(secret), "the widget keeps " + secret);
    }
  }

  @Test
  void aWrongCaptcha_bringsTheFormBack_aQuestionEndsIt_andAReloadLeavesItDead() {
    WidgetPage widget = WidgetPage.open(portal.browser(), "/").openPanel();
    WidgetActionsKit kit = new WidgetActionsKit(widget);
    widget.ask("忘記密碼怎麼辦");
    int before = widget.rows().size();
    widget.option("在對話中重設密碼").click();
    WebElement form = kit.form("password-reset.request", before + 2);
    String firstImage = form.findElement(By.cssSelector("img.captcha-img")).getDomAttribute("src");
    WidgetActionsKit.type(form, "idNumber", ID);
    WidgetActionsKit.type(form, "email", "wangxm@demo.ecpa.test");
    WidgetActionsKit.type(form, "captchaAnswer", "WRONG1");
    before = kit.submit(form);

    // The same form again, with a new captcha and the reason above its inputs.
    WebElement again = kit.form("password-reset.request", before + 2);
    assertTrue(again.findElement(By.cssSelector(".form-error.reason")).getText().startsWith("驗證碼錯誤"));
    assertFalse(firstImage.equals(again.findElement(By.cssSelector("img.captcha-img")).getDomAttribute("src")));
    assertEquals(1, widget.all(".row.form form").size(), "only the newest form is live");

    // Typing in it and then asking something else: the newer reply ends the form, and what was typed is gone.
    WidgetActionsKit.type(again, "idNumber", ID);
    widget.ask("自然人憑證解密失敗");
    assertTrue(widget.all(".row.form form").isEmpty());
    assertTrue(kit.last("form").getText().contains("表單已失效，請重新開始"), kit.last("form").getText());
    assertFalse(kit.everything().contains(ID));

    // A form still open when the page reloads comes back as its text only.
    widget.ask("忘記密碼怎麼辦");
    before = widget.rows().size();
    widget.option("在對話中重設密碼").click();
    WebElement open = kit.form("password-reset.request", before + 2);
    WidgetActionsKit.type(open, "idNumber", ID);
    widget.reload();
    widget.find(".row.form");
    assertTrue(widget.all(".row.form form").isEmpty());
    assertTrue(kit.last("form").getText().contains("表單已失效，請重新開始"));
    assertTrue(WidgetPage.text(kit.last("form")).contains("身分證字號"), "its text is kept");
    assertFalse(kit.everything().contains(ID));
    portal.browser().screenshot("widget-form-reloaded");
  }

  @Test
  void theRequestForm_fitsA360pxPhone_atTheLargeFont() {
    try (Browser phone = portal.anotherBrowser(360, 740)) {
      WidgetPage widget = WidgetPage.open(phone, "/").openPanel();
      widget.find(".fonts button[data-size='l']").click();
      widget.ask("忘記密碼怎麼辦");
      int before = widget.rows().size();
      widget.option("在對話中重設密碼").click();
      WebElement form = new WidgetActionsKit(widget).form("password-reset.request", before + 2);
      WebElement log = widget.find(".log");
      assertEquals(0, ((Number) widget.js("return arguments[0].scrollWidth - arguments[0].clientWidth;", log)).intValue(),
          "nothing sticks out sideways");
      WebElement input = WidgetActionsKit.field(form, "email");
      assertTrue(widget.rect(input, "right") <= widget.rect(log, "right"));
      widget.js("arguments[0].scrollIntoView({block: 'center'});", form.findElement(By.cssSelector("img.captcha-img")));
      phone.screenshot("widget-form-phone");
    }
  }

  @Test
  void mismatchedData_getTheSameVisibleReply_asAMatch() {
    List<String> matched = requestReply("H120987659", "chouzm@demo.ecpa.test");
    portal.browser().go("/");
    new WidgetPage(portal.browser()).js("sessionStorage.clear();");
    List<String> mismatched = requestReply("H120987659", "not.his@mail.gov.tw");
    assertEquals(matched, mismatched);
    assertTrue(matched.get(0).contains("認證碼"), matched.toString());
  }

  /** Sends the request form in a new conversation; returns the texts of the reply's messages. */
  private List<String> requestReply(String idNumber, String email) {
    WidgetPage widget = WidgetPage.open(portal.browser(), "/").openPanel();
    WidgetActionsKit kit = new WidgetActionsKit(widget);
    widget.ask("忘記密碼怎麼辦");
    int before = widget.rows().size();
    widget.option("在對話中重設密碼").click();
    WebElement form = kit.form("password-reset.request", before + 2);
    WidgetActionsKit.type(form, "idNumber", idNumber);
    WidgetActionsKit.type(form, "email", email);
    WidgetActionsKit.type(form, "captchaAnswer", WidgetActionsKit.captchaAnswer(form));
    before = kit.submit(form);
    kit.form("password-reset.verify", before + 3);
    assertNull(widget.all(".row").stream().filter(r -> "error".equals(r.getDomAttribute("data-type"))).findFirst()
        .orElse(null));
    return widget.rows().subList(before + 1, widget.rows().size()).stream()
        .map(r -> r.getDomAttribute("data-type") + ":" + WidgetPage.text(r)).toList();
  }
}
