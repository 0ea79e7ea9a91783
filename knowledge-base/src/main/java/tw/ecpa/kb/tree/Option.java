package tw.ecpa.kb.tree;

import java.util.Objects;

/**
 * One option of a menu: the button label and the id of the node it leads to.
 *
 * @param label the zh-TW label as shown (for example 以自然人憑證登入)
 * @param target the id of the node the option opens
 */
public record Option(String label, String target) {

  public Option {
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(target, "target");
  }
}
