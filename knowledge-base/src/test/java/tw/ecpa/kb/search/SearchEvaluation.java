package tw.ecpa.kb.search;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;

/**
 * How a question index does on an evaluation set: accuracy (answered right, or no match when out of
 * scope) and the split into answers, suggestions and no-matches for in-scope and out-of-scope
 * questions.
 */
record SearchEvaluation(
    int inScope, int inRight, int inWrong, int inSuggest, int inSuggestRight, int inNoMatch,
    int inRankOne, int outOfScope, int outNoMatch, int outSuggest, int outAnswer,
    List<String> misses) {

  /** The ranked candidates of each question, computed once so thresholds can be swept cheaply. */
  record Ranked(EvalSet.Item item, Ranking ranking, BiPredicate<String, String> offers) {

    List<Candidate> candidates() {
      return ranking.candidates();
    }
  }

  static List<Ranked> rank(QuestionIndex index, EvalSet set) {
    List<Ranked> out = new ArrayList<>();
    for (EvalSet.Item item : set.items()) {
      out.add(new Ranked(item, index.ranking(item.question(), 4), index::offers));
    }
    return out;
  }

  static SearchEvaluation of(List<Ranked> ranked, SearchSettings settings) {
    int inScope = 0, inRight = 0, inWrong = 0, inSuggest = 0, inSuggestRight = 0, inNoMatch = 0;
    int inRankOne = 0, out = 0, outNoMatch = 0, outSuggest = 0, outAnswer = 0;
    List<String> misses = new ArrayList<>();
    for (Ranked r : ranked) {
      Match match = ConfidenceModel.decide(r.ranking(), settings, r.offers());
      EvalSet.Item item = r.item();
      String top = r.candidates().isEmpty() ? "-" : r.candidates().get(0).nodeId()
          + String.format("@%.2f", r.candidates().get(0).confidence());
      if (item.outOfScope()) {
        out++;
        if (match instanceof Match.NoMatch) {
          outNoMatch++;
        } else {
          misses.add("OOD " + kind(match) + " " + item.question() + " -> " + top);
          if (match instanceof Match.Suggest) {
            outSuggest++;
          } else {
            outAnswer++;
          }
        }
        continue;
      }
      inScope++;
      if (!r.candidates().isEmpty() && item.expect().contains(r.candidates().get(0).nodeId())) {
        inRankOne++;
      }
      if (match instanceof Match.Answer a) {
        if (item.expect().contains(a.best().nodeId())) {
          inRight++;
        } else {
          inWrong++;
          misses.add("WRONG " + item.question() + " -> " + top + " expect " + item.expect());
        }
      } else if (match instanceof Match.Suggest s) {
        inSuggest++;
        if (s.candidates().stream().anyMatch(c -> item.expect().contains(c.nodeId()))) {
          inSuggestRight++;
        }
        misses.add("SUGGEST " + item.question() + " -> " + top + " expect " + item.expect());
      } else {
        inNoMatch++;
        misses.add("NOMATCH " + item.question() + " -> " + top + " expect " + item.expect());
      }
    }
    return new SearchEvaluation(inScope, inRight, inWrong, inSuggest, inSuggestRight, inNoMatch,
        inRankOne, out, outNoMatch, outSuggest, outAnswer, misses);
  }

  private static String kind(Match m) {
    return m.fold(a -> "ANSWER", s -> "SUGGEST", n -> "NOMATCH");
  }

  int total() {
    return inScope + outOfScope;
  }

  /** Right answers plus no-matches for out-of-scope questions, over all questions. */
  double accuracy() {
    return total() == 0 ? 0 : (inRight + outNoMatch) / (double) total();
  }

  /** A single number to calibrate thresholds by: rewards right outcomes, punishes weak answers. */
  double utility() {
    return inRight + outNoMatch + 0.25 * inSuggestRight - 0.5 * inWrong - 3.0 * outAnswer
        - 0.5 * outSuggest;
  }

  String summary() {
    return String.format(
        "acc %.3f | in %d: right %d wrong %d suggest %d (%d hold right) nomatch %d rank1 %.3f"
            + " | out %d: nomatch %d suggest %d answer %d",
        accuracy(), inScope, inRight, inWrong, inSuggest, inSuggestRight, inNoMatch,
        inScope == 0 ? 0 : inRankOne / (double) inScope, outOfScope, outNoMatch, outSuggest,
        outAnswer);
  }
}
