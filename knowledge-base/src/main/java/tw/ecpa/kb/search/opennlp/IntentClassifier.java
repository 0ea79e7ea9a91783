package tw.ecpa.kb.search.opennlp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import opennlp.tools.ml.EventTrainer;
import opennlp.tools.ml.TrainerFactory;
import opennlp.tools.ml.model.Event;
import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.TrainingParameters;
import tw.ecpa.kb.search.icu.Pinyin;
import tw.ecpa.kb.search.icu.TextNormalizer;

/**
 * A maximum-entropy intent classifier over the nodes of a knowledge base, trained at build time on
 * each node's title, alternate questions and keywords.
 *
 * <p>Features come from normalized text: character bigrams, single characters, Latin words and
 * pinyin syllable bigrams (so same-sound typos share features). Thread-safe once trained: the model
 * evaluates without shared mutable state.
 */
public final class IntentClassifier {

  /** One training example: a normalized text that means a node. */
  public record Example(String nodeId, String text) {}

  private final MaxentModel model;
  private final Map<String, Integer> outcomes;

  private IntentClassifier(MaxentModel model) {
    this.model = model;
    Map<String, Integer> byId = new HashMap<>();
    for (int i = 0; i < model.getNumOutcomes(); i++) {
      byId.put(model.getOutcome(i), i);
    }
    this.outcomes = Map.copyOf(byId);
  }

  /**
   * Trains the classifier with OpenNLP's GIS maxent trainer.
   *
   * @param examples normalized texts with their node ids
   * @param iterations GIS iterations (training time grows with examples × nodes × iterations)
   */
  public static IntentClassifier train(List<Example> examples, int iterations) {
    TrainingParameters params = new TrainingParameters();
    params.put(TrainingParameters.ALGORITHM_PARAM, "MAXENT");
    params.put(TrainingParameters.ITERATIONS_PARAM, iterations);
    return train(examples, params);
  }

  private static IntentClassifier train(List<Example> examples, TrainingParameters params) {
    List<Event> events = new ArrayList<>(examples.size());
    for (Example e : examples) {
      String[] context = features(e.text());
      if (context.length > 0) {
        events.add(new Event(e.nodeId(), context));
      }
    }
    params.put(TrainingParameters.CUTOFF_PARAM, 0);
    params.put(TrainingParameters.THREADS_PARAM, 1);
    params.put("PrintMessages", false);
    EventTrainer trainer = TrainerFactory.getEventTrainer(params, new HashMap<>());
    try {
      return new IntentClassifier(trainer.train(ObjectStreamUtils.createObjectStream(events)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The probability of every node for a normalized question, indexed like {@link #nodeId(int)}. */
  public double[] probabilities(String normalizedQuestion) {
    String[] context = features(normalizedQuestion);
    return model.eval(context);
  }

  /** How many nodes the classifier knows. */
  public int size() {
    return model.getNumOutcomes();
  }

  /** The outcome index of a node id, or -1 when the classifier was not trained on it. */
  public int outcomeOf(String nodeId) {
    return outcomes.getOrDefault(nodeId, -1);
  }

  /** The node id of an outcome index. */
  public String nodeId(int outcome) {
    return model.getOutcome(outcome);
  }

  /** The features of a normalized text: c:bigrams, u:characters, w:latin words, p:pinyin bigrams. */
  static String[] features(String text) {
    Set<String> out = new LinkedHashSet<>();
    StringBuilder latin = new StringBuilder();
    char previousHan = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (TextNormalizer.isLatin(c)) {
        latin.append(c);
      } else if (latin.length() > 0) {
        out.add("w:" + latin);
        latin.setLength(0);
      }
      if (TextNormalizer.isHan(c)) {
        out.add("u:" + c);
        if (previousHan != 0) {
          out.add("c:" + previousHan + c);
        }
        previousHan = c;
      } else {
        previousHan = 0;
      }
    }
    if (latin.length() > 0) {
      out.add("w:" + latin);
    }
    List<String> syllables = Pinyin.syllables(text);
    for (int i = 1; i < syllables.size(); i++) {
      String a = syllables.get(i - 1);
      String b = syllables.get(i);
      if (!a.equals("|") && !b.equals("|")) {
        out.add("p:" + a + "_" + b);
      }
    }
    return out.toArray(String[]::new);
  }
}
