package tw.ecpa.bot.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * The login page's card and phone logins in a real Chromium, driving the default run's simulators as
 * a person would: insert a demo card and type its PIN (自然人憑證, 機關憑證), insert a health card and
 * type its registration password (健保卡), type the ID number and approve on the "phone"
 * (行動自然人憑證). Each lands where its session belongs and the user bar names the method.
 */
class PortalPagesCardLoginTest {

  @RegisterExtension
  static final PortalInBrowser portal = new PortalInBrowser();

  @BeforeEach
  void openLoginPage() {
    portal.browser().forgetSession();
    portal.browser().go("/");
    PortalPagesLoginTest.awaitPanels(portal.browser());
  }

  private static void insert(String selectId, String optionText) {
    portal.browser().await(d -> d.findElements(By.cssSelector("#" + selectId + " option")).size() > 1);
    new Select(portal.browser().find(By.id(selectId))).selectByVisibleText(optionText);
  }

  @Test
  void aCitizenCard_usedTheFirstTime_asksForTheAccount_thenLogsIn() {
    insert("cert-card", "自然人憑證：王小明（A1234*****）");
    portal.pages().type("cert-pin", "000000").submit("cert-form");
    assertTrue(portal.pages().awaitText("cert-error", "尚可再試 2 次").contains("0x76100006"));

    portal.pages().type("cert-pin", "123456").submit("cert-form");
    assertTrue(portal.pages().awaitText("bind-intro", "王小明 您好").contains("第 1 次使用自然人憑證登入"));
    portal.pages().type("bind-account", "chouzm").submit("bind-form");
    portal.pages().awaitText("bind-error", "並不是同一個使用者");
    portal.browser().screenshot("login-moica-binding");
    portal.pages().type("bind-account", "wangxm").submit("bind-form");
    portal.pages().awaitUrl("/home.html");
    assertTrue(portal.pages().awaitText("user-name", "王小明").contains("自然人憑證"));
  }

  @Test
  void aRenewedCard_isBoundOnMyPages_andThenLogsInWithThePinOnly() {
    portal.pages().login("chouzm", "Chou-Demo2026!");
    portal.browser().go("/my/certificate.html");
    insert("renew-card", "自然人憑證：王小明（換發新證）");
    portal.pages().type("renew-pin", "123456").submit("renew-form");
    portal.pages().awaitText("renew-error", "不是同一");

    insert("renew-card", "自然人憑證：周志明（H1209*****）");
    portal.pages().type("renew-pin", "123456").submit("renew-form");
    portal.pages().awaitText("renew-result", "上傳成功");
    portal.browser().screenshot("page-my-certificate");

    portal.browser().forgetSession();
    portal.browser().go("/");
    PortalPagesLoginTest.awaitPanels(portal.browser());
    insert("cert-card", "自然人憑證：周志明（H1209*****）");
    portal.pages().type("cert-pin", "123456").submit("cert-form");
    portal.pages().awaitUrl("/home.html");
    assertTrue(portal.pages().awaitText("user-name", "周志明").contains("自然人憑證"));
  }

  @Test
  void anExpiredCard_isRefusedWithTheSeedsMessage() {
    insert("cert-card", "自然人憑證：王小明（已過期）");
    portal.pages().type("cert-pin", "123456").submit("cert-form");
    portal.pages().awaitText("cert-error", "過期");
  }

  @Test
  void anOrganizationCard_opensTheHrPasswordResetOnly() {
    insert("cert-card", "機關憑證：行政院人事行政總處");
    portal.pages().type("cert-pin", "123456").submit("cert-form");
    portal.pages().awaitUrl("/hr/password-reset.html");
    assertTrue(portal.pages().awaitText("user-name", "行政院人事行政總處").contains("機關憑證"));
    assertEquals(1, portal.browser().driver().findElements(By.cssSelector("#portal-menu li")).size(), "only 權限與兼辦管理");
    portal.browser().screenshot("login-gca-hr");
  }

  @Test
  void anNhiCard_withItsRegistrationPassword_logsIn() {
    insert("nhi-card", "健保卡：陳美玲（B2234*****）");
    portal.pages().type("nhi-password", "wrong-password").submit("nhi-form");
    portal.pages().awaitText("nhi-error", "尚可再試 2 次");
    portal.pages().type("nhi-password", "Nhi-Demo2026").submit("nhi-form");
    portal.pages().awaitUrl("/home.html");
    assertTrue(portal.pages().awaitText("user-name", "陳美玲").contains("健保卡"));
  }

  @Test
  void theMobileId_waitsForThePhone_andLogsInWhenItApproves() {
    portal.pages().type("mobile-id", "F128705611").submit("mobile-form");
    portal.pages().awaitText("mobile-status", "行動");
    portal.browser().screenshot("login-mobile-waiting");
    portal.pages().click(By.id("phone-approve"));
    portal.browser().await(d -> d.getCurrentUrl().contains("/home.html") ? true : null);
    assertTrue(portal.pages().awaitText("user-name", "張人事").contains("行動自然人憑證"));
  }

  @Test
  void theMobileId_deniedOnThePhone_saysSo() {
    portal.pages().type("mobile-id", "E123456783").submit("mobile-form");
    portal.pages().awaitText("mobile-status", "行動");
    portal.pages().click(By.id("phone-deny"));
    portal.pages().awaitText("mobile-error", "拒絕");
  }
}
