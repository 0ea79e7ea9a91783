package tw.ecpa.kb.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A set of evaluation questions in JSON lines ({@code {"q": ..., "expect": [ids]}}), where
 * {@code ["fallback"]} means the question is out of scope and must get no match.
 */
record EvalSet(String name, List<Item> items) {

  /** One question and the node ids that count as right. */
  record Item(String question, Set<String> expect) {
    boolean outOfScope() {
      return expect.contains("fallback");
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Two sets as one, in order. */
  static EvalSet join(String name, EvalSet a, EvalSet b) {
    List<Item> items = new ArrayList<>(a.items());
    items.addAll(b.items());
    return new EvalSet(name, List.copyOf(items));
  }

  /** The validation set committed with the tests: the thresholds are calibrated on it. */
  static EvalSet validation() {
    return committed("validation", "eval/validation-questions.jsonl");
  }

  /**
   * The probe set committed with the tests: questions written the way users type them (other words,
   * Simplified script, same-sound slips), apart from the validation set and never used to calibrate;
   * it shows whether a change to search generalizes beyond the questions it was tuned on.
   */
  static EvalSet probe() {
    return committed("probe", "eval/probe-questions.jsonl");
  }

  /**
   * The calibration set: questions of every kind and hard out-of-scope questions that share words
   * with the topics, written from the seeds and the topic list only; the thresholds are calibrated on
   * it together with the validation set.
   */
  static EvalSet calibration() {
    return committed("calibration", "eval/calibration-questions.jsonl");
  }

  private static EvalSet committed(String name, String resource) {
    try (InputStream in = EvalSet.class.getClassLoader().getResourceAsStream(resource)) {
      return parse(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The shared dev set, looked up beside the repository (or at {@code -Decpa.dev.questions}). */
  static Optional<EvalSet> dev() {
    List<Path> places = new ArrayList<>();
    String configured = System.getProperty("ecpa.dev.questions");
    if (configured != null) {
      places.add(Path.of(configured));
    }
    places.add(Path.of("../shared/eval/dev-questions.jsonl"));
    places.add(Path.of("../../shared/eval/dev-questions.jsonl"));
    for (Path p : places) {
      if (Files.isRegularFile(p)) {
        try {
          return Optional.of(parse("dev", Files.readString(p, StandardCharsets.UTF_8)));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    return Optional.empty();
  }

  static EvalSet parse(String name, String jsonLines) throws IOException {
    List<Item> items = new ArrayList<>();
    for (String line : jsonLines.split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      JsonNode node = JSON.readTree(line);
      List<String> expect = new ArrayList<>();
      node.get("expect").forEach(e -> expect.add(e.asText()));
      items.add(new Item(node.get("q").asText(), Set.copyOf(expect)));
    }
    return new EvalSet(name, List.copyOf(items));
  }
}
