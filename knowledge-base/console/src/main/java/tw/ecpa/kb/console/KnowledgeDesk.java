package tw.ecpa.kb.console;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import tw.ecpa.kb.tree.Problem;
import tw.ecpa.kb.version.KbVersion;
import tw.ecpa.kb.version.Regression;
import tw.ecpa.kb.version.TreeDiff;
import tw.ecpa.kb.version.TreeFiles;
import tw.ecpa.kb.version.Unanswered;

/**
 * The knowledge versions as the console works with them: the live version and its history, the
 * draft (the files the editors change; the bot keeps answering from the live version), the test of a
 * question against draft and live, publishing and rolling back.
 */
public interface KnowledgeDesk {

  /** The live version's number. */
  int liveVersion();

  /** The live version's files. */
  Map<String, String> liveFiles();

  /** Every version, newest first. */
  List<KbVersion.Summary> history();

  /** The draft's files, if a draft exists. */
  Optional<Map<String, String>> draft();

  /** Validates and keeps files as the draft; the problems when they do not load (nothing kept then). */
  List<Problem> saveDraft(Map<String, String> files, String by);

  /**
   * Makes one edit to the draft (made from the live version when there is none) and keeps the result
   * when it loads; the problems otherwise, the draft unchanged. Edits are made one at a time.
   */
  List<Problem> editDraft(Function<Map<String, String>, TreeFiles.Edit> edit, String by);

  /** Throws the draft away. */
  void discardDraft();

  /** How draft and live rank a question: node id, title and score, best first. */
  record Ranked(String nodeId, String title, double score) {}

  /** The ranking of a question by the draft (or live when there is no draft) and by live. */
  record Trial(String question, List<Ranked> draft, String draftAnswer, List<Ranked> live, String liveAnswer) {}

  /** Ranks a question against draft and live. */
  Trial test(String question);

  /** An existing phrasing close in meaning to a question, and the node it belongs to. */
  record Similar(String nodeId, String title, String phrasing, double closeness) {}

  /**
   * The existing phrasings of the draft (or live) closest in meaning to a question an editor is about
   * to add, closest first; empty when the meaning-level signal is off.
   */
  List<Similar> similar(String question);

  /** What publishing came to. */
  sealed interface Outcome {}

  /** Published as this version and live. */
  record Published(int version) implements Outcome {}

  /** The files do not load. */
  record Invalid(List<String> problems) implements Outcome {}

  /** Questions the new version would answer wrongly; publish with confirmation to go ahead. */
  record WouldBreak(List<Regression.Failure> failures) implements Outcome {}

  /** Publishes the draft; the draft is gone once published. */
  Outcome publishDraft(String note, String by, boolean confirmBreaking);

  /** Publishes an older version's files again as the newest version. */
  Outcome rollback(int version, String by, boolean confirmBreaking);

  /** The open unanswered and unsure questions users asked, grouped by similarity, largest first. */
  List<Unanswered.Group> unanswered();

  /**
   * Adds a group's questions to a node's alternate questions in the draft (made from the live version
   * when there is none); returns the problems, empty when done.
   */
  List<Problem> adopt(long groupId, String nodeId, String by);

  /**
   * What users did over the last days: questions per day by outcome, the fallback and "did you mean"
   * rates, the most shown answers, thumbs and satisfaction per answer (a JSON-ready map).
   */
  Map<String, Object> analytics(int days);

  /** What changed from one version to another, node by node; empty when a version does not exist. */
  Optional<List<TreeDiff.Change>> diff(int from, int to);

  /** What publishing the draft would change against the live version (empty list without a draft). */
  List<TreeDiff.Change> draftDiff();

  /** The golden questions every version must answer right. */
  List<Regression.Golden> golden();

  /** Saves a golden question; the problems when its node is not an answer of the live version. */
  List<String> addGolden(String question, String expected);

  /** Dismisses a group; false when there is no such open group. */
  boolean dismiss(long groupId);
}
