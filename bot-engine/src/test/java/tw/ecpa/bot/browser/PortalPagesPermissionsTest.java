package tw.ecpa.bot.browser;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import tw.ecpa.portal.testing.MovableClock;
import tw.ecpa.portal.time.RocDate;

/**
 * 權限與兼辦管理 through the pages: the demo HR officer delegates 重設員工密碼 to 周志明 of another
 * organization on 兼辦管理, 兼辦應用系統權限查詢 shows him, the officer revokes the delegation and the
 * search comes back empty; an employee without the manager right is told so; the page fits 360 px.
 */
class PortalPagesPermissionsTest {

  // No script of these pages reads the browser's clock: the server's days are chosen.
  static final MovableClock CLOCK = MovableClock.ticking(MovableClock.WORKING_MORNING);
  @RegisterExtension
  static final PortalInBrowser portal = new PortalInBrowser().clock(CLOCK);

  void setDate(String id, LocalDate date) {
    WebElement input = portal.browser().find(By.id(id));
    ((JavascriptExecutor) portal.browser().driver()).executeScript("arguments[0].value = arguments[1];", input, date.toString());
  }

  void searchDelegatedHolders() {
    portal.pages().click(By.linkText("兼辦應用系統權限查詢"));
    portal.pages().awaitText("tab-search-title", "進階搜尋");
    new Select(portal.browser().find(By.id("search-system"))).selectByVisibleText("重設員工密碼");
    portal.pages().submit("search-form");
  }

  @Test
  void anHrOfficer_delegatesAndRevokes_andTheSearchShowsIt() {
    LocalDate today = LocalDate.ofInstant(CLOCK.instant(), RocDate.TAIPEI);
    portal.pages().login("hrchang", "Hr-Demo2026!").awaitUrl("/home.html");
    portal.pages().click(By.cssSelector("#portal-menu a[href='/hr/permissions.html']")).awaitUrl("/hr/permissions.html");
    portal.pages().awaitText("tab-grants-title", "應用系統授權設定");
    assertTrue(portal.pages().awaitText("grant-table", "差勤管理系統").contains("王小明"), "the demo grants are listed");

    portal.pages().click(By.linkText("兼辦管理"));
    portal.pages().awaitText("tab-delegations-title", "兼辦管理");
    portal.pages().type("delegation-person", "chouzm");
    new Select(portal.browser().find(By.id("delegation-system"))).selectByVisibleText("重設員工密碼");
    setDate("delegation-startDate", today);
    setDate("delegation-endDate", today.plusDays(2));
    portal.pages().submit("delegation-form");
    portal.pages().awaitText("perm-result", "已設定 周志明 兼辦【重設員工密碼】");
    assertTrue(portal.pages().awaitText("delegation-table", "兼辦中").contains("行政院人事行政總處人事資訊處"));
    portal.pages().screenshot("permissions-delegation");

    // The delegate, who has no HR role, finds 權限與兼辦管理 in the menu and it leads to the reset.
    portal.pages().click(By.id("logout")).awaitUrl("reason=logout");
    portal.pages().login("chouzm", "Chou-Demo2026!").awaitUrl("/home.html");
    portal.pages().click(By.cssSelector("#portal-menu a[href='/hr/password-reset.html']")).awaitUrl("/hr/password-reset.html");
    portal.pages().click(By.id("logout")).awaitUrl("reason=logout");
    portal.pages().login("hrchang", "Hr-Demo2026!").awaitUrl("/home.html");
    portal.browser().go("/hr/permissions.html");
    portal.pages().awaitText("tab-grants-title", "應用系統授權設定");

    searchDelegatedHolders();
    assertTrue(portal.pages().awaitText("search-table", "周志明").contains("兼辦"));

    portal.pages().click(By.linkText("兼辦管理"));
    portal.pages().awaitText("delegation-table", "兼辦中");
    // Scrolled to the middle first: the chat launcher sits over the window's bottom-right corner.
    WebElement revoke = portal.browser().find(By.cssSelector("#delegation-table button"));
    ((JavascriptExecutor) portal.browser().driver()).executeScript("arguments[0].scrollIntoView({block: 'center'});", revoke);
    revoke.click();
    portal.pages().awaitText("perm-confirm", "確定撤銷 周志明 兼辦【重設員工密碼】");
    portal.pages().click(By.id("perm-confirm-ok"));
    portal.pages().awaitText("perm-result", "已撤銷");
    portal.pages().awaitText("delegation-table", "已撤銷");

    searchDelegatedHolders();
    portal.pages().awaitText("search-table", "查無資料");
    assertFalse(portal.browser().find(By.id("search-table")).getText().contains("周志明"));

    Dimension wide = portal.browser().driver().manage().window().getSize();
    portal.browser().driver().manage().window().setSize(new Dimension(360, 800));
    try {
      portal.pages().click(By.linkText("兼辦管理"));
      portal.pages().awaitText("delegation-table", "已撤銷");
      assertFalse(portal.pages().scrollsSideways(), "the permissions page scrolls sideways at 360 px");
    } finally {
      portal.browser().driver().manage().window().setSize(wide);
    }

    portal.pages().click(By.id("logout")).awaitUrl("reason=logout");
    portal.pages().login("wangxm", "Wang-Demo2026!").awaitUrl("/home.html");
    portal.browser().go("/hr/permissions.html");
    portal.pages().awaitText("page-error", "您沒有管理機關權限的權限");
    assertFalse(portal.browser().driver().findElement(By.id("perm-body")).isDisplayed());
  }
}
