package tw.ecpa.kb.version;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import tw.ecpa.kb.search.Match;
import tw.ecpa.kb.search.QuestionIndex;
import tw.ecpa.kb.tree.AnswerNode;
import tw.ecpa.kb.tree.KnowledgeBase;
import tw.ecpa.kb.tree.Node;

/**
 * The check before publishing: every alternate question that the published version answers with its
 * own node must still be answered so by the new version, and every saved golden question must be.
 * (A few alternate questions of a tree may already end in "did you mean"; they do not block.)
 */
public final class Regression {

  /**
   * A question and the node it must reach.
   *
   * @param question what a user types
   * @param expected the node id it must be answered with
   */
  public record Golden(String question, String expected) {

    public Golden {
      Objects.requireNonNull(question, "question");
      Objects.requireNonNull(expected, "expected");
    }
  }

  /**
   * A question that no longer reaches its node.
   *
   * @param question the question
   * @param expected the node it should reach
   * @param got what the index does with it now: a node id, {@code did-you-mean} or {@code fallback}
   * @param golden whether it is a saved golden question (otherwise an alternate question)
   */
  public record Failure(String question, String expected, String got, boolean golden) {}

  private Regression() {}

  /** The questions the candidate version no longer answers right; empty when it may be published. */
  public static List<Failure> run(KnowledgeBase candidate, QuestionIndex index, List<Golden> golden) {
    List<Failure> failures = new ArrayList<>();
    for (Node node : candidate.searchable()) {
      if (node instanceof AnswerNode answer) {
        for (String question : answer.questions()) {
          check(index, question, answer.id(), false).ifPresent(failures::add);
        }
      }
    }
    for (Golden g : golden) {
      check(index, g.question(), g.expected(), true).ifPresent(failures::add);
    }
    return failures;
  }

  /**
   * What a new version breaks: every question the published version answered right — its answers'
   * alternate questions — that the new version answers otherwise; the new version's own alternate
   * questions that miss (unless they missed before too); and every golden question it misses.
   *
   * @param published the live tree
   * @param publishedMisses the live tree's misses ({@link #run} on its own index)
   * @param candidate the new tree
   * @param candidateIndex the new tree's index
   * @param candidateMisses the new tree's misses ({@link #run} on {@code candidateIndex}): a question both trees
   *     hold for the same answer is not asked again
   */
  public static List<Failure> broken(KnowledgeBase published, List<Failure> publishedMisses, KnowledgeBase candidate,
      QuestionIndex candidateIndex, List<Failure> candidateMisses) {
    Set<String> missedBefore = new HashSet<>();
    publishedMisses.forEach(f -> missedBefore.add(key(f.question(), f.expected())));
    Set<String> asked = questions(candidate);
    Map<String, Failure> missedNow = new HashMap<>();
    candidateMisses.stream().filter(f -> !f.golden()).forEach(f -> missedNow.put(key(f.question(), f.expected()), f));
    Map<String, Failure> out = new LinkedHashMap<>();
    for (Node node : published.searchable()) {
      if (node instanceof AnswerNode answer) {
        for (String question : answer.questions()) {
          String key = key(question, answer.id());
          if (missedBefore.contains(key)) {
            continue;
          }
          Optional<Failure> miss = asked.contains(key) ? Optional.ofNullable(missedNow.get(key))
              : check(candidateIndex, question, answer.id(), false);
          miss.ifPresent(f -> out.putIfAbsent(key, f));
        }
      }
    }
    for (Failure f : candidateMisses) {
      if (f.golden() || !missedBefore.contains(key(f.question(), f.expected()))) {
        out.putIfAbsent(key(f.question(), f.expected()) + (f.golden() ? "\u0001" : ""), f);
      }
    }
    return List.copyOf(out.values());
  }

  private static Set<String> questions(KnowledgeBase tree) {
    Set<String> out = new HashSet<>();
    for (Node node : tree.searchable()) {
      if (node instanceof AnswerNode answer) {
        answer.questions().forEach(q -> out.add(key(q, answer.id())));
      }
    }
    return out;
  }

  private static String key(String question, String expected) {
    return question + "\u0000" + expected;
  }

  private static Optional<Failure> check(QuestionIndex index, String question, String expected, boolean golden) {
    Match match = index.match(question);
    String got = match.fold(a -> a.best().nodeId(), s -> "did-you-mean", n -> "fallback");
    return got.equals(expected) ? Optional.empty() : Optional.of(new Failure(question, expected, got, golden));
  }
}
