package tw.ecpa.bot.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import tw.ecpa.portal.testing.MovableClock;
import tw.ecpa.portal.time.RocDate;

/**
 * 問卷管理 and 待辦事項 in a real Chromium: hrchang writes a questionnaire and publishes it to his whole
 * organization; wangxm logs in, sees 1份待填問卷 and the to-do, answers part of it, 下次再填, comes back
 * to his saved answers and submits; the pages hold at 360 px.
 */
class PortalPagesQuestionnaireTest {

  // The server's days are chosen and the browser's clock is the machine's: the publish form must take its
  // opening time from the server, or the questionnaire would open when the computer's clock says.
  static final MovableClock CLOCK = MovableClock.ticking(MovableClock.WORKING_MORNING);
  @RegisterExtension
  static final PortalInBrowser portal = new PortalInBrowser().clock(CLOCK);

  @Test
  void hrPublishes_employeeSeesItSavesForLaterAndSubmits() {
    // HR: a draft with a single-choice and a text question, published to 人事總處全體同仁.
    portal.pages().login("hrchang", "Hr-Demo2026!").awaitUrl("/home.html");
    portal.browser().go("/questionnaires/edit.html");
    portal.browser().await(d -> d.findElement(By.id("edit-form")).isDisplayed());
    portal.pages().type("title", "數位治理意見調查");
    portal.pages().type("question-q1-title", "您使用 eCPA 的頻率？");
    portal.pages().type("question-q1-options", "每天\n每週\n很少");
    portal.pages().click(By.id("add-question"));
    new Select(portal.browser().find(By.id("question-q2-kind"))).selectByVisibleText("問答題");
    portal.browser().await(d -> d.findElements(By.id("question-q2-options")).isEmpty() ? true : null);
    portal.pages().type("question-q2-title", "其他建議");
    portal.pages().submit("edit-form");
    portal.pages().awaitText("page-message", "問卷已儲存");
    portal.browser().await(d -> d.findElement(By.id("publish")).isDisplayed());
    portal.browser().await(d -> d.findElements(By.cssSelector("#group option")).size() > 1 ? true : null);
    String opensAt = portal.browser().find(By.id("opensAt")).getDomProperty("value");
    assertTrue(opensAt.startsWith(LocalDate.ofInstant(CLOCK.instant(), RocDate.TAIPEI) + "T"),
        "the opening time filled in is the server's today, not the computer's: " + opensAt);
    new Select(portal.browser().find(By.id("group"))).selectByIndex(1);
    portal.pages().submit("publish-form");
    portal.browser().await(d -> {
      try {
        d.switchTo().alert().accept();
        return true;
      } catch (org.openqa.selenium.NoAlertPresentException e) {
        return null;
      }
    });
    String published = portal.browser().await(d -> {
      String done = d.findElement(By.id("page-message")).getText();
      String refused = d.findElement(By.id("publish-error")).getText();
      return done.contains("問卷已發布給") || !refused.isEmpty() ? done + refused : null;
    });
    assertTrue(published.contains("問卷已發布給"), published);
    assertFalse(portal.browser().driver().findElement(By.id("save")).isDisplayed(), "published questions no longer change");
    assertTrue(portal.browser().find(By.id("question-q1-title")).getDomAttribute("disabled") != null);
    portal.pages().click(By.id("logout")).awaitUrl("reason=logout");

    // The employee: 1份待填問卷 and the to-do on the home page.
    portal.pages().login("wangxm", "Wang-Demo2026!").awaitUrl("/home.html");
    portal.pages().awaitText("pending-count", "1份待填問卷");
    String todo = portal.pages().awaitText("todo-days", "填寫問卷：數位治理意見調查");
    assertTrue(todo.contains("今天"), todo);
    assertTrue(todo.contains("昨天") && todo.contains("明天"), todo);
    portal.pages().screenshot("home-questionnaire-todo");
    portal.pages().click(By.linkText("填寫問卷：數位治理意見調查")).awaitUrl("/questionnaires/fill.html?id=");

    // Part of it, then 下次再填.
    portal.browser().await(d -> d.findElement(By.id("fill-form")).isDisplayed());
    portal.pages().click(By.cssSelector("label[for='q-q1-1']"));
    portal.pages().click(By.id("save-later"));
    portal.pages().awaitText("fill-message", "下次再填");

    // Back home: still pending, marked as saved; the saved answer comes back.
    portal.browser().go("/home.html");
    portal.pages().awaitText("pending-list", "已暫存");
    portal.pages().click(By.linkText("數位治理意見調查")).awaitUrl("/questionnaires/fill.html?id=");
    portal.pages().awaitText("fill-message", "上次暫存");
    assertTrue(portal.browser().find(By.id("q-q1-1")).isSelected(), "每週 is still chosen");
    assertFalse(portal.browser().find(By.id("q-q1-0")).isSelected());

    // Submitting without the required text names the question; with it, the questionnaire is done.
    portal.pages().submit("fill-form");
    portal.pages().awaitText("fill-error", "必填");
    assertEquals("true", portal.browser().find(By.id("question-q2")).getDomAttribute("aria-invalid"));
    portal.pages().type("q-q2", "希望增加行動版功能");
    portal.pages().submit("fill-form");
    portal.pages().awaitText("fill-message", "問卷已送出");
    portal.pages().awaitText("fill-title", "(已作答)");
    portal.pages().screenshot("questionnaire-submitted");
    portal.browser().go("/home.html");
    portal.pages().awaitText("pending-count", "0份待填問卷");
    portal.pages().click(By.id("logout")).awaitUrl("reason=logout");

    // HR reads the result.
    portal.pages().login("hrchang", "Hr-Demo2026!").awaitUrl("/home.html");
    portal.browser().go("/questionnaires/index.html");
    portal.pages().click(By.linkText("填答結果")).awaitUrl("/questionnaires/results.html?id=");
    portal.pages().awaitText("results-summary", "已送出 1 份");
    String results = portal.pages().awaitText("results", "希望增加行動版功能");
    assertTrue(results.contains("每週"), results);
    assertTrue(portal.browser().find(By.id("csv-link")).getDomAttribute("href").endsWith("/results.csv"));
    portal.pages().screenshot("questionnaire-results");
    portal.pages().click(By.id("logout")).awaitUrl("reason=logout");
  }

  @Test
  void pages_at360px_doNotScrollSideways_andTheCalendarOpens() {
    try (Browser phone = portal.anotherBrowser(360, 740)) {
      PortalPagesKit small = portal.pages(phone);
      small.login("hrchang", "Hr-Demo2026!").awaitUrl("/home.html");
      small.awaitText("todo-days", "今天");
      small.click(By.id("calendar-toggle"));
      phone.await(d -> d.findElements(By.cssSelector("#todo-calendar td button")).size() == 42 ? true : null);
      assertFalse(small.scrollsSideways(), "home scrolls sideways at 360 px");
      small.screenshot("home-todos-360");
      small.click(By.id("todo-previous"));
      String earlier = phone.await(d -> {
        String text = d.findElement(By.id("todo-days")).getText();
        return text.contains("今天") ? null : text;
      });
      assertFalse(earlier.contains("昨天") || earlier.contains("明天"), earlier);
      phone.go("/questionnaires/index.html");
      small.awaitText("template-list", "數位治理");
      WebElement stats = phone.await(d -> d.findElement(By.id("statistics")).isDisplayed()
          ? d.findElement(By.id("statistics")) : null);
      assertTrue(stats.getText().contains("人事總處問卷統計"), "hrchang holds 人事總處問卷統計");
      assertFalse(small.scrollsSideways(), "問卷專區 scrolls sideways at 360 px");
      small.screenshot("questionnaires-index-360");

      // The demo template, with its matrix question, opens in the editor.
      small.click(By.linkText("以此範本新增問卷")).awaitUrl("/questionnaires/edit.html?template=");
      phone.await(d -> d.findElements(By.cssSelector("#questions > li")).size() == 5 ? true : null);
      assertEquals("matrix", phone.find(By.id("question-q5-kind")).getDomProperty("value"));
      assertFalse(small.scrollsSideways(), "the editor scrolls sideways at 360 px");
      small.screenshot("questionnaires-edit-360");
    }
  }
}
