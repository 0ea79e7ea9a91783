package tw.ecpa.kb.diagnosis;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import tw.ecpa.kb.tree.AnswerNode;
import tw.ecpa.kb.tree.KnowledgeBase;

/**
 * The environment check's diagnosis, as data the knowledge staff can read ({@code kb/diagnosis.json}):
 * ordered rules, each a set of conditions on the probe results, a sentence and the answer to show;
 * and the next-step answer per login method when nothing is wrong.
 *
 * @param rules the rules, in order
 * @param allFine the answer id per login method ({@code moica}, {@code nhi}, {@code other}) when no rule matches
 */
public record Diagnosis(List<Rule> rules, Map<String, String> allFine) {

  /**
   * One rule.
   *
   * @param id a stable id
   * @param group rules of one group are alternatives: only the first match applies ({@code null}: its own)
   * @param when probe result → required value (all must hold); {@code method} is the login method asked about
   * @param say the zh-TW sentence that explains the finding
   * @param answer the knowledge-base answer to show with it
   */
  public record Rule(String id, String group, Map<String, String> when, String say, String answer) {

    public Rule {
      Objects.requireNonNull(id, "id");
      when = Map.copyOf(when);
      Objects.requireNonNull(say, "say");
      Objects.requireNonNull(answer, "answer");
    }

    /** Whether every condition holds for these results (compared without case). */
    public boolean matches(Map<String, String> results) {
      return when.entrySet().stream().allMatch(c -> {
        String value = results.get(c.getKey());
        return value != null && value.toLowerCase(Locale.ROOT).equals(c.getValue().toLowerCase(Locale.ROOT));
      });
    }
  }

  /** A finding: the sentence and the answer that helps. */
  public record Finding(String ruleId, String say, String answer) {}

  public Diagnosis {
    rules = List.copyOf(rules);
    allFine = Map.copyOf(allFine);
  }

  /**
   * The findings for a check's results, in rule order, at most one per group and per answer; empty
   * when all is fine.
   *
   * @param results probe name → result, plus {@code method}
   */
  public List<Finding> diagnose(Map<String, String> results) {
    List<Finding> findings = new ArrayList<>();
    java.util.Set<String> groups = new java.util.HashSet<>();
    for (Rule rule : rules) {
      String group = rule.group() == null ? rule.id() : rule.group();
      if (rule.matches(results) && !groups.contains(group)
          && findings.stream().noneMatch(f -> f.answer().equals(rule.answer()))) {
        groups.add(group);
        findings.add(new Finding(rule.id(), rule.say(), rule.answer()));
      }
    }
    return findings;
  }

  /** The next-step answer for a login method when nothing is wrong. */
  public String allFineAnswer(String method) {
    return allFine.getOrDefault(method, allFine.get("other"));
  }

  /** The problems of these rules against a knowledge base: answers that are not answers of it. */
  public List<String> problems(KnowledgeBase kb) {
    List<String> problems = new ArrayList<>();
    for (Rule rule : rules) {
      if (!(kb.node(rule.answer()).orElse(null) instanceof AnswerNode)) {
        problems.add("diagnosis rule " + rule.id() + ": " + rule.answer() + " is not an answer");
      }
    }
    allFine.forEach((method, answer) -> {
      if (!(kb.node(answer).orElse(null) instanceof AnswerNode)) {
        problems.add("diagnosis allFine." + method + ": " + answer + " is not an answer");
      }
    });
    if (!allFine.containsKey("other")) {
      problems.add("diagnosis allFine needs an 'other' answer");
    }
    return problems;
  }

  /** The shipped rules, {@code kb/diagnosis.json} on the classpath. */
  public static Diagnosis shipped() {
    try (InputStream in = Diagnosis.class.getResourceAsStream("/kb/diagnosis.json")) {
      if (in == null) {
        throw new IllegalStateException("kb/diagnosis.json is missing from the classpath");
      }
      return read(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads rules from JSON ({@code {"about", "rules": [...], "allFine": {...}}}). */
  public static Diagnosis read(InputStream json) throws IOException {
    File file = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
        .readValue(json, File.class);
    return new Diagnosis(file.rules(), file.allFine());
  }

  private record File(String about, List<Rule> rules, Map<String, String> allFine) {}
}
