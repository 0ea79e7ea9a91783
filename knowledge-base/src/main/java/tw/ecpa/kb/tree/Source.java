package tw.ecpa.kb.tree;

/**
 * Where a node's content comes from: a section of a seed document, or written by the editors.
 *
 * @param seed the seed file name, or {@code null} for editorial content
 * @param section the section of the seed (for example 1.1 跨平台網頁元件安裝說明), or {@code null}
 */
public record Source(String seed, String section) {

  /** Content written by the editors where the seeds are silent. */
  public static final Source EDITORIAL = new Source(null, null);

  /** Whether the content is editorial rather than taken from a seed. */
  public boolean editorial() {
    return seed == null;
  }
}
