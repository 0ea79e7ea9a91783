package tw.ecpa.kb.search.icu;

import com.ibm.icu.text.Transliterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sound of Chinese text as toneless pinyin syllables, so that same-sound typos from Zhuyin input
 * (忘計密碼, 平證, 建保卡) meet the words they stand for.
 *
 * <p>Syllables are folded where Taiwanese Mandarin blurs them (zh/z, ch/c, sh/s, ing/in, eng/en).
 * ICU's Han-Latin transliterator is slow, so each character's syllable is cached. Thread-safe.
 */
public final class Pinyin {

  private static final ConcurrentHashMap<Character, String> CACHE = new ConcurrentHashMap<>();
  private static final ThreadLocal<Transliterator> HAN_LATIN =
      ThreadLocal.withInitial(() -> Transliterator.getInstance("Han-Latin; Latin-ASCII"));

  private Pinyin() {}

  /**
   * The syllables of a text: one per Han character, and each run of Latin letters or digits kept as
   * one token; everything else separates.
   */
  public static List<String> syllables(String text) {
    List<String> out = new ArrayList<>();
    StringBuilder latin = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (TextNormalizer.isLatin(c)) {
        latin.append(c);
        continue;
      }
      if (latin.length() > 0) {
        out.add(latin.toString());
        latin.setLength(0);
      }
      if (TextNormalizer.isHan(c)) {
        out.add(CACHE.computeIfAbsent(c, Pinyin::toneless));
      } else if (!out.isEmpty() && !out.get(out.size() - 1).equals("|")) {
        out.add("|");
      }
    }
    if (latin.length() > 0) {
      out.add(latin.toString());
    }
    return out;
  }

  /** The text as space-separated syllables, with {@code |} where a phrase breaks. */
  public static String of(String text) {
    return String.join(" ", syllables(text));
  }

  private static String toneless(char c) {
    String latin = HAN_LATIN.get().transliterate(String.valueOf(c)).toLowerCase(Locale.ROOT).trim();
    if (latin.isEmpty() || !latin.chars().allMatch(ch -> ch >= 'a' && ch <= 'z')) {
      return String.valueOf(c);
    }
    return fold(latin);
  }

  private static String fold(String s) {
    if (s.startsWith("zh") || s.startsWith("ch") || s.startsWith("sh")) {
      s = s.charAt(0) + s.substring(2);
    }
    if (s.endsWith("ing") || s.endsWith("eng")) {
      s = s.substring(0, s.length() - 1);
    }
    return s;
  }

  /**
   * Compiles the transliteration rules ahead of first use. ICU keeps compiled rules for the whole
   * process, so calling this on another thread at start-up takes the cost off the critical path.
   */
  public static void warmUp() {
    HAN_LATIN.get().transliterate("憑證");
  }
}
