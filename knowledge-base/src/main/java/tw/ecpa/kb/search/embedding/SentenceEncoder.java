package tw.ecpa.kb.search.embedding;

import java.util.List;

/**
 * Turns sentences into vectors whose cosine says how close two sentences are in meaning. The
 * vectors are unit length, so the dot product is the cosine.
 */
public interface SentenceEncoder {

  /** Names the model and its version; vectors cached on disk are kept apart by it. */
  String id();

  /** The unit-length vector of one sentence. */
  float[] embed(String text);

  /** The unit-length vectors of several sentences, in order (faster than one by one). */
  List<float[]> embedAll(List<String> texts);
}
