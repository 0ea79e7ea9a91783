package tw.ecpa.kb.search.embedding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The scope probe learns a direction of meaning from the examples, not the nearest text. */
class ScopeProbeTest {

  private static final String OUT = "~out";

  /** A unit vector near a base direction, with noise. */
  private static float[] near(float[] base, Random random) {
    float[] v = new float[base.length];
    double norm = 0;
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) (base[i] + 0.3 * random.nextGaussian() / Math.sqrt(v.length));
      norm += v[i] * v[i];
    }
    for (int i = 0; i < v.length; i++) {
      v[i] /= (float) Math.sqrt(norm);
    }
    return v;
  }

  @Test
  void questionsOnTheOutOfScopeSide_scoreLow_andTheKnowledgeBasesOwn_high() {
    Random random = new Random(11);
    int dim = 64;
    // Both kinds share a common direction (as sentence vectors do); one extra direction tells them apart.
    float[] inside = new float[dim];
    float[] outside = new float[dim];
    inside[0] = 0.8f;
    inside[1] = 0.6f;
    outside[0] = 0.8f;
    outside[2] = 0.6f;
    List<PhrasingVectors.Phrasing> phrasings = new ArrayList<>();
    List<float[]> vectors = new ArrayList<>();
    for (int i = 0; i < 120; i++) {
      phrasings.add(new PhrasingVectors.Phrasing("node" + (i % 7), "q" + i));
      vectors.add(near(inside, random));
    }
    for (int i = 0; i < 30; i++) {
      phrasings.add(new PhrasingVectors.Phrasing(OUT, "o" + i));
      vectors.add(near(outside, random));
    }
    ScopeProbe probe = ScopeProbe.train(new PhrasingVectors(phrasings, vectors), OUT);

    int right = 0;
    for (int i = 0; i < 50; i++) {
      right += probe.inScope(List.of(near(inside, random))) > 0.5 ? 1 : 0;
      right += probe.inScope(List.of(near(outside, random))) < 0.5 ? 1 : 0;
    }
    assertTrue(right >= 95, right + " of 100 new vectors on the right side");
    // A message with one part on the knowledge base's side counts as in scope.
    assertTrue(probe.inScope(List.of(near(outside, random), near(inside, random))) > 0.5);
  }

  @Test
  void withoutOutOfScopeExamples_everyQuestionIsInScope() {
    List<PhrasingVectors.Phrasing> phrasings = List.of(new PhrasingVectors.Phrasing("a", "x"));
    ScopeProbe probe = ScopeProbe.train(new PhrasingVectors(phrasings, List.of(new float[] {1, 0})), OUT);
    assertEquals(1.0, probe.inScope(List.of(new float[] {0, 1})), 1e-3);
  }
}
