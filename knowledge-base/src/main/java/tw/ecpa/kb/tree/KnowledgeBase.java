package tw.ecpa.kb.tree;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A validated FAQ tree: its nodes by id, the root menu, and the synonym groups.
 *
 * <p>Instances are immutable. Build them with {@link tw.ecpa.kb.tree.json.KnowledgeBaseLoader}, which
 * validates the tree; the constructor here trusts its input.
 */
public final class KnowledgeBase {

  private final String rootId;
  private final Map<String, Node> nodes;
  private final List<SynonymGroup> synonyms;
  private final List<String> outOfScope;
  private final List<String> outsideTerms;
  private final Map<String, MenuNode> parents;

  /** Creates a knowledge base from already validated parts. */
  public KnowledgeBase(String rootId, Collection<? extends Node> nodes, List<SynonymGroup> synonyms) {
    this(rootId, nodes, synonyms, List.of());
  }

  /**
   * Creates a knowledge base from already validated parts, with examples of questions it does not
   * answer.
   */
  public KnowledgeBase(String rootId, Collection<? extends Node> nodes, List<SynonymGroup> synonyms,
      List<String> outOfScope) {
    this(rootId, nodes, synonyms, outOfScope, List.of());
  }

  /**
   * Creates a knowledge base from already validated parts, with examples of questions it does not
   * answer and the names of other systems and matters it does not cover.
   */
  public KnowledgeBase(String rootId, Collection<? extends Node> nodes, List<SynonymGroup> synonyms,
      List<String> outOfScope, List<String> outsideTerms) {
    this.outOfScope = List.copyOf(outOfScope);
    this.outsideTerms = List.copyOf(outsideTerms);
    this.rootId = rootId;
    Map<String, Node> byId = new LinkedHashMap<>();
    for (Node node : nodes) {
      byId.put(node.id(), node);
    }
    this.nodes = Collections.unmodifiableMap(byId);
    Map<String, MenuNode> parentOf = new java.util.HashMap<>();
    for (Node node : byId.values()) {
      if (node instanceof MenuNode menu) {
        menu.options().forEach(o -> parentOf.putIfAbsent(o.target(), menu));
      }
    }
    this.parents = Map.copyOf(parentOf);
    this.synonyms = List.copyOf(synonyms);
  }

  /**
   * Questions this knowledge base does not answer although they share words with it (a bank card's
   * PIN, filing taxes with the citizen certificate): search keeps such questions from being answered.
   */
  public List<String> outOfScope() {
    return outOfScope;
  }

  /**
   * Names of other systems and matters this knowledge base does not cover (網路銀行, LINE, 報稅): a
   * question that names one is less likely meant for it, even when its other words are.
   */
  public List<String> outsideTerms() {
    return outsideTerms;
  }

  /** The root menu shown when a conversation starts. */
  public MenuNode root() {
    return (MenuNode) nodes.get(rootId);
  }

  /** The node with this id, if any. */
  public Optional<Node> node(String id) {
    return Optional.ofNullable(id == null ? null : nodes.get(id));
  }

  /** The first menu (in file order) with an option leading to a node: where 回上一層 goes from it. */
  public Optional<MenuNode> parentOf(String id) {
    return Optional.ofNullable(parents.get(id));
  }

  /** The id prefix of small-talk nodes (greetings, thanks): matched by the dialog as whole messages, never searched. */
  public static final String SMALL_TALK = "smalltalk.";

  /** The nodes free-text search answers with: all but small talk, in file order. */
  public List<Node> searchable() {
    return nodes.values().stream().filter(n -> !n.id().startsWith(SMALL_TALK)).toList();
  }

  /** All nodes in file order. */
  public Collection<Node> nodes() {
    return nodes.values();
  }

  /** The synonym groups. */
  public List<SynonymGroup> synonyms() {
    return synonyms;
  }

  /** How many nodes the tree holds. */
  public int size() {
    return nodes.size();
  }
}
