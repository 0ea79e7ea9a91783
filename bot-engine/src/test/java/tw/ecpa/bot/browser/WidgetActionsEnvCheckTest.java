package tw.ecpa.bot.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import tw.ecpa.assistant.RunningServer;

/**
 * 幫我檢測環境 in a real browser: the widget probes pop-ups and the HiCOS component (a fake one on a free port, or a
 * closed port for none) and the bot answers from the diagnosis rules.
 */
class WidgetActionsEnvCheckTest {

  @RegisterExtension
  static final RunningServer server = new RunningServer();
  static HttpServer hicos;
  static final AtomicInteger asked = new AtomicInteger();

  @BeforeAll
  static void start() throws IOException {
    // A stand-in for the HiCOS component's local service: GET /pkcs11info answers its version, readable by any page.
    hicos = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    hicos.createContext("/pkcs11info", exchange -> {
      asked.incrementAndGet();
      byte[] body = "{\"ret_code\":0,\"version\":\"1.3.4.103\",\"slots\":[]}".getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Access-Control-Allow-Origin", "*");
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    hicos.start();
  }

  @AfterAll
  static void stop() {
    hicos.stop(0);
  }

  @Test
  void popupsBlocked_andNoComponent_getTheChromeStepsAndTheHicosInstall() throws IOException {
    try (Browser browser = Browser.open(server.base(), 1280, 900, false)) {
      List<WebElement> reply = check(browser, "http://127.0.0.1:" + closedPort());
      String summary = WidgetPage.text(reply.get(0));
      assertTrue(summary.contains("瀏覽器：chrome"), summary);
      assertTrue(summary.contains("快顯視窗：已封鎖"), summary);
      assertTrue(summary.contains("HiCOS 跨平台網頁元件：未偵測到"), summary);
      assertTrue(summary.contains("健保卡元件：無法判斷"), summary);
      assertTrue(summary.contains("螢幕："), summary);
      List<String> answers = reply.stream().map(r -> r.getDomAttribute("data-answer-id"))
          .filter(id -> id != null).toList();
      assertEquals(List.of("browser.popup.chrome", "moica.hicos-install"), answers);
      assertTrue(reply.stream().anyMatch(r -> WidgetPage.text(r).contains("快顯")));
      browser.screenshot("widget-envcheck-blocked");
    }
  }

  @Test
  void popupsAllowed_andTheComponent_areFine_withItsVersion() throws IOException {
    int before = asked.get();
    try (Browser browser = Browser.open(server.base())) {
      List<WebElement> reply = check(browser, "http://127.0.0.1:" + hicos.getAddress().getPort());
      String summary = WidgetPage.text(reply.get(0));
      assertTrue(summary.contains("快顯視窗：允許"), summary);
      assertTrue(summary.contains("HiCOS 跨平台網頁元件：已偵測到（版本 1.3.4.103）"), summary);
      assertTrue(WidgetPage.text(reply.get(1)).contains("檢測結果正常"), WidgetPage.text(reply.get(1)));
      assertEquals("moica.first-login", reply.get(reply.size() - 1).getDomAttribute("data-answer-id"));
      assertTrue(asked.get() > before, "the fake component was asked");
      browser.screenshot("widget-envcheck-fine");
    }
  }

  /**
   * Asks about the certificate login's environment, points the widget at a HiCOS address and presses 幫我檢測環境;
   * returns the rows of the bot's reply to the results (the summary first).
   */
  private static List<WebElement> check(Browser browser, String hicosUrl) {
    WidgetPage widget = WidgetPage.open(browser, "/").openPanel();
    widget.js("window.ECPA_CHAT_CONFIG = { hicosUrl: arguments[0] };", hicosUrl);
    widget.ask("自然人憑證登入環境設置");
    WebElement offer = widget.option("幫我檢測環境");
    assertEquals("act.env-check", offer.getDomAttribute("data-option"));
    int before = widget.rows().size();
    offer.click();
    WebElement action = widget.find(".row[data-type='action']");
    assertTrue(WidgetPage.text(action).contains("檢測"), WidgetPage.text(action));
    // While it probes (the pop-up waits for the click's activation to pass, up to 5 s) it says so.
    assertEquals("檢測中…", action.findElement(By.cssSelector(".status")).getText());
    browser.screenshot("widget-envcheck-running");
    // The probe, then the results' reply: a summary, what to do, and the status of the check says it is done.
    widget.awaitIdle(before + 4);
    assertEquals("檢測完成", action.findElement(By.cssSelector(".status")).getText());
    assertTrue(widget.all(".row.error").isEmpty());
    assertFalse(String.valueOf(widget.js("return sessionStorage.getItem('ecpa-chat:state');")).contains("probes"));
    List<WebElement> rows = widget.rows();
    return rows.subList(rows.indexOf(action) + 1, rows.size());
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

}
