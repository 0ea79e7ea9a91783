package tw.ecpa.kb.version;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One published version of the knowledge base: its files (the manifest {@code knowledge-base.json}
 * and the area files it lists, as the loader reads them), numbered from 1, with who published it,
 * when and why.
 *
 * @param number the version number
 * @param note what changed, in the publisher's words
 * @param publishedBy who published it
 * @param publishedAt when
 * @param files file name → JSON text
 */
public record KbVersion(int number, String note, String publishedBy, Instant publishedAt, Map<String, String> files) {

  public KbVersion {
    Objects.requireNonNull(note, "note");
    Objects.requireNonNull(publishedBy, "publishedBy");
    Objects.requireNonNull(publishedAt, "publishedAt");
    files = java.util.Collections.unmodifiableMap(new TreeMap<>(files));
  }

  /** A version without its files, for the history list. */
  public record Summary(int number, String note, String publishedBy, Instant publishedAt) {}

  /** This version's summary. */
  public Summary summary() {
    return new Summary(number, note, publishedBy, publishedAt);
  }
}
