package tw.ecpa.bot.pages;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The portal pages' server-side includes: {@code <!--#include name -->} stands for the fragment
 * {@code name}, written once and shared by every page that shows it (the site header, the footer).
 * The directive is replaced by the fragment without the white space around it, so the page gives its
 * first line's indentation and the fragment the others'. A fragment may include other fragments.
 *
 * <p>One parameter only, {@code <!--#include name current="/path.html" -->}: the fragment's link
 * {@code <a href="/path.html">} is marked {@code aria-current="page"} (a side menu on one of its own
 * pages). An unknown fragment, a fragment that includes itself, a link that is not there or a
 * directive that is not understood is a mistake in the pages, refused with the page's name.
 */
final class Includes {

  /** How a directive begins: text left with it after expanding is a directive not understood. */
  static final String DIRECTIVE_START = "<!--#include";
  private static final Pattern DIRECTIVE =
      Pattern.compile("<!--#include\\s+([a-z][a-z0-9-]*)(?:\\s+current=\"(/[^\"<>]*)\")?\\s*-->");

  private final Map<String, String> fragments;

  /** Includes from these fragments, by name. */
  Includes(Map<String, String> fragments) {
    this.fragments = new TreeMap<>(fragments);
  }

  /**
   * The page {@code text} with every directive replaced by its fragment.
   *
   * @param page the page's name, for the messages
   * @throws IllegalStateException if the page names an unknown fragment, includes a fragment within
   *     itself, marks a link its fragment does not have, or holds a directive not understood
   */
  String expand(String page, String text) {
    String expanded = expand(page, text, new ArrayList<>());
    int left = expanded.indexOf(DIRECTIVE_START);
    if (left >= 0) {
      int end = expanded.indexOf("-->", left);
      throw new IllegalStateException(page + ": an include not understood: "
          + expanded.substring(left, end < 0 ? expanded.length() : end + 3)
          + " (written <!--#include name --> or <!--#include name current=\"/path.html\" -->)");
    }
    return expanded;
  }

  private String expand(String page, String text, List<String> within) {
    Matcher directive = DIRECTIVE.matcher(text);
    StringBuilder out = new StringBuilder(text.length());
    while (directive.find()) {
      String name = directive.group(1);
      String fragment = fragments.get(name);
      if (fragment == null) {
        throw new IllegalStateException(page + ": unknown include \"" + name + "\"" + inside(within)
            + " (the fragments are " + fragments.keySet() + ")");
      }
      if (within.contains(name)) {
        throw new IllegalStateException(page + ": the include \"" + name + "\" includes itself: "
            + String.join(" → ", within) + " → " + name);
      }
      within.add(name);
      String body = expand(page, fragment.strip(), within);
      within.remove(within.size() - 1);
      if (directive.group(2) != null) {
        body = markCurrent(page, name, body, directive.group(2));
      }
      directive.appendReplacement(out, Matcher.quoteReplacement(body));
    }
    directive.appendTail(out);
    return out.toString();
  }

  private static String markCurrent(String page, String name, String body, String path) {
    String link = "<a href=\"" + path + "\">";
    int at = body.indexOf(link);
    if (at < 0 || body.indexOf(link, at + 1) >= 0) {
      throw new IllegalStateException(page + ": the include \"" + name + "\" has " + (at < 0 ? "no" : "more than one")
          + " link " + link + " to mark as the current page");
    }
    return body.substring(0, at) + "<a href=\"" + path + "\" aria-current=\"page\">" + body.substring(at + link.length());
  }

  private static String inside(List<String> within) {
    return within.isEmpty() ? "" : " in the include \"" + within.get(within.size() - 1) + "\"";
  }
}
