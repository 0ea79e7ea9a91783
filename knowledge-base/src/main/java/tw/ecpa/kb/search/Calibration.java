package tw.ecpa.kb.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.StreamSupport;

/**
 * A logistic model of how likely a candidate is the answer, given its lexical and meaning-level
 * signals ({@link CandidateFeatures}): the candidates are ranked by it, and the thresholds of
 * {@link SearchSettings} apply to it, so a confidence of 0.6 means that about 6 in 10 such answers
 * were right on the sets it was fitted on. Fitted by {@code CalibrationFit} (test scope), which
 * writes the shipped {@code calibration.json} beside this class.
 *
 * @param features the feature names, in the order {@link CandidateFeatures} computes them
 * @param mean each feature's mean on the fitting set (features are standardized before weighing)
 * @param scale each feature's standard deviation on the fitting set
 * @param weights each standardized feature's weight
 * @param bias the intercept
 * @param answerAt the chosen answer threshold (on the probability)
 * @param margin the lead over the runner-up an answer needs
 * @param suggestAt the probability from which candidates are suggested
 * @param floor the probability a candidate needs to be offered at all
 * @param clearLead a lead over the runner-up that answers a best candidate already at {@code suggestAt}
 * @param answer the question-level model that decides when to answer, or {@code null} for the thresholds
 *     {@code answerAt}, {@code margin} and {@code clearLead} alone (suggesting still needs {@code suggestAt})
 * @param fitted what it was fitted on, for the record
 */
public record Calibration(List<String> features, double[] mean, double[] scale, double[] weights, double bias,
    double answerAt, double margin, double suggestAt, double floor, double clearLead, AnswerModel answer,
    String fitted) {

  private static final ObjectMapper JSON = new ObjectMapper();

  public Calibration {
    features = List.copyOf(features);
    if (!features.equals(CandidateFeatures.NAMES)) {
      throw new IllegalArgumentException("calibration features " + features + " differ from " + CandidateFeatures.NAMES);
    }
    if (mean.length != features.size() || scale.length != features.size() || weights.length != features.size()) {
      throw new IllegalArgumentException("one mean, scale and weight per feature");
    }
    mean = mean.clone();
    scale = scale.clone();
    weights = weights.clone();
  }

  /** The calibration shipped with the search, fitted on the committed validation and calibration sets. */
  public static Calibration shipped() {
    return Shipped.CALIBRATION;
  }

  private static final class Shipped {
    static final Calibration CALIBRATION = read();
  }

  private static Calibration read() {
    try (InputStream in = Calibration.class.getResourceAsStream("calibration.json")) {
      if (in == null) {
        throw new IllegalStateException("calibration.json is missing beside " + Calibration.class.getName());
      }
      return parse(JSON.readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Calibration parse(JsonNode json) {
    List<String> names = StreamSupport.stream(json.get("features").spliterator(), false).map(JsonNode::asText).toList();
    return new Calibration(names, doubles(json.get("mean")), doubles(json.get("scale")), doubles(json.get("weights")),
        json.get("bias").asDouble(), json.get("answerAt").asDouble(), json.get("margin").asDouble(),
        json.get("suggestAt").asDouble(), json.get("floor").asDouble(), json.get("clearLead").asDouble(),
        answerModel(json.get("answer")), json.path("fitted").asText(""));
  }

  private static AnswerModel answerModel(JsonNode json) {
    if (json == null || json.isNull()) {
      return null;
    }
    List<String> names = StreamSupport.stream(json.get("features").spliterator(), false).map(JsonNode::asText).toList();
    if (!names.equals(AnswerModel.NAMES)) {
      throw new IllegalArgumentException("answer model features " + names + " differ from " + AnswerModel.NAMES);
    }
    return new AnswerModel(doubles(json.get("mean")), doubles(json.get("scale")), doubles(json.get("weights")),
        json.get("bias").asDouble(), json.get("answerAt").asDouble());
  }

  /** This calibration as the JSON {@link #shipped()} reads. */
  String toJson() {
    try {
      java.util.Map<String, Object> out = new java.util.LinkedHashMap<>();
      out.put("fitted", fitted);
      out.put("features", features);
      out.put("mean", mean);
      out.put("scale", scale);
      out.put("weights", weights);
      out.put("bias", bias);
      out.put("answerAt", answerAt);
      out.put("margin", margin);
      out.put("suggestAt", suggestAt);
      out.put("floor", floor);
      out.put("clearLead", clearLead);
      if (answer != null) {
        java.util.Map<String, Object> a = new java.util.LinkedHashMap<>();
        a.put("features", AnswerModel.NAMES);
        a.put("mean", answer.mean());
        a.put("scale", answer.scale());
        a.put("weights", answer.weights());
        a.put("bias", answer.bias());
        a.put("answerAt", answer.answerAt());
        out.put("answer", a);
      }
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static double[] doubles(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).mapToDouble(JsonNode::asDouble).toArray();
  }

  /** The probability that a candidate with these features is the answer. */
  public double probability(double[] x) {
    double z = bias;
    for (int i = 0; i < weights.length; i++) {
      z += weights[i] * (x[i] - mean[i]) / scale[i];
    }
    return 1 / (1 + Math.exp(-z));
  }

  /** This calibration with other thresholds (the fit sweeps them). */
  Calibration withThresholds(double answer, double lead, double suggest, double least, double clear, String note) {
    return new Calibration(features, mean, scale, weights, bias, answer, lead, suggest, least, clear, this.answer, note);
  }

  /** This calibration with a question-level answer model (or none). */
  Calibration withAnswer(AnswerModel model) {
    return new Calibration(features, mean, scale, weights, bias, answerAt, margin, suggestAt, floor, clearLead, model,
        fitted);
  }
}
