package tw.ecpa.kb.search.embedding;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The vectors of one version's phrasings, each with the node it means: answers which nodes a
 * question is closest to in meaning (the best cosine over each node's phrasings).
 */
public final class PhrasingVectors {

  /** One text that means a node. */
  public record Phrasing(String nodeId, String text) {}

  /** A phrasing close in meaning to a question, with the cosine. */
  public record Near(String nodeId, String text, double cosine) {}

  private final String[] nodes;
  private final String[] texts;
  private final float[][] vectors;

  PhrasingVectors(List<Phrasing> phrasings, List<float[]> vectors) {
    if (phrasings.size() != vectors.size()) {
      throw new IllegalArgumentException("one vector per phrasing");
    }
    this.nodes = phrasings.stream().map(Phrasing::nodeId).toArray(String[]::new);
    this.texts = phrasings.stream().map(Phrasing::text).toArray(String[]::new);
    this.vectors = vectors.toArray(float[][]::new);
  }

  /** Each node's best cosine with any of these question vectors (several when a message has several sentences). */
  public Map<String, Double> closest(List<float[]> questions) {
    Map<String, Double> best = new HashMap<>();
    for (int i = 0; i < vectors.length; i++) {
      float[] v = vectors[i];
      double top = -1;
      for (float[] q : questions) {
        top = Math.max(top, dot(v, q));
      }
      best.merge(nodes[i], top, Math::max);
    }
    return best;
  }

  /** The {@code limit} phrasings closest to a question vector, closest first. */
  public List<Near> nearest(float[] question, int limit) {
    List<Near> all = new java.util.ArrayList<>(vectors.length);
    for (int i = 0; i < vectors.length; i++) {
      all.add(new Near(nodes[i], texts[i], dot(vectors[i], question)));
    }
    all.sort(java.util.Comparator.comparingDouble(Near::cosine).reversed());
    return List.copyOf(all.subList(0, Math.min(limit, all.size())));
  }

  /** How many phrasings there are. */
  public int size() {
    return vectors.length;
  }

  /** The vectors, one per phrasing (not copied: callers only read them). */
  float[][] vectors() {
    return vectors;
  }

  /** The node of each phrasing. */
  String[] nodes() {
    return nodes;
  }

  static double dot(float[] a, float[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += a[i] * b[i];
    }
    return sum;
  }
}
