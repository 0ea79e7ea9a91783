package tw.ecpa.bot.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import tw.ecpa.bot.server.TestServer;

/** The browser tests' footing: a real Chromium opens the server's home page. */
class BrowserSmokeTest {

  @Test
  void chromiumOpensTheHomePage_inTraditionalChinese() {
    try (TestServer server = TestServer.start(); Browser browser = Browser.open(server.base())) {
      browser.go("/");
      assertTrue(browser.driver().getTitle().contains("人事服務網"), browser.driver().getTitle());
      assertEquals("zh-Hant-TW", browser.find(By.tagName("html")).getAttribute("lang"));
      assertTrue(Files.exists(browser.screenshot("smoke-home")));
    }
  }
}
