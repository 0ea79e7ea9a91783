package tw.ecpa.kb.tree;

/**
 * One thing wrong with a knowledge-base file, named by file and node so an editor can find it.
 *
 * @param file the file the problem is in
 * @param nodeId the node concerned, or {@code null} when the problem is with the file as a whole
 * @param message what is wrong, in English for developers and logs
 */
public record Problem(String file, String nodeId, String message) {

  @Override
  public String toString() {
    return nodeId == null ? file + ": " + message : file + ": node '" + nodeId + "': " + message;
  }
}
