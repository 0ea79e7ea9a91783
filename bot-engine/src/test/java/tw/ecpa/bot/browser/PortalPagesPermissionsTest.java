package tw.ecpa.bot.browser;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import tw.ecpa.bot.server.TestServer;

/**
 * 權限與兼辦管理 through the pages: the demo HR officer delegates 重設員工密碼 to 周志明 of another
 * organization on 兼辦管理, 兼辦應用系統權限查詢 shows him, the officer revokes the delegation and the
 * search comes back empty; an employee without the manager right is told so; the page fits 360 px.
 */
class PortalPagesPermissionsTest {

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

  void setDate(String id, LocalDate date) {
    WebElement input = browser.find(By.id(id));
    ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].value = arguments[1];", input, date.toString());
  }

  void searchDelegatedHolders() {
    pages.click(By.linkText("兼辦應用系統權限查詢"));
    pages.awaitText("tab-search-title", "進階搜尋");
    new Select(browser.find(By.id("search-system"))).selectByVisibleText("重設員工密碼");
    pages.submit("search-form");
  }

  @Test
  void anHrOfficer_delegatesAndRevokes_andTheSearchShowsIt() {
    LocalDate today = LocalDate.now(ZoneId.of("Asia/Taipei"));
    pages.login("hrchang", "Hr-Demo2026!").awaitUrl("/home.html");
    pages.click(By.cssSelector("#portal-menu a[href='/hr/permissions.html']")).awaitUrl("/hr/permissions.html");
    pages.awaitText("tab-grants-title", "應用系統授權設定");
    assertTrue(pages.awaitText("grant-table", "差勤管理系統").contains("王小明"), "the demo grants are listed");

    pages.click(By.linkText("兼辦管理"));
    pages.awaitText("tab-delegations-title", "兼辦管理");
    pages.type("delegation-person", "chouzm");
    new Select(browser.find(By.id("delegation-system"))).selectByVisibleText("重設員工密碼");
    setDate("delegation-startDate", today);
    setDate("delegation-endDate", today.plusDays(2));
    pages.submit("delegation-form");
    pages.awaitText("perm-result", "已設定 周志明 兼辦【重設員工密碼】");
    assertTrue(pages.awaitText("delegation-table", "兼辦中").contains("行政院人事行政總處人事資訊處"));
    pages.screenshot("permissions-delegation");

    // The delegate, who has no HR role, finds 權限與兼辦管理 in the menu and it leads to the reset.
    pages.click(By.id("logout")).awaitUrl("reason=logout");
    pages.login("chouzm", "Chou-Demo2026!").awaitUrl("/home.html");
    pages.click(By.cssSelector("#portal-menu a[href='/hr/password-reset.html']")).awaitUrl("/hr/password-reset.html");
    pages.click(By.id("logout")).awaitUrl("reason=logout");
    pages.login("hrchang", "Hr-Demo2026!").awaitUrl("/home.html");
    browser.go("/hr/permissions.html");
    pages.awaitText("tab-grants-title", "應用系統授權設定");

    searchDelegatedHolders();
    assertTrue(pages.awaitText("search-table", "周志明").contains("兼辦"));

    pages.click(By.linkText("兼辦管理"));
    pages.awaitText("delegation-table", "兼辦中");
    // Scrolled to the middle first: the chat launcher sits over the window's bottom-right corner.
    WebElement revoke = browser.find(By.cssSelector("#delegation-table button"));
    ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'center'});", revoke);
    revoke.click();
    pages.awaitText("perm-confirm", "確定撤銷 周志明 兼辦【重設員工密碼】");
    pages.click(By.id("perm-confirm-ok"));
    pages.awaitText("perm-result", "已撤銷");
    pages.awaitText("delegation-table", "已撤銷");

    searchDelegatedHolders();
    pages.awaitText("search-table", "查無資料");
    assertFalse(browser.find(By.id("search-table")).getText().contains("周志明"));

    Dimension wide = browser.driver().manage().window().getSize();
    browser.driver().manage().window().setSize(new Dimension(360, 800));
    try {
      pages.click(By.linkText("兼辦管理"));
      pages.awaitText("delegation-table", "已撤銷");
      assertFalse(pages.scrollsSideways(), "the permissions page scrolls sideways at 360 px");
    } finally {
      browser.driver().manage().window().setSize(wide);
    }

    pages.click(By.id("logout")).awaitUrl("reason=logout");
    pages.login("wangxm", "Wang-Demo2026!").awaitUrl("/home.html");
    browser.go("/hr/permissions.html");
    pages.awaitText("page-error", "您沒有管理機關權限的權限");
    assertFalse(browser.driver().findElement(By.id("perm-body")).isDisplayed());
  }
}
