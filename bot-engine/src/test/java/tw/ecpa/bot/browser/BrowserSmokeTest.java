package tw.ecpa.bot.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/** The browser tests' footing: a real Chromium, started by PortalInBrowser, opens the server's home page. */
class BrowserSmokeTest {

  @RegisterExtension
  static final PortalInBrowser portal = new PortalInBrowser();

  @Test
  void chromiumOpensTheHomePage_inTraditionalChinese() {
    portal.browser().go("/");
    assertTrue(portal.browser().driver().getTitle().contains("人事服務網"), portal.browser().driver().getTitle());
    assertEquals("zh-Hant-TW", portal.browser().find(By.tagName("html")).getAttribute("lang"));
    assertTrue(Files.exists(portal.browser().screenshot("smoke-home")));
  }
}
