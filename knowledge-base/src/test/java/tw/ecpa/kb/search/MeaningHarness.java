package tw.ecpa.kb.search;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tw.ecpa.kb.search.SearchSettings.Meaning;
import tw.ecpa.kb.search.embedding.BgeSmallZh;
import tw.ecpa.kb.search.embedding.Semantics;
import tw.ecpa.kb.search.embedding.VectorCache;
import tw.ecpa.kb.tree.KnowledgeBase;
import tw.ecpa.kb.tree.json.KnowledgeBaseLoader;

/**
 * Measures how the meaning-level signal joins the lexical one: each configuration's thresholds are
 * calibrated on the validation and calibration sets together, then reported there and on the probe
 * set (never calibrated on). Run like {@link SearchHarness}; {@code -Dharness.sets=a.jsonl,b.jsonl}
 * adds sets reported with the chosen thresholds (never calibrated on either).
 */
public final class MeaningHarness {

  /** The share of out-of-scope calibration questions the thresholds may answer (the target is 1 in 35). */
  static final double OUT_OF_SCOPE_SHARE = Double.parseDouble(System.getProperty("harness.outShare", "0.02"));

  private MeaningHarness() {}

  public static void main(String[] args) throws Exception {
    KnowledgeBase kb = args.length > 0
        ? KnowledgeBaseLoader.fromDirectory(Path.of(args[0])).orThrow()
        : KnowledgeBaseLoader.shipped().orThrow();
    EvalSet calibration = EvalSet.class.getClassLoader().getResource("eval/calibration-questions.jsonl") == null
        ? EvalSet.validation()
        : EvalSet.join("validation+calibration", EvalSet.validation(), EvalSet.calibration());
    List<EvalSet> reported = new ArrayList<>(List.of(EvalSet.probe()));
    for (String file : System.getProperty("harness.sets", "").split(",")) {
      if (!file.isBlank()) {
        reported.add(EvalSet.parse(Path.of(file).getFileName().toString(), Files.readString(Path.of(file))));
      }
    }
    Semantics semantics = Semantics.of(BgeSmallZh.shared(), VectorCache.in(Path.of("target/embedding-cache")));
    SearchSettings lexical = SearchSettings.lexical();
    Map<String, SearchSettings> configs = new LinkedHashMap<>();
    configs.put("lexical", lexical);
    configs.put("chosen (defaults)", SearchSettings.defaults());
    configs.put("meaning alone 0.5-0.9", lexical.withMeaning(new Meaning(1, 0.5, 0.9, 2, 2, 0, 9, 0, 9)));
    configs.put("lexical, calibrated here", lexical.withThresholds(0.5, 0.1, 0.5, lexical.floor()));
    for (String spec : System.getProperty("harness.meaning", "0.6,0.55,0.95,0.8;0.5,0.55,0.95,0.8;0.7,0.55,0.95,0.8;0.6,0.5,0.9,0.8")
        .split(";")) {
      String[] p = spec.split(",");
      configs.put("fused " + spec, SearchSettings.defaults().withMeaning(
          new Meaning(Double.parseDouble(p[0]), Double.parseDouble(p[1]), Double.parseDouble(p[2]),
              p.length > 4 ? Double.parseDouble(p[4]) : 2, p.length > 6 ? Double.parseDouble(p[6]) : 2, p.length > 3 ? Double.parseDouble(p[3]) : 0,
              p.length > 7 ? Double.parseDouble(p[7]) : 9,
              p.length > 8 ? Double.parseDouble(p[8]) : 0, p.length > 9 ? Double.parseDouble(p[9]) : 9)));
    }
    System.out.println("| config | thresholds | set | result |");
    System.out.println("| --- | --- | --- | --- |");
    for (Map.Entry<String, SearchSettings> config : configs.entrySet()) {
      try (QuestionIndex index = QuestionIndex.build(kb, config.getValue(), semantics)) {
        List<SearchEvaluation.Ranked> c = SearchEvaluation.rank(index, calibration);
        // The shipped configurations as they are; the others with thresholds calibrated here.
        boolean shipped = config.getValue().equals(lexical) || config.getValue().equals(SearchSettings.defaults());
        SearchSettings calibrated = shipped ? config.getValue()
            : SearchHarness.calibrate(c, config.getValue(), OUT_OF_SCOPE_SHARE);
        String th = String.format("%.3f/%.2f/%.3f", calibrated.answerAt(), calibrated.margin(), calibrated.suggestAt());
        print(config.getKey(), th, calibration.name(), SearchEvaluation.of(c, calibrated));
        for (EvalSet set : reported) {
          SearchEvaluation e = SearchEvaluation.of(SearchEvaluation.rank(index, set), calibrated);
          print(config.getKey(), th, set.name(), e);
          if (Boolean.getBoolean("harness.misses")) {
            e.misses().forEach(m -> System.out.println("    " + set.name() + " " + m));
          }
        }
      }
    }
  }

  private static void print(String config, String th, String set, SearchEvaluation e) {
    System.out.printf("| %s | %s | %s | %s |%n", config, th, set, e.summary());
  }
}
