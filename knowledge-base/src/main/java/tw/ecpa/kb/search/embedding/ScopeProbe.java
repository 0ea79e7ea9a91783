package tw.ecpa.kb.search.embedding;

import java.util.List;

/**
 * A linear probe on the sentence vectors that tells the knowledge base's questions from the ones it
 * says it does not answer: logistic regression over the vector, trained on the phrasings (in scope)
 * and the out-of-scope examples, each class weighing the same. Where the nearest example only says
 * which text is closest, the probe learns directions of meaning: a bank card, a social app or a mail
 * provider pulls a question out of scope even when its words are about passwords. Deterministic (full
 * batch gradient descent from zero); thread-safe once trained.
 */
public final class ScopeProbe {

  private static final int ITERATIONS = 500;
  private static final double LEARNING_RATE = 5;
  private static final double L2 = 1e-3;

  private final float[] weights;
  private final double bias;

  private ScopeProbe(float[] weights, double bias) {
    this.weights = weights;
    this.bias = bias;
  }

  /**
   * Trains on the phrasings' vectors: those of {@code outOfScopeNode} are the negatives, every other
   * node's the positives. Without negatives the probe says every question is in scope.
   */
  public static ScopeProbe train(PhrasingVectors phrasings, String outOfScopeNode) {
    float[][] x = phrasings.vectors();
    String[] nodes = phrasings.nodes();
    int n = x.length;
    int dim = n == 0 ? 0 : x[0].length;
    int negatives = 0;
    for (String node : nodes) {
      negatives += node.equals(outOfScopeNode) ? 1 : 0;
    }
    if (negatives == 0 || negatives == n) {
      return new ScopeProbe(new float[dim], 10);
    }
    double positiveWeight = 0.5 / (n - negatives);
    double negativeWeight = 0.5 / negatives;
    double[] w = new double[dim];
    double b = 0;
    double[] gradient = new double[dim];
    for (int iteration = 0; iteration < ITERATIONS; iteration++) {
      java.util.Arrays.fill(gradient, 0);
      double gradientBias = 0;
      for (int i = 0; i < n; i++) {
        boolean positive = !nodes[i].equals(outOfScopeNode);
        double z = b;
        for (int j = 0; j < dim; j++) {
          z += w[j] * x[i][j];
        }
        double error = (1 / (1 + Math.exp(-z)) - (positive ? 1 : 0)) * (positive ? positiveWeight : negativeWeight);
        for (int j = 0; j < dim; j++) {
          gradient[j] += error * x[i][j];
        }
        gradientBias += error;
      }
      for (int j = 0; j < dim; j++) {
        w[j] -= LEARNING_RATE * (gradient[j] + L2 * w[j]);
      }
      b -= LEARNING_RATE * gradientBias;
    }
    float[] weights = new float[dim];
    for (int j = 0; j < dim; j++) {
      weights[j] = (float) w[j];
    }
    return new ScopeProbe(weights, b);
  }

  /** How likely a question is in scope: the best over its parts' vectors. */
  public double inScope(List<float[]> parts) {
    double best = 0;
    for (float[] v : parts) {
      double z = bias + PhrasingVectors.dot(weights, v);
      best = Math.max(best, 1 / (1 + Math.exp(-z)));
    }
    return best;
  }
}
