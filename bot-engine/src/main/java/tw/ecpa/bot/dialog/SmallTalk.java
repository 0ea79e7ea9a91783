package tw.ecpa.bot.dialog;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import tw.ecpa.kb.search.icu.TextNormalizer;
import tw.ecpa.kb.tree.AnswerNode;
import tw.ecpa.kb.tree.KnowledgeBase;
import tw.ecpa.kb.tree.Node;

/**
 * Greetings, thanks, goodbyes and remarks about the bot: the knowledge base's {@code smalltalk.*} answer
 * nodes, matched when a short message is made of their phrasings (好的 掰掰, ok 感謝你), with punctuation,
 * particles and at most a couple of other characters besides; the last phrasing says which. Editors
 * change what the bot says and which messages count.
 */
final class SmallTalk {

  /** Longer messages carry a question of their own. */
  private static final int LONGEST = 20;
  /** Characters of a message that no phrasing covers and that are still small talk (還是, 我). */
  private static final int LEFT_OVER = 2;
  private static final String PARTICLES = "啊喔哦唷呀啦耶欸嗯恩囉喲哈呵～~";

  /**
   * Words that make a remark a question of its own (怎麼, 呢, 嗎): a message with one is never small talk
   * by {@link #framing}.
   */
  private static final Pattern ASKS = Pattern.compile(
      "[?？]|怎|如何|哪|什麼|甚麼|為何|為什麼|可以|能不能|會不會|要不要|幾|誰|嗎|吗|呢|\\b(how|what|why|where|can)\\b");
  /** The shortest phrasing that may frame a remark: one character (讚, 拜) is too easily part of a word. */
  private static final int FRAMING_SHORTEST = 2;

  /** Emoji said instead of words, as the words the phrasings have (a thumbs-up is 讚). */
  private static final Map<String, String> EMOJI = Map.ofEntries(
      Map.entry("👍", "讚"), Map.entry("👌", "讚"), Map.entry("🙏", "謝謝"), Map.entry("💯", "讚"), Map.entry("❤", "讚"),
      Map.entry("😊", "讚"), Map.entry("🙂", "讚"), Map.entry("😀", "讚"), Map.entry("😄", "讚"), Map.entry("🥰", "讚"),
      Map.entry("👋", "掰掰"), Map.entry("😭", "唉"), Map.entry("😢", "唉"), Map.entry("😡", "唉"), Map.entry("😩", "唉"));

  /** Phrasings longest first, each with its node. */
  private final List<Map.Entry<String, String>> phrasings;

  private SmallTalk(KnowledgeBase kb) {
    Map<String, String> nodeOf = new LinkedHashMap<>();
    for (Node node : kb.nodes()) {
      if (node instanceof AnswerNode && node.id().startsWith(KnowledgeBase.SMALL_TALK)) {
        nodeOf.putIfAbsent(TypedNavigation.squeeze(node.title()), node.id());
        node.questions().forEach(q -> nodeOf.putIfAbsent(TypedNavigation.squeeze(q), node.id()));
      }
    }
    nodeOf.remove("");
    List<Map.Entry<String, String>> sorted = new ArrayList<>(nodeOf.entrySet());
    sorted.sort(Comparator.comparingInt((Map.Entry<String, String> e) -> e.getKey().length()).reversed());
    this.phrasings = List.copyOf(sorted);
  }

  static SmallTalk of(KnowledgeBase kb) {
    return new SmallTalk(kb);
  }

  /** The small talk of one knowledge base, kept while it is the one the bot answers from. */
  record Cached(KnowledgeBase kb, SmallTalk smallTalk) {}

  /**
   * The small-talk node of a short message that begins or ends with small talk around a remark that is no
   * question (OK 我去試試看，掰掰; 謝謝，祝你有美好的一天): the phrasing at the end says which, else the one at
   * the start. Never when the remark names a slot of a follow-up (謝謝，Firefox 也一樣); read only when the
   * message has no answer of its own.
   */
  Optional<String> framing(String text) {
    String t = TypedNavigation.squeeze(spelled(text));
    if (t.isEmpty() || t.length() > LONGEST || ASKS.matcher(TextNormalizer.basic(text)).find()
        || FollowUp.namesASlot(text)) {
      return Optional.empty();
    }
    String bare = stripParticles(t);
    Optional<String> end = Optional.empty();
    Optional<String> start = Optional.empty();
    for (Map.Entry<String, String> p : phrasings) {
      String phrasing = p.getKey();
      if (phrasing.length() < FRAMING_SHORTEST || phrasing.length() >= bare.length()) {
        continue;
      }
      if (end.isEmpty() && bare.endsWith(phrasing)) {
        end = Optional.of(p.getValue());
      }
      if (start.isEmpty() && bare.startsWith(phrasing)) {
        start = Optional.of(p.getValue());
      }
    }
    return end.isPresent() ? end : start;
  }

  /** The text with its emoji said in words. */
  private static String spelled(String text) {
    String out = text == null ? "" : text;
    for (Map.Entry<String, String> e : EMOJI.entrySet()) {
      out = out.replace(e.getKey(), e.getValue());
    }
    return out;
  }

  private static String stripParticles(String t) {
    int from = 0;
    int to = t.length();
    while (to > from && PARTICLES.indexOf(t.charAt(to - 1)) >= 0) {
      to--;
    }
    while (from < to && PARTICLES.indexOf(t.charAt(from)) >= 0) {
      from++;
    }
    return t.substring(from, to);
  }

  /** The small-talk node a message is, if it is small talk. */
  Optional<String> match(String text) {
    String t = TypedNavigation.squeeze(spelled(text));
    if (t.isEmpty() || t.length() > LONGEST) {
      return Optional.empty();
    }
    String last = null;
    int leftOver = 0;
    int at = 0;
    while (at < t.length()) {
      Map.Entry<String, String> hit = null;
      for (Map.Entry<String, String> p : phrasings) {
        if (t.startsWith(p.getKey(), at)) {
          hit = p;
          break;
        }
      }
      if (hit != null) {
        last = hit.getValue();
        at += hit.getKey().length();
      } else {
        if (PARTICLES.indexOf(t.charAt(at)) < 0) {
          leftOver++;
        }
        at++;
      }
    }
    return last != null && leftOver <= LEFT_OVER ? Optional.of(last) : Optional.empty();
  }
}
