package tw.ecpa.bot.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import tw.ecpa.assistant.TestServer;

/** The launcher, the quick-button bar and the panel on a desktop, a phone and at 200% zoom. */
class WidgetLayoutTest {

  @Test
  void desktop_launcherAndQuickBar() {
    try (TestServer server = TestServer.start(); Browser browser = Browser.open(server.base())) {
      WidgetPage widget = WidgetPage.open(browser, "/");
      WebElement launcher = widget.find(".launcher");
      assertEquals("智慧客服", launcher.getText());
      double width = ((Number) widget.js("return innerWidth;")).doubleValue();
      double height = ((Number) widget.js("return innerHeight;")).doubleValue();
      assertTrue(widget.rect(launcher, "right") > width - 40 && widget.rect(launcher, "bottom") > height - 40,
          "bottom right");

      List<String> quick = widget.all(".qb-item").stream().map(WebElement::getText).toList();
      assertEquals(List.of("智慧客服", "待辦事項", "應用系統", "最新公告", "下載專區", "回最上端"), quick);
      assertEquals(List.of("/home.html#todos", "/apps.html", "/index.html#news", "/index.html#downloads"),
          widget.all("a.qb-item").stream().map(a -> a.getDomAttribute("href")).toList());
      assertFalse(widget.all(".qb-toggle").get(0).isDisplayed(), "not collapsed on a desktop");
      WebElement bar = widget.find(".qb-list");
      assertTrue(widget.rect(bar, "bottom") < widget.rect(launcher, "top"), "the bar and the launcher do not overlap");
      browser.screenshot("widget-closed");

      // 回最上端 scrolls the page to its top.
      widget.js("var d = document.createElement('div'); d.style.height = '3000px'; document.querySelector('main').appendChild(d);"
          + "scrollTo(0, 2000);");
      assertTrue(((Number) widget.js("return scrollY;")).doubleValue() > 1000);
      widget.find(".qb-item[data-quick='top']").click();
      browser.await(d -> ((Number) widget.js("return scrollY;")).doubleValue() == 0);

      // The bar's 智慧客服 opens the panel; the panel does not cover the bar.
      widget.find(".qb-item[data-quick='chat']").click();
      WebElement panel = widget.find(".panel");
      widget.awaitIdle(2);
      assertTrue(widget.rect(panel, "right") <= widget.rect(bar, "left"));
      assertTrue(widget.rect(panel, "top") >= 0);

      // The launcher toggles the panel.
      assertEquals("true", launcher.getDomAttribute("aria-expanded"));
      launcher.click();
      assertFalse(widget.panelOpen());
      assertEquals("false", launcher.getDomAttribute("aria-expanded"));
    }
  }

  @Test
  void phone_360wide_panelFillsTheWidth_andTheQuickBarCollapses() {
    try (TestServer server = TestServer.start(); Browser browser = Browser.open(server.base(), 360, 740)) {
      WidgetPage widget = WidgetPage.open(browser, "/");
      double width = ((Number) widget.js("return innerWidth;")).doubleValue();
      double height = ((Number) widget.js("return innerHeight;")).doubleValue();
      assertEquals(0, ((Number) widget.js("return document.documentElement.scrollWidth - innerWidth;")).intValue(),
          "no sideways scrolling");

      WebElement toggle = widget.find(".qb-toggle");
      assertFalse(widget.all(".qb-list").get(0).isDisplayed(), "collapsed on a small screen");
      assertEquals("false", toggle.getDomAttribute("aria-expanded"));
      toggle.click();
      assertTrue(widget.find(".qb-list").isDisplayed());
      assertEquals("true", toggle.getDomAttribute("aria-expanded"));
      for (WebElement item : widget.all(".qb-item")) {
        assertTrue(widget.rect(item, "right") <= width && widget.rect(item, "left") >= 0);
      }
      browser.screenshot("widget-mobile-quickbar");
      toggle.click();
      browser.screenshot("widget-mobile-closed");

      widget.openPanel();
      widget.ask("忘記密碼怎麼辦");
      WebElement panel = widget.find(".panel");
      assertFalse(widget.all(".launcher").get(0).isDisplayed(), "under the full-screen panel, out of the Tab order");
      assertEquals(0, widget.rect(panel, "left"), 0.5);
      assertEquals(width, widget.rect(panel, "width"), 0.5);
      assertTrue(widget.rect(panel, "bottom") <= height + 0.5);
      assertVisibleInside(widget, widget.find(".question"), width, height);
      assertVisibleInside(widget, widget.find(".send"), width, height);
      assertVisibleInside(widget, widget.find(".close"), width, height);
      for (WebElement tool : widget.all(".tool, .fonts button")) {
        assertVisibleInside(widget, tool, width, height);
      }
      browser.screenshot("widget-mobile");

      widget.find(".fonts button[data-size='l']").click();
      assertVisibleInside(widget, widget.find(".question"), width, height);
      assertVisibleInside(widget, widget.find(".send"), width, height);
      browser.screenshot("widget-mobile-large");

      widget.find(".tool[data-tool='survey']").click();
      for (WebElement score : widget.all(".score")) {
        assertVisibleInside(widget, score, width, height);
      }
      browser.screenshot("widget-mobile-survey");
    }
  }

  @Test
  void zoom200_halfTheWindow_nothingIsCutOff() {
    // 640x450 CSS pixels is what a 1280x900 window shows at 200% zoom.
    try (TestServer server = TestServer.start(); Browser browser = Browser.open(server.base(), 640, 450)) {
      WidgetPage widget = WidgetPage.open(browser, "/");
      double width = ((Number) widget.js("return innerWidth;")).doubleValue();
      double height = ((Number) widget.js("return innerHeight;")).doubleValue();
      assertVisibleInside(widget, widget.find(".launcher"), width, height);

      widget.openPanel();
      widget.ask("忘記密碼怎麼辦");
      WebElement panel = widget.find(".panel");
      assertTrue(widget.rect(panel, "top") >= 0 && widget.rect(panel, "bottom") <= height + 0.5);
      assertTrue(widget.rect(panel, "left") >= 0 && widget.rect(panel, "right") <= width + 0.5);
      assertVisibleInside(widget, widget.find(".title"), width, height);
      assertVisibleInside(widget, widget.find(".question"), width, height);
      assertVisibleInside(widget, widget.find(".send"), width, height);
      WebElement log = widget.find(".log");
      assertTrue(widget.rect(log, "height") >= 120, "room left for the conversation: " + widget.rect(log, "height"));
      browser.screenshot("widget-zoom200");

      widget.find(".fonts button[data-size='l']").click();
      assertVisibleInside(widget, widget.find(".question"), width, height);
      assertTrue(widget.rect(widget.find(".log"), "height") >= 80);
      browser.screenshot("widget-zoom200-large");
    }
  }

  /** The element is inside the viewport and not clipped by the panel. */
  private static void assertVisibleInside(WidgetPage widget, WebElement element, double width, double height) {
    String what = element.getDomAttribute("class") + " " + element.getText();
    assertTrue(element.isDisplayed(), what);
    assertTrue(widget.rect(element, "left") >= -0.5 && widget.rect(element, "right") <= width + 0.5,
        what + " fits across");
    assertTrue(widget.rect(element, "top") >= -0.5 && widget.rect(element, "bottom") <= height + 0.5,
        what + " fits down");
    // Nothing covers its centre (the element itself, or its own content, is on top).
    assertEquals(Boolean.TRUE, widget.js("var e = arguments[0], r = e.getBoundingClientRect();"
        + "var hit = e.getRootNode().elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);"
        + "return hit === e || e.contains(hit);", element), what + " is not covered");
  }
}
