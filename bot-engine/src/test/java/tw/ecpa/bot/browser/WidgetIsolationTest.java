package tw.ecpa.bot.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.WebElement;

/** Host-page CSS does not reach the widget, and the widget leaves the host page as it was. */
class WidgetIsolationTest {

  static final String[] PROPERTIES = {"color", "font-size", "display", "background-color", "font-family", "line-height"};
  static final String[] ELEMENTS = {".launcher", ".qb-item", ".panel", ".title", ".tool", ".row .text", ".option",
      ".question", ".send"};

  @RegisterExtension
  static final PortalInBrowser portal = new PortalInBrowser();

  @Test
  void hostileCss_changesNothingInTheWidget() {
    WidgetPage widget = WidgetPage.open(portal.browser(), "/").openPanel();
    widget.awaitIdle(2);
    Map<String, String> before = snapshot(widget);

    widget.js("var s = document.createElement('style'); s.id = 'hostile';"
        + "s.textContent = '* { color: red !important; font-size: 40px !important; display: block }"
        + " div, section, button, input { background: yellow !important; line-height: 5 !important; font-family: serif !important }"
        + " :root { font-size: 40px !important }';"
        + "document.head.appendChild(s);");
    // The page itself did change (the rule works) ...
    assertEquals("40px", widget.js("return getComputedStyle(document.querySelector('main p')).fontSize;"));
    // ... but not the widget.
    Map<String, String> after = snapshot(widget);
    assertEquals(before, after);
  }

  @Test
  void theWidget_addsOnlyItsEmptyHost_toThePage() {
    WidgetPage widget = WidgetPage.open(portal.browser(), "/").openPanel();
    widget.awaitIdle(2);
    assertEquals(Boolean.TRUE, widget.js("var h = document.getElementById('ecpa-chat');"
        + "return h.parentNode === document.body && h.children.length === 0 && h.attributes.length === 1;"));
    assertEquals(0L, widget.js("return document.adoptedStyleSheets.length;"));
    assertEquals(0L, widget.js("return Array.from(document.styleSheets).filter(function (s) {"
        + " return s.ownerNode && s.ownerNode.getRootNode() !== document; }).length;"));
    // The host takes no room in the page's layout.
    WebElement host = portal.browser().driver().findElement(org.openqa.selenium.By.id("ecpa-chat"));
    assertEquals(0.0, widget.rect(host, "height"));
    assertTrue(widget.js("return document.body.className + document.documentElement.className;").equals(""));
  }

  private static Map<String, String> snapshot(WidgetPage widget) {
    Map<String, String> styles = new LinkedHashMap<>();
    for (String selector : ELEMENTS) {
      WebElement element = widget.find(selector);
      for (String property : PROPERTIES) {
        styles.put(selector + " " + property, widget.style(element, property));
      }
      for (String side : new String[] {"left", "top", "width", "height"}) {
        styles.put(selector + " " + side, String.valueOf(Math.round(widget.rect(element, side))));
      }
    }
    return styles;
  }
}
