package tw.ecpa.kb.version;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Where the published versions of the knowledge base are kept, shared by every server node. */
public interface KbVersionStore {

  /** The newest published version, if any. */
  Optional<KbVersion> latest();

  /** The number of the newest published version, or 0 when there is none (cheap, for polling). */
  int latestNumber();

  /** One version by number. */
  Optional<KbVersion> version(int number);

  /** Every version, newest first, without files. */
  List<KbVersion.Summary> history();

  /** Publishes files as the next version; returns it. */
  KbVersion publish(Map<String, String> files, String note, String publishedBy, Instant at);

  /** The draft's files, if the knowledge staff have one. */
  Optional<Map<String, String>> draft();

  /** Keeps files as the draft, replacing any earlier draft. */
  void saveDraft(Map<String, String> files, String by, Instant at);

  /**
   * The draft with its revision, which every save replaces.
   *
   * @param revision an opaque token, different after every save (also after a discard and a new draft)
   */
  record Draft(Map<String, String> files, String revision) {}

  /** The draft with its revision, if there is one. */
  Optional<Draft> draftWithRevision();

  /**
   * Keeps files as the draft only if the draft is still the one an edit was made on: the revision
   * given, or none when {@code expectedRevision} is empty. False when another save came first.
   */
  boolean saveDraftIf(Optional<String> expectedRevision, Map<String, String> files, String by, Instant at);

  /** Throws the draft away. */
  void discardDraft();

  /** The saved golden questions that every new version must answer right. */
  List<Regression.Golden> golden();

  /** Saves a golden question (again is a no-op). */
  void addGolden(Regression.Golden golden);
}
