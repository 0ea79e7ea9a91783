package tw.ecpa.kb.tree;

import java.util.List;

/**
 * Terms that mean the same thing to a user; the first term is the canonical one.
 *
 * <p>Search rewrites every other term to the canonical one, in questions and in indexed text alike,
 * so that 彈跳視窗, 快顯 and popup all meet 彈出式視窗. The group's terms are also added as keywords to
 * the nodes it lists.
 *
 * @param terms the canonical term first, then its variants
 * @param nodes ids of nodes the terms are about (may be empty)
 */
public record SynonymGroup(List<String> terms, List<String> nodes) {

  public SynonymGroup {
    terms = List.copyOf(terms);
    nodes = List.copyOf(nodes);
  }

  /** The term every variant is rewritten to. */
  public String canonical() {
    return terms.get(0);
  }
}
