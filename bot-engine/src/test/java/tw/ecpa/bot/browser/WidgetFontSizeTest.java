package tw.ecpa.bot.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** 字體大小 大/中/小: a larger font for the messages, remembered across reloads. */
class WidgetFontSizeTest {

  @RegisterExtension
  static final PortalInBrowser portal = new PortalInBrowser();

  @Test
  void large_isLargerThanMedium_andSurvivesAReload() {
    WidgetPage widget = WidgetPage.open(portal.browser(), "/").openPanel();
    assertEquals("true", widget.find(".fonts button[data-size='m']").getDomAttribute("aria-pressed"), "中 by default");
    double medium = px(widget, widget.find(".row .text"));
    widget.find(".fonts button[data-size='s']").click();
    double small = px(widget, widget.find(".row .text"));
    assertTrue(small < medium, small + " < " + medium);

    widget.find(".fonts button[data-size='l']").click();
    double large = px(widget, widget.find(".row .text"));
    assertTrue(large > medium, large + " > " + medium);
    assertEquals("true", widget.find(".fonts button[data-size='l']").getDomAttribute("aria-pressed"));
    assertEquals("false", widget.find(".fonts button[data-size='m']").getDomAttribute("aria-pressed"));
    // The menu, the input and the options grow too, not only the text.
    assertTrue(px(widget, widget.find(".question")) > medium - 0.5);
    assertTrue(px(widget, widget.find(".option")) > medium - 0.5);

    widget.reload();
    assertTrue(widget.panelOpen(), "the open panel is restored");
    assertEquals("true", widget.find(".fonts button[data-size='l']").getDomAttribute("aria-pressed"));
    assertEquals(large, px(widget, widget.find(".row .text")), 0.01);
    WebElement greeting = widget.find(".row[data-answer-id='menu.main']");
    assertTrue(greeting.findElement(By.cssSelector(".option")).isDisplayed());
    portal.browser().screenshot("widget-font-large");

    // A new tab of the same browser (same localStorage, new sessionStorage) keeps 大 as well.
    widget.js("localStorage.setItem('ecpa-chat:font', 'l'); sessionStorage.clear();");
    widget.reload().openPanel();
    assertEquals(large, px(widget, widget.find(".row .text")), 0.01);
    widget.find(".fonts button[data-size='m']").click();
    assertEquals(medium, px(widget, widget.find(".row .text")), 0.01);
  }

  private static double px(WidgetPage widget, WebElement element) {
    return Double.parseDouble(widget.style(element, "font-size").replace("px", ""));
  }
}
