package tw.ecpa.kb.search.embedding;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Cuts a rambling message into the parts a question may hide in: the whole message first, then its
 * sentences and clauses when it is long (「我昨天換了新電腦，插卡之後一直轉圈圈，請問要裝什麼」).
 */
public final class MessageParts {

  /** Messages up to this many characters are taken whole. */
  static final int SHORT = 24;
  private static final int MIN_PART = 4;
  private static final int MAX_PARTS = 8;
  private static final Pattern SENTENCE = Pattern.compile("[。！？!?；;\\n]+");
  private static final Pattern CLAUSE = Pattern.compile("[，,、：:]+");

  private MessageParts() {}

  /** The message, then (when long) its sentences, then its clauses, each at least a few characters. */
  public static List<String> of(String message) {
    String whole = message.strip();
    List<String> parts = new ArrayList<>();
    parts.add(whole);
    if (whole.length() <= SHORT) {
      return parts;
    }
    for (String sentence : SENTENCE.split(whole)) {
      add(parts, sentence);
    }
    for (String sentence : SENTENCE.split(whole)) {
      for (String clause : CLAUSE.split(sentence)) {
        add(parts, clause);
      }
    }
    return parts.size() > MAX_PARTS ? parts.subList(0, MAX_PARTS) : parts;
  }

  private static void add(List<String> parts, String part) {
    String p = part.strip();
    if (p.length() >= MIN_PART && !parts.contains(p)) {
      parts.add(p);
    }
  }
}
