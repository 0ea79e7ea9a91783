package tw.ecpa.kb.search;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tw.ecpa.kb.search.lucene.ChineseAnalysis;
import tw.ecpa.kb.tree.KnowledgeBase;
import tw.ecpa.kb.tree.Node;
import tw.ecpa.kb.tree.json.KnowledgeBaseLoader;

/**
 * The measurement harness for free-text search: accuracy, suggest and no-match rates per analysis
 * and fusion configuration on the validation, dev and probe sets, threshold calibration on the validation
 * set, and latency on the shipped and a 10,000-answer synthetic knowledge base.
 *
 * <p>Run from {@code knowledge-base/}: {@code mvn -o -q test-compile dependency:build-classpath
 * -Dmdep.includeScope=test -Dmdep.outputFile=target/cp.txt}, then {@code java -cp
 * target/test-classes:target/classes:$(cat target/cp.txt) tw.ecpa.kb.search.SearchHarness [KB_DIR]}.
 * Flags (system properties): {@code -Dharness.misses=true} prints the misses of the default
 * configuration; {@code -Dharness.skip10k=true} skips the large benchmark.
 */
public final class SearchHarness {

  /** How far above the most confident out-of-scope question the answer threshold must stay. */
  static final double OUT_OF_SCOPE_GAP = 0.05;

  private SearchHarness() {}

  public static void main(String[] args) {
    KnowledgeBase kb = args.length > 0
        ? KnowledgeBaseLoader.fromDirectory(Path.of(args[0])).orThrow()
        : KnowledgeBaseLoader.shipped().orThrow();
    EvalSet validation = EvalSet.validation();
    Optional<EvalSet> dev = EvalSet.dev();
    EvalSet probe = EvalSet.probe();
    System.out.printf("knowledge base: %d nodes; validation %d questions; dev %s%n", kb.size(),
        validation.items().size(), dev.map(d -> d.items().size() + " questions").orElse("missing"));

    SearchSettings chosen = SearchSettings.defaults();
    long cold = System.nanoTime();
    QuestionIndex.build(kb, chosen).close();
    System.out.printf("cold build of the chosen configuration (first in this JVM): %d ms%n",
        (System.nanoTime() - cold) / 1_000_000);
    Map<String, SearchSettings> configs = new LinkedHashMap<>();
    for (ChineseAnalysis analysis : ChineseAnalysis.values()) {
      SearchSettings base = chosen.withAnalysis(analysis);
      configs.put(analysis + " lucene", base.withClassifierWeight(0));
      configs.put(analysis + " classifier", base.withClassifierWeight(1));
      configs.put(analysis + " fused", base);
    }
    configs.put(chosen.analysis() + " fused 0.4", chosen.withClassifierWeight(0.4));
    configs.put(chosen.analysis() + " fused 0.8", chosen.withClassifierWeight(0.8));
    configs.put(chosen.analysis() + " fused, pinyin 0.25", chosen.withSoundWeight(0.25));
    configs.put(chosen.analysis() + " fused, pinyin 1.0", chosen.withSoundWeight(1.0));
    configs.put(chosen.analysis() + " fused, no pinyin", chosen.withSoundWeight(0));
    configs.put(chosen.analysis() + " fused, no synonym hints", chosen.withHintWeight(0));
    configs.put(chosen.analysis() + " lucene, no pinyin", chosen.withSoundWeight(0).withClassifierWeight(0));

    System.out.println();
    System.out.println("| config | build ms | thresholds (answer/margin/suggest) | set | result |");
    System.out.println("| --- | --- | --- | --- | --- |");
    for (Map.Entry<String, SearchSettings> config : configs.entrySet()) {
      long start = System.nanoTime();
      try (QuestionIndex index = QuestionIndex.build(kb, config.getValue())) {
        long buildMs = (System.nanoTime() - start) / 1_000_000;
        List<SearchEvaluation.Ranked> v = SearchEvaluation.rank(index, validation);
        SearchSettings calibrated = calibrate(v, config.getValue());
        String th = String.format("%.3f/%.2f/%.3f", calibrated.answerAt(), calibrated.margin(),
            calibrated.suggestAt());
        print(config.getKey(), buildMs, "calibrated " + th, "validation", SearchEvaluation.of(v, calibrated));
        dev.ifPresent(d -> print(config.getKey(), buildMs, "calibrated " + th, "dev",
            SearchEvaluation.of(SearchEvaluation.rank(index, d), calibrated)));
        print(config.getKey(), buildMs, "calibrated " + th, "probe",
            SearchEvaluation.of(SearchEvaluation.rank(index, probe), calibrated));
        if (config.getValue().equals(chosen)) {
          String fixed = String.format("defaults %.3f/%.2f/%.3f", chosen.answerAt(), chosen.margin(),
              chosen.suggestAt());
          SearchEvaluation vd = SearchEvaluation.of(v, chosen);
          print(config.getKey(), buildMs, fixed, "validation", vd);
          Optional<SearchEvaluation> dd = dev.map(d -> SearchEvaluation.of(SearchEvaluation.rank(index, d), chosen));
          dd.ifPresent(e -> print(config.getKey(), buildMs, fixed, "dev", e));
          SearchEvaluation pd = SearchEvaluation.of(SearchEvaluation.rank(index, probe), chosen);
          print(config.getKey(), buildMs, fixed, "probe", pd);
          for (double answerAt : new double[] {0.25, 0.275, 0.30, 0.35, 0.40}) {
            SearchSettings stricter = chosen.withThresholds(answerAt, chosen.margin(), chosen.suggestAt(), chosen.floor());
            String label = String.format("answerAt %.3f", answerAt);
            print(config.getKey(), buildMs, label, "validation", SearchEvaluation.of(v, stricter));
            dev.ifPresent(d -> print(config.getKey(), buildMs, label, "dev",
                SearchEvaluation.of(SearchEvaluation.rank(index, d), stricter)));
          }
          if (Boolean.getBoolean("harness.misses")) {
            vd.misses().forEach(m -> System.out.println("    validation " + m));
            validation.items().stream().filter(EvalSet.Item::outOfScope).forEach(i -> System.out.println(
                "    out-of-scope best " + index.rank(i.question(), 1) + " " + i.question()));
            dd.ifPresent(e -> e.misses().forEach(m -> System.out.println("    dev " + m)));
            pd.misses().forEach(m -> System.out.println("    probe " + m));
          }
        }
      }
    }

    System.out.println();
    for (int i = 0; i < 3; i++) {
      long start = System.nanoTime();
      QuestionIndex.build(kb, chosen).close();
      System.out.printf("build of the shipped index, run %d: %d ms%n", i + 1, (System.nanoTime() - start) / 1_000_000);
    }
    List<String> questions = new ArrayList<>();
    validation.items().forEach(i -> questions.add(i.question()));
    dev.ifPresent(d -> d.items().forEach(i -> questions.add(i.question())));
    try (QuestionIndex index = QuestionIndex.build(kb, chosen)) {
      latency("shipped (" + kb.size() + " nodes)", index, questions, 20_000);
    }
    if (!Boolean.getBoolean("harness.skip10k")) {
      KnowledgeBase large = SyntheticKnowledgeBase.generate(10_000, 42);
      List<String> largeQuestions = new ArrayList<>(questions);
      int n = 0;
      for (Node node : large.nodes()) {
        if (n++ % 50 == 0 && !node.questions().isEmpty()) {
          largeQuestions.add(node.questions().get(0));
        }
      }
      long start = System.nanoTime();
      try (QuestionIndex index = QuestionIndex.build(large, chosen)) {
        System.out.printf("synthetic %d nodes: build %d ms%n", large.size(),
            (System.nanoTime() - start) / 1_000_000);
        latency("synthetic (" + large.size() + " nodes)", index, largeQuestions, 5_000);
      }
    }
  }

  private static void print(String config, long buildMs, String th, String set, SearchEvaluation e) {
    System.out.printf("| %s | %d | %s | %s | %s |%n", config, buildMs, th, set, e.summary());
  }

  /**
   * Sweeps the thresholds on the validation ranking and keeps the best utility, with the answer
   * threshold at least {@link #OUT_OF_SCOPE_GAP} above the most confident out-of-scope question.
   */
  static SearchSettings calibrate(List<SearchEvaluation.Ranked> ranked, SearchSettings base) {
    double worstOutOfScope = ranked.stream()
        .filter(r -> r.item().outOfScope() && !r.candidates().isEmpty())
        .mapToDouble(r -> r.candidates().get(0).confidence()).max().orElse(0);
    SearchSettings best = base;
    double bestUtility = Double.NEGATIVE_INFINITY;
    for (double answer = 0.10; answer <= 0.90; answer += 0.025) {
      if (answer < worstOutOfScope + OUT_OF_SCOPE_GAP) {
        continue;
      }
      for (double margin = 0; margin <= 0.30; margin += 0.02) {
        for (double suggest = 0.05; suggest <= answer; suggest += 0.025) {
          SearchSettings s = base.withThresholds(answer, margin, suggest, Math.min(base.floor(), suggest));
          double u = SearchEvaluation.of(ranked, s).utility();
          // Ties go to the stricter thresholds: the first found scans from low to high, so >=.
          if (u >= bestUtility) {
            bestUtility = u;
            best = s;
          }
        }
      }
    }
    return best;
  }

  /**
   * Sweeps the thresholds for the best utility with at most {@code outOfScopeShare} of the
   * out-of-scope questions answered: the rule for calibration sets that hold many hard out-of-scope
   * questions, where the single most confident one would otherwise set the answer threshold.
   */
  static SearchSettings calibrate(List<SearchEvaluation.Ranked> ranked, SearchSettings base, double outOfScopeShare) {
    long outOfScope = ranked.stream().filter(r -> r.item().outOfScope()).count();
    long allowed = (long) Math.floor(outOfScope * outOfScopeShare);
    SearchSettings best = base;
    double bestUtility = Double.NEGATIVE_INFINITY;
    for (double answer = 0.10; answer <= 0.90; answer += 0.025) {
      for (double margin = 0; margin <= 0.30; margin += 0.02) {
        for (double suggest = 0.05; suggest <= answer; suggest += 0.025) {
          SearchSettings s = base.withThresholds(answer, margin, suggest, Math.min(base.floor(), suggest));
          SearchEvaluation e = SearchEvaluation.of(ranked, s);
          if (e.outAnswer() > allowed) {
            continue;
          }
          if (e.utility() >= bestUtility) {
            bestUtility = e.utility();
            best = s;
          }
        }
      }
    }
    return best;
  }

  private static void latency(String label, QuestionIndex index, List<String> questions, int runs) {
    for (int i = 0; i < runs; i++) {
      index.match(questions.get(i % questions.size()));
    }
    long[] nanos = new long[runs];
    for (int i = 0; i < runs; i++) {
      long t = System.nanoTime();
      index.match(questions.get(i % questions.size()));
      nanos[i] = System.nanoTime() - t;
    }
    Arrays.sort(nanos);
    System.out.printf("latency %s: p50 %.3f ms, p99 %.3f ms, max %.3f ms over %d matches%n", label,
        nanos[runs / 2] / 1e6, nanos[(int) (runs * 0.99)] / 1e6, nanos[runs - 1] / 1e6, runs);
  }
}
