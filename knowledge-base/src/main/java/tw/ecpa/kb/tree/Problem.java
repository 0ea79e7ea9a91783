package tw.ecpa.kb.tree;

/**
 * One thing wrong with a knowledge-base file, named by file and node so an editor can find it.
 *
 * @param file the file the problem is in
 * @param nodeId the node concerned, or {@code null} when the problem is with the file as a whole
 * @param field the node's field concerned ({@code title}, {@code options}, {@code links}, ...; {@code
 *     synonyms} for the manifest's groups), or {@code null} when it is not one field
 * @param message what is wrong, in English for developers and logs
 * @param editorMessage what is wrong, in Traditional Chinese for the knowledge staff's console
 */
public record Problem(String file, String nodeId, String field, String message, String editorMessage) {

  /** A problem with no field and no separate message for editors. */
  public Problem(String file, String nodeId, String message) {
    this(file, nodeId, null, message, message);
  }

  /** The same problem found in another file (the loader names the file a node came from). */
  public Problem in(String otherFile) {
    return new Problem(otherFile, nodeId, field, message, editorMessage);
  }

  @Override
  public String toString() {
    return nodeId == null ? file + ": " + message : file + ": node '" + nodeId + "': " + message;
  }
}
