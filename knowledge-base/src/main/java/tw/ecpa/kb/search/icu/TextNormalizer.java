package tw.ecpa.kb.search.icu;

import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.Transliterator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tw.ecpa.kb.tree.SynonymGroup;

/**
 * The text pipeline shared by indexed text and questions: NFKC (full-width to half-width), lower
 * case, Simplified to Traditional script, filler-word removal and synonym canonicalization.
 *
 * <p>Thread-safe: ICU transliterators are not, so each thread gets its own copy.
 */
public final class TextNormalizer {

  /** Polite fillers and particles that carry no topic; removed so they neither match nor dilute. */
  private static final List<String> FILLERS = List.of(
      "請問一下", "請問", "請教", "想請問", "麻煩", "謝謝", "您好", "你好", "要怎麼辦", "該怎麼辦", "怎麼辦",
      "要怎麼", "該怎麼", "怎麼樣", "怎麼", "怎樣", "如何", "為什麼", "為何", "是否", "可不可以",
      "可以嗎", "嗎", "呢", "啊", "吧", "喔", "哦", "呀", "唷", "耶", "一下", "被", "了");

  private static final Normalizer2 NFKC = Normalizer2.getNFKCInstance();
  private static final ThreadLocal<Transliterator> TO_TRADITIONAL =
      ThreadLocal.withInitial(() -> Transliterator.getInstance("Hans-Hant"));

  private final Map<Character, List<String[]>> rewritesByFirstChar;
  private final boolean stripFillers;

  private TextNormalizer(List<SynonymGroup> synonyms, boolean stripFillers) {
    this.stripFillers = stripFillers;
    List<String[]> rewrites = new ArrayList<>();
    for (SynonymGroup group : synonyms) {
      String canonical = basic(group.canonical());
      for (String term : group.terms().subList(1, group.terms().size())) {
        String variant = basic(term);
        if (!variant.isEmpty() && !variant.equals(canonical)) {
          rewrites.add(new String[] {variant, canonical});
        }
      }
    }
    // Longest variant first, so 彈跳視窗 wins over 彈跳 at the same position.
    rewrites.sort(Comparator.comparingInt((String[] r) -> r[0].length()).reversed());
    Map<Character, List<String[]>> byFirst = new HashMap<>();
    for (String[] r : rewrites) {
      byFirst.computeIfAbsent(r[0].charAt(0), c -> new ArrayList<>()).add(r);
    }
    this.rewritesByFirstChar = byFirst;
  }

  /** Creates the pipeline for a knowledge base's synonym groups, with filler removal. */
  public static TextNormalizer of(List<SynonymGroup> synonyms) {
    return new TextNormalizer(synonyms, true);
  }

  /** Creates the pipeline, choosing whether question fillers (請問, 怎麼, 嗎…) are removed. */
  public static TextNormalizer of(List<SynonymGroup> synonyms, boolean stripFillers) {
    return new TextNormalizer(synonyms, stripFillers);
  }

  /** Normalizes text for indexing or searching. */
  public String normalize(String text) {
    String s = basic(text);
    s = canonicalize(s);
    if (stripFillers) {
      for (String filler : FILLERS) {
        if (s.contains(filler)) {
          s = s.replace(filler, " ");
        }
      }
    }
    return s;
  }

  /** NFKC, lower case and Traditional script, without synonyms or filler removal. */
  public static String basic(String text) {
    if (text == null || text.isEmpty()) {
      return "";
    }
    String s = NFKC.normalize(text).toLowerCase(Locale.ROOT);
    return hasHan(s) ? TO_TRADITIONAL.get().transliterate(s) : s;
  }

  private String canonicalize(String s) {
    if (rewritesByFirstChar.isEmpty()) {
      return s;
    }
    StringBuilder out = new StringBuilder(s.length() + 8);
    int i = 0;
    while (i < s.length()) {
      List<String[]> candidates = rewritesByFirstChar.get(s.charAt(i));
      String[] hit = null;
      if (candidates != null) {
        for (String[] r : candidates) {
          if (s.startsWith(r[0], i) && wordBoundaryOk(s, i, r[0])) {
            hit = r;
            break;
          }
        }
      }
      if (hit == null) {
        out.append(s.charAt(i));
        i++;
      } else {
        out.append(' ').append(hit[1]).append(' ');
        i += hit[0].length();
      }
    }
    return out.toString();
  }

  /** Whether normalized text contains a term as a word somewhere (see {@link #wordBoundaryOk}). */
  public static boolean mentions(String s, String term) {
    for (int at = s.indexOf(term); at >= 0; at = s.indexOf(term, at + 1)) {
      if (wordBoundaryOk(s, at, term)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether a term found at {@code start} of normalized text stands as a word there: a term that begins
   * or ends with a Latin letter or digit (popup, pin) must not continue a Latin word on that side.
   */
  public static boolean wordBoundaryOk(String s, int start, String variant) {
    int end = start + variant.length();
    boolean latinStart = isLatin(variant.charAt(0));
    boolean latinEnd = isLatin(variant.charAt(variant.length() - 1));
    if (latinStart && start > 0 && isLatin(s.charAt(start - 1))) {
      return false;
    }
    return !(latinEnd && end < s.length() && isLatin(s.charAt(end)));
  }

  /**
   * Whether a character of normalized (lower-case, half-width) text is a Latin letter or digit: the
   * characters that make up English words and error codes.
   */
  public static boolean isLatin(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
  }

  private static boolean hasHan(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (isHan(s.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  /** Whether a character is a Chinese (Han) character. */
  public static boolean isHan(char c) {
    return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
  }
}
