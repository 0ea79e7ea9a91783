package tw.ecpa.bot.dialog;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

  /** The small-talk node a message is, if it is small talk. */
  Optional<String> match(String text) {
    String t = TypedNavigation.squeeze(text);
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
