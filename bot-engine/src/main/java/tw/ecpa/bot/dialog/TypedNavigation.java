package tw.ecpa.bot.dialog;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tw.ecpa.kb.search.icu.TextNormalizer;
import tw.ecpa.kb.tree.MenuNode;
import tw.ecpa.kb.tree.Option;

/**
 * Understands navigation typed instead of clicked: 回上一層 and 回主選單 anywhere, and at a menu a typed
 * number (2, ２, 第二個, 二), an option's label or a close paraphrase of it.
 */
final class TypedNavigation {

  private static final Set<String> BACK_WORDS = Set.of("回上一層", "上一層", "回上層", "上一頁", "回上一頁", "回上頁", "返回",
      "回上一步", "上一步", "回前一頁", "前一頁", "back", "goback");
  private static final Set<String> MAIN_WORDS = Set.of("回主選單", "主選單", "回到主選單", "回首頁", "重新開始", "從頭開始", "重來",
      "mainmenu", "menu", "startover", "restart");
  private static final String NUMERALS = "一二三四五六七八九十";
  private static final Pattern NUMBER = Pattern.compile("^(?:選|第|我選|選擇)?(\\d{1,2}|[一二三四五六七八九十])(?:個|項|號|個選項|項目)?$");
  private static final Pattern PUNCTUATION = Pattern.compile("[\\s\\p{P}\\p{S}]+");
  /** How alike (Dice over character pairs) a message must be to one option's label, and ahead of the rest. */
  private static final double LABEL_LIKENESS = 0.7;
  /** A message much longer than a label is a question of its own, not the label reworded. */
  private static final double LONGER_AT_MOST = 1.4;
  private static final double LABEL_LEAD = 0.2;

  private TypedNavigation() {}

  /**
   * The option a typed message picks: {@link Dialog#BACK}, {@link Dialog#MAIN}, or the target of one of
   * the current menu's options ({@code menu} may be {@code null} when the user is not at a menu).
   */
  static Optional<String> pick(String text, MenuNode menu) {
    String t = squeeze(text);
    if (t.isEmpty()) {
      return Optional.empty();
    }
    if (BACK_WORDS.contains(t)) {
      return Optional.of(Dialog.BACK);
    }
    if (MAIN_WORDS.contains(t)) {
      return Optional.of(Dialog.MAIN);
    }
    if (menu == null) {
      return Optional.empty();
    }
    List<Option> options = menu.options();
    Matcher number = NUMBER.matcher(t);
    if (number.matches()) {
      String n = number.group(1);
      int index = Character.isDigit(n.charAt(0)) ? Integer.parseInt(n) : NUMERALS.indexOf(n) + 1;
      return index >= 1 && index <= options.size() ? Optional.of(options.get(index - 1).target()) : Optional.empty();
    }
    double best = 0;
    double second = 0;
    Option chosen = null;
    for (Option option : options) {
      String label = squeeze(option.label());
      double likeness = label.equals(t) ? 1 : t.length() > LONGER_AT_MOST * label.length() ? 0 : dice(label, t);
      if (likeness > best) {
        second = best;
        best = likeness;
        chosen = option;
      } else if (likeness > second) {
        second = likeness;
      }
    }
    return chosen != null && (best == 1 || (best >= LABEL_LIKENESS && best - second >= LABEL_LEAD))
        ? Optional.of(chosen.target()) : Optional.empty();
  }

  /** NFKC, lower case, Traditional script, without spaces and punctuation. */
  static String squeeze(String text) {
    return text == null ? "" : PUNCTUATION.matcher(TextNormalizer.basic(text)).replaceAll("");
  }

  /** Dice similarity over character pairs (single characters for one-character texts). */
  private static double dice(String a, String b) {
    List<String> x = pairs(a);
    List<String> y = pairs(b);
    if (x.isEmpty() || y.isEmpty()) {
      return 0;
    }
    java.util.List<String> rest = new java.util.ArrayList<>(y);
    int common = 0;
    for (String p : x) {
      if (rest.remove(p)) {
        common++;
      }
    }
    return 2.0 * common / (x.size() + y.size());
  }

  private static List<String> pairs(String s) {
    if (s.length() < 2) {
      return s.isEmpty() ? List.of() : List.of(s);
    }
    java.util.List<String> out = new java.util.ArrayList<>();
    for (int i = 0; i + 1 < s.length(); i++) {
      out.add(s.substring(i, i + 2));
    }
    return out;
  }
}
