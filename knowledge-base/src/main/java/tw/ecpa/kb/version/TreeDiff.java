package tw.ecpa.kb.version;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import tw.ecpa.kb.tree.AnswerNode;
import tw.ecpa.kb.tree.KnowledgeBase;
import tw.ecpa.kb.tree.MenuNode;
import tw.ecpa.kb.tree.Node;

/**
 * What changed between two trees, node by node, in words the knowledge staff read: nodes added and
 * removed, and for changed nodes which fields changed, with the questions added and removed.
 */
public final class TreeDiff {

  /**
   * One node's change.
   *
   * @param nodeId the node
   * @param change {@code added}, {@code removed} or {@code changed}
   * @param fields for a changed node, the fields that differ ({@code title}, {@code text}, …)
   * @param questionsAdded alternate questions the newer tree adds
   * @param questionsRemoved alternate questions the newer tree drops
   */
  public record Change(String nodeId, String change, List<String> fields, List<String> questionsAdded,
      List<String> questionsRemoved) {}

  private TreeDiff() {}

  /** The changes from {@code older} to {@code newer}, by node id. */
  public static List<Change> between(KnowledgeBase older, KnowledgeBase newer) {
    TreeSet<String> ids = new TreeSet<>();
    older.nodes().forEach(n -> ids.add(n.id()));
    newer.nodes().forEach(n -> ids.add(n.id()));
    List<Change> out = new ArrayList<>();
    for (String id : ids) {
      Node before = older.node(id).orElse(null);
      Node after = newer.node(id).orElse(null);
      if (before == null) {
        out.add(new Change(id, "added", List.of(), questions(after), List.of()));
      } else if (after == null) {
        out.add(new Change(id, "removed", List.of(), List.of(), questions(before)));
      } else if (!before.equals(after)) {
        List<String> added = new ArrayList<>(questions(after));
        added.removeAll(questions(before));
        List<String> removed = new ArrayList<>(questions(before));
        removed.removeAll(questions(after));
        out.add(new Change(id, "changed", fields(before, after), added, removed));
      }
    }
    return out;
  }

  private static List<String> questions(Node node) {
    return node instanceof AnswerNode a ? a.questions() : node instanceof MenuNode m ? m.questions() : List.of();
  }

  private static List<String> fields(Node before, Node after) {
    List<String> fields = new ArrayList<>();
    if (!before.getClass().equals(after.getClass())) {
      fields.add("type");
      return fields;
    }
    if (!before.title().equals(after.title())) {
      fields.add("title");
    }
    if (before instanceof AnswerNode a && after instanceof AnswerNode b) {
      add(fields, "text", a.text(), b.text());
      add(fields, "steps", a.steps(), b.steps());
      add(fields, "links", a.links(), b.links());
      add(fields, "related", a.related(), b.related());
      add(fields, "questions", a.questions(), b.questions());
      add(fields, "keywords", a.keywords(), b.keywords());
      add(fields, "action", a.action(), b.action());
    } else if (before instanceof MenuNode a && after instanceof MenuNode b) {
      add(fields, "prompt", a.prompt(), b.prompt());
      add(fields, "options", a.options(), b.options());
      add(fields, "questions", a.questions(), b.questions());
    }
    return fields;
  }

  private static void add(List<String> fields, String name, Object a, Object b) {
    if (!Objects.equals(a, b)) {
      fields.add(name);
    }
  }
}
