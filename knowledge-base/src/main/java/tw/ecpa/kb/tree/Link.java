package tw.ecpa.kb.tree;

import java.util.Objects;

/**
 * A link shown under an answer.
 *
 * @param label the zh-TW link text
 * @param url an absolute http(s) URL
 */
public record Link(String label, String url) {

  public Link {
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(url, "url");
  }
}
