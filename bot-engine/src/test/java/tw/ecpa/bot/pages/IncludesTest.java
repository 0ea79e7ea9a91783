package tw.ecpa.bot.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The pages' includes: a directive becomes its fragment; a wrong one stops the server naming the page. */
class IncludesTest {

  private static final Includes INCLUDES = new Includes(Map.of(
      "footer", "  <footer>\n    <p>客服專線</p>\n  </footer>\n",
      "header", "  <header>\n    <!--#include brand -->\n  </header>\n",
      "brand", "    <a class=\"brand\" href=\"/\">人事服務網</a>\n",
      "menu", "      <ul>\n        <li><a href=\"/my/a.html\">甲</a></li>\n        <li><a href=\"/my/b.html\">乙</a></li>\n"
          + "      </ul>\n",
      "loop", "<!--#include loop-back -->",
      "loop-back", "<!--#include loop -->"));

  @Test
  void expand_replacesEachDirectiveByItsFragment_theFragmentKeepingItsIndentation() {
    String page = "<body>\n  <!--#include header -->\n  <main></main>\n  <!--#include footer -->\n</body>\n";
    assertEquals("""
        <body>
          <header>
            <a class="brand" href="/">人事服務網</a>
          </header>
          <main></main>
          <footer>
            <p>客服專線</p>
          </footer>
        </body>
        """, INCLUDES.expand("my/password.html", page));
  }

  @Test
  void expand_pageWithoutIncludes_isUnchanged() {
    String page = "<!DOCTYPE html>\n<p>沒有 include 的頁面 <!-- a comment --></p>\n";
    assertEquals(page, INCLUDES.expand("info.html", page));
  }

  @Test
  void expand_current_marksThatLinkOfTheFragmentAsTheCurrentPage() {
    String expanded = INCLUDES.expand("my/b.html", "      <!--#include menu current=\"/my/b.html\" -->\n");
    assertTrue(expanded.contains("<a href=\"/my/b.html\" aria-current=\"page\">乙</a>"), expanded);
    assertTrue(expanded.contains("<a href=\"/my/a.html\">甲</a>"), expanded);
    assertEquals(1, expanded.split("aria-current", -1).length - 1, expanded);
  }

  @Test
  void expand_currentLinkTheFragmentDoesNotHave_failsNamingThePage() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> INCLUDES.expand("my/c.html", "<!--#include menu current=\"/my/c.html\" -->"));
    assertTrue(e.getMessage().startsWith("my/c.html: "), e.getMessage());
    assertTrue(e.getMessage().contains("/my/c.html"), e.getMessage());
  }

  @Test
  void expand_unknownInclude_failsNamingThePageAndTheInclude() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> INCLUDES.expand("my/password.html", "<body>\n  <!--#include hedaer -->\n</body>\n"));
    assertTrue(e.getMessage().startsWith("my/password.html: unknown include \"hedaer\""), e.getMessage());
    assertTrue(e.getMessage().contains("header"), "lists the fragments there are: " + e.getMessage());
  }

  @Test
  void expand_unknownIncludeInAFragment_failsNamingThePageAndTheFragment() {
    Includes includes = new Includes(Map.of("header", "<!--#include logo -->"));
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> includes.expand("home.html", "<!--#include header -->"));
    assertTrue(e.getMessage().startsWith("home.html: unknown include \"logo\" in the include \"header\""),
        e.getMessage());
  }

  @Test
  void expand_includeThatIncludesItself_failsNamingThePageAndTheCycle() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> INCLUDES.expand("home.html", "<!--#include loop -->"));
    assertEquals("home.html: the include \"loop\" includes itself: loop → loop-back → loop", e.getMessage());
    Includes direct = new Includes(Map.of("self", "<p><!--#include self --></p>"));
    assertThrows(IllegalStateException.class, () -> direct.expand("info.html", "<!--#include self -->"));
  }

  @Test
  void expand_directiveNotUnderstood_failsNamingThePage() {
    for (String directive : new String[] {"<!--#include Header -->", "<!--#include header footer -->",
        "<!--#include header current=/my/a.html -->", "<!--#include -->", "<!--#include header"}) {
      IllegalStateException e = assertThrows(IllegalStateException.class,
          () -> INCLUDES.expand("apps.html", "<body>" + directive + "</body>"), directive);
      assertTrue(e.getMessage().startsWith("apps.html: an include not understood: <!--#include"), e.getMessage());
    }
  }

  @Test
  void assemble_fragmentsAreNoPages_andEveryPageIsExpanded() {
    Pages pages = Pages.assemble(Map.of(
        "_includes/footer.html", "  <footer></footer>\n",
        "index.html", "<body>\n  <!--#include footer -->\n</body>\n",
        "my/password.html", "<p>修改密碼</p>\n"));
    assertEquals(Map.of("index.html", "<body>\n  <footer></footer>\n</body>\n", "my/password.html", "<p>修改密碼</p>\n"),
        pages.byPath());
  }

  @Test
  void fromClasspath_readsThePortalPagesWithTheirIncludesExpanded() {
    Map<String, String> pages = Pages.fromClasspath(IncludesTest.class.getClassLoader(), "web").byPath();
    assertTrue(pages.size() >= 20, "pages: " + pages.keySet());
    assertTrue(pages.keySet().containsAll(java.util.List.of("index.html", "my/password.html", "questionnaires/index.html")),
        "pages: " + pages.keySet());
    pages.forEach((path, html) -> {
      assertFalse(path.startsWith(Pages.INCLUDES), path);
      assertFalse(html.contains(Includes.DIRECTIVE_START), path);
    });
  }
}
