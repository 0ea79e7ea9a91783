package tw.ecpa.bot.dialog;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a message against what the conversation established: an elliptic or referring message (那Mac呢,
 * 如果是機關憑證呢, 錯三次會怎樣) becomes questions that carry the context, to match again before the
 * message alone. A slot the message names (browser, system, login method) is swapped into the last topic;
 * otherwise the last topic, then the last question, is put before the message.
 */
final class FollowUp {

  /** The slots the topics vary by, each value with the words users name it by (lower case). */
  enum Slot {
    BROWSER(Map.of("Chrome", List.of("chrome", "谷歌", "google瀏覽器"), "Edge", List.of("edge"),
        "Firefox", List.of("firefox", "火狐"), "Safari", List.of("safari"))),
    SYSTEM(Map.of("Windows", List.of("windows", "win10", "win11", "微軟"), "Mac", List.of("macos", "mac", "蘋果電腦", "macbook", "imac"),
        "Linux", List.of("linux", "ubuntu"), "iOS", List.of("iphone", "ipad", "ios"), "Android", List.of("android", "安卓"))),
    METHOD(Map.of("行動自然人憑證", List.of("行動自然人憑證", "行動憑證", "手機憑證", "行動自然人"),
        "自然人憑證", List.of("自然人憑證", "自然人卡", "自然人"), "機關憑證", List.of("機關憑證", "機關卡", "gca"),
        "健保卡", List.of("健保卡", "健保"), "帳號密碼", List.of("帳號密碼", "帳密")));

    private final Map<String, List<String>> values;

    Slot(Map<String, List<String>> values) {
      this.values = values;
    }

    /** The value a text names, by its longest matching word (行動自然人憑證 before 自然人憑證). */
    Optional<String> in(String text) {
      String lower = text.toLowerCase(Locale.ROOT);
      String best = null;
      int longest = 0;
      for (Map.Entry<String, List<String>> value : values.entrySet()) {
        for (String word : value.getValue()) {
          if (word.length() > longest && lower.contains(word)) {
            best = value.getKey();
            longest = word.length();
          }
        }
      }
      return Optional.ofNullable(best);
    }

    /** The text with the word naming {@code from} replaced by {@code to}. */
    String swap(String text, String from, String to) {
      String lower = text.toLowerCase(Locale.ROOT);
      for (String word : values.get(from).stream().sorted((a, b) -> b.length() - a.length()).toList()) {
        int at = lower.indexOf(word);
        if (at >= 0) {
          return text.substring(0, at) + to + text.substring(at + word.length());
        }
      }
      return text + " " + to;
    }
  }

  private static final Pattern ELLIPTIC_START = Pattern.compile("^(那|那如果|如果|如果是|要是|換成|改成|改用|還是|那個|那要|那我|那麼)");
  private static final Pattern ELLIPTIC_END = Pattern.compile("(呢|咧|勒|嗎呢)$");
  /** Messages this short (without punctuation) lean on what was said before. */
  private static final int SHORT = 8;
  /** Messages up to this long that refer back take the context's answer over their own. */
  private static final int BRIEF = 12;

  private FollowUp() {}

  /**
   * Whether a message is short enough that a reference back outweighs its own answer: a longer one that
   * begins with 如果 or 那 is usually a question of its own.
   */
  static boolean brief(String message) {
    return TypedNavigation.squeeze(message).length() <= BRIEF;
  }

  /** Whether a message says it refers back (那…, 如果是…, …呢). */
  static boolean marked(String message) {
    String t = TypedNavigation.squeeze(message);
    return ELLIPTIC_START.matcher(t).find() || ELLIPTIC_END.matcher(t).find();
  }

  /** Whether a message leans on the conversation rather than standing alone. */
  static boolean elliptic(String message) {
    String t = TypedNavigation.squeeze(message);
    return !t.isEmpty() && (t.length() <= SHORT || ELLIPTIC_START.matcher(t).find() || ELLIPTIC_END.matcher(t).find());
  }

  /**
   * The questions to try, in order, for a message after a topic and a question (either may be null).
   *
   * @param message what the user typed now
   * @param topic the title of the answer the conversation is at
   * @param lastQuestion the user's previous typed message
   */
  static List<String> questions(String message, String topic, String lastQuestion) {
    LinkedHashSet<String> out = new LinkedHashSet<>();
    String bare = message.strip();
    String asked = lastQuestion == null || lastQuestion.isBlank() ? null : lastQuestion.strip();
    // A slot the message names, swapped into what was asked or answered before.
    for (String before : Arrays.asList(asked, topic)) {
      if (before != null) {
        for (Slot slot : Slot.values()) {
          Optional<String> now = slot.in(bare);
          Optional<String> then = slot.in(before);
          if (now.isPresent() && then.isPresent() && !now.equals(then)) {
            out.add(slot.swap(before, then.get(), now.get()));
          }
        }
      }
    }
    if (asked != null) {
      out.add(asked + " " + bare);
    }
    if (topic != null) {
      out.add(topic + " " + bare);
    }
    return new ArrayList<>(out);
  }

  /** Whether a message names a value of any slot (Firefox, Mac, 健保卡). */
  static boolean namesASlot(String message) {
    return Arrays.stream(Slot.values()).anyMatch(slot -> slot.in(message).isPresent());
  }

  /**
   * Whether a short message does little more than name a slot (自然人憑證, 我是用健保卡, Chrome): an
   * answer to what was asked before rather than a question of its own.
   */
  static boolean namesOnlyASlot(String message) {
    String t = TypedNavigation.squeeze(message);
    if (t.isEmpty() || t.length() > SHORT) {
      return false;
    }
    for (Slot slot : Slot.values()) {
      if (slot.in(t).isPresent()) {
        String rest = t;
        for (List<String> words : slot.values.values()) {
          for (String w : words) {
            rest = rest.replace(w, "");
          }
        }
        return rest.replaceAll("^(我是|我用|是用|用的是|我是用|用|是)|(的|登入)$", "").length() <= 2;
      }
    }
    return false;
  }
}
