package tw.ecpa.kb.version;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import tw.ecpa.kb.search.embedding.Semantics;

/**
 * Questions users asked that the bot could not answer or was unsure of, and their grouping by
 * similarity for the knowledge staff: questions sharing most of their character pairs, or (with
 * sentence embeddings) close in meaning though worded apart, fall into one group, shown with its count
 * and examples.
 */
public final class Unanswered {

  /**
   * One logged question.
   *
   * @param id its key
   * @param question what was typed, masked
   * @param outcome {@code fallback} or {@code did-you-mean}
   * @param askedAt when
   */
  public record Question(long id, String question, String outcome, Instant askedAt) {}

  /**
   * Similar questions.
   *
   * @param id the group's id: its oldest question's id
   * @param count how many questions
   * @param examples up to five of them, most recent first
   * @param ids every question's id
   */
  public record Group(long id, int count, List<String> examples, List<Long> ids) {}

  /** Two questions are alike when they share at least this share of their character pairs. */
  static final double ALIKE = 0.5;

  private Unanswered() {}

  /** Two questions are alike, too, when their sentence vectors are at least this close. */
  static final double ALIKE_IN_MEANING = 0.8;

  /** Groups questions by shared character pairs, largest group first. */
  public static List<Group> group(List<Question> questions) {
    return group(questions, Optional.empty());
  }

  /** Groups questions by shared character pairs or, with {@code semantics}, by meaning; largest group first. */
  public static List<Group> group(List<Question> questions, Optional<Semantics> semantics) {
    List<List<Question>> groups = new ArrayList<>();
    List<Set<String>> shapes = new ArrayList<>();
    List<float[]> meanings = new ArrayList<>();
    List<Question> oldestFirst = new ArrayList<>(questions);
    oldestFirst.sort(java.util.Comparator.comparingLong(Question::id));
    List<float[]> vectors = semantics.map(s -> s.embed(oldestFirst.stream().map(Question::question).toList()))
        .orElse(null);
    for (int i = 0; i < oldestFirst.size(); i++) {
      Question q = oldestFirst.get(i);
      Set<String> shape = bigrams(q.question());
      float[] meaning = vectors == null ? null : vectors.get(i);
      int home = -1;
      for (int g = 0; g < groups.size() && home < 0; g++) {
        if (similarity(shape, shapes.get(g)) >= ALIKE
            || (meaning != null && Semantics.cosine(meaning, meanings.get(g)) >= ALIKE_IN_MEANING)) {
          home = g;
        }
      }
      if (home < 0) {
        groups.add(new ArrayList<>(List.of(q)));
        shapes.add(shape);
        meanings.add(meaning);
      } else {
        groups.get(home).add(q);
      }
    }
    List<Group> out = new ArrayList<>();
    for (List<Question> g : groups) {
      List<Question> newest = new ArrayList<>(g);
      newest.sort(java.util.Comparator.comparingLong(Question::id).reversed());
      out.add(new Group(g.get(0).id(), g.size(),
          newest.stream().map(Question::question).distinct().limit(5).toList(),
          g.stream().map(Question::id).toList()));
    }
    out.sort(java.util.Comparator.comparingInt(Group::count).reversed().thenComparingLong(Group::id));
    return out;
  }

  static Set<String> bigrams(String text) {
    String t = text.toLowerCase(Locale.ROOT).replaceAll("[\\s\\p{P}]", "");
    Set<String> out = new HashSet<>();
    if (t.length() == 1) {
      out.add(t);
    }
    for (int i = 0; i + 1 < t.length(); i++) {
      out.add(t.substring(i, i + 2));
    }
    return out;
  }

  static double similarity(Set<String> a, Set<String> b) {
    if (a.isEmpty() || b.isEmpty()) {
      return 0;
    }
    Set<String> shared = new HashSet<>(a);
    shared.retainAll(b);
    return shared.size() / (double) Math.min(a.size(), b.size());
  }
}
