package tw.ecpa.kb.tree;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a candidate FAQ tree and names every problem: duplicate ids, dangling options and related
 * ids, cycles among menus, empty answers, bad links, and unknown ids in synonym groups.
 */
public final class Validator {

  private static final Pattern ID = Pattern.compile("[a-z0-9]+(?:[.-][a-z0-9]+)*");

  private Validator() {}

  /**
   * Returns the problems of a tree; an empty list means the tree is valid.
   *
   * @param file the file name used in each problem
   * @param rootId the id of the root menu
   * @param nodes the nodes in file order
   * @param synonyms the synonym groups
   */
  public static List<Problem> validate(
      String file, String rootId, List<Node> nodes, List<SynonymGroup> synonyms) {
    List<Problem> problems = new ArrayList<>();
    Map<String, Node> byId = new HashMap<>();
    for (Node node : nodes) {
      if (node.id() == null || !ID.matcher(node.id()).matches()) {
        problems.add(new Problem(file, node.id(), "id",
            "id must be lower-case letters and digits separated by '.' or '-'",
            "代碼只能用小寫英文字母與數字，以「.」或「-」分隔（例如 moica.error.read-failure）。"));
      }
      if (byId.putIfAbsent(node.id(), node) != null) {
        problems.add(new Problem(file, node.id(), "id", "duplicate id", "此代碼已被其他節點使用。"));
      }
      if (node.title().isBlank()) {
        problems.add(new Problem(file, node.id(), "title", "empty title", "請輸入標題。"));
      }
      blankEntries(file, node.id(), "questions", node.questions(), problems);
      blankEntries(file, node.id(), "keywords", node.keywords(), problems);
    }

    Node root = byId.get(rootId);
    if (root == null) {
      problems.add(new Problem(file, null, "root", "root '" + rootId + "' is not a node", "主選單 " + rootId + " 不存在。"));
    } else if (!(root instanceof MenuNode)) {
      problems.add(new Problem(file, null, "root", "the root '" + rootId + "' must be a menu",
          "主選單 " + rootId + " 必須是選單。"));
    }

    for (Node node : nodes) {
      if (node instanceof MenuNode menu) {
        if (menu.options().isEmpty()) {
          problems.add(new Problem(file, menu.id(), "options", "menu has no options", "選單至少要有一個選項。"));
        }
        Set<String> labels = new HashSet<>();
        for (Option option : menu.options()) {
          if (option.label().isBlank()) {
            problems.add(new Problem(file, menu.id(), "options", "option with an empty label", "每個選項都要有文字。"));
          } else if (!labels.add(option.label())) {
            problems.add(new Problem(file, menu.id(), "options", "option label '" + option.label() + "' twice",
                "選項「" + option.label() + "」重複了，同一選單的選項文字不可相同。"));
          }
          if (!byId.containsKey(option.target())) {
            problems.add(new Problem(file, menu.id(), "options",
                "option '" + option.label() + "' leads to unknown node '" + option.target() + "'",
                "選項「" + option.label() + "」指向不存在的節點 " + option.target() + "。"));
          } else if (option.target().equals(menu.id())) {
            problems.add(new Problem(file, menu.id(), "options", "option '" + option.label() + "' leads to itself",
                "選項「" + option.label() + "」不可指向選單自己。"));
          }
        }
      } else if (node instanceof AnswerNode answer) {
        if (answer.text().isBlank() && answer.steps().isEmpty()) {
          problems.add(new Problem(file, answer.id(), "text", "empty answer", "答案不可空白：請輸入說明文字或步驟。"));
        }
        blankEntries(file, answer.id(), "steps", answer.steps(), problems);
        for (String related : answer.related()) {
          if (!byId.containsKey(related)) {
            problems.add(new Problem(file, answer.id(), "related", "related id '" + related + "' is unknown",
                "相關問題 " + related + " 不存在。"));
          }
        }
        for (Link link : answer.links()) {
          if (link.label().isBlank() || !isWebUrl(link.url())) {
            problems.add(new Problem(file, answer.id(), "links",
                "link '" + link.label() + "' needs a label and an absolute http(s) URL",
                "連結「" + link.label() + "」需要文字及完整的 http(s) 網址。"));
          }
        }
      }
    }

    findCycles(file, nodes, byId, problems);

    for (int i = 0; i < synonyms.size(); i++) {
      SynonymGroup group = synonyms.get(i);
      String where = "synonym group " + (i + 1) + " " + group.terms();
      if (group.terms().size() < 2) {
        problems.add(new Problem(file, null, "synonyms", where + " needs at least two terms",
            "第 " + (i + 1) + " 組同義詞至少要有兩個詞。"));
      }
      if (group.terms().stream().anyMatch(String::isBlank)) {
        problems.add(new Problem(file, null, "synonyms", where + " has an empty term",
            "第 " + (i + 1) + " 組同義詞有空白的詞。"));
      }
      for (String id : group.nodes()) {
        if (!byId.containsKey(id)) {
          problems.add(new Problem(file, null, "synonyms", where + " names unknown node '" + id + "'",
              "第 " + (i + 1) + " 組同義詞所指的節點 " + id + " 不存在。"));
        }
      }
    }
    return problems;
  }

  private static final Map<String, String> ENTRY_NAMES =
      Map.of("questions", "替代問句", "keywords", "關鍵字", "steps", "步驟");

  private static void blankEntries(
      String file, String id, String field, List<String> entries, List<Problem> problems) {
    for (String entry : entries) {
      if (entry == null || entry.isBlank()) {
        problems.add(new Problem(file, id, field, "empty " + field.substring(0, field.length() - 1),
            ENTRY_NAMES.get(field) + "不可有空白的一行。"));
      }
    }
  }

  private static boolean isWebUrl(String url) {
    try {
      URI uri = new URI(url);
      return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
          && uri.getHost() != null;
    } catch (Exception e) {
      return false;
    }
  }

  /** Reports each menu cycle once, by walking options depth-first with three colours. */
  private static void findCycles(
      String file, List<Node> nodes, Map<String, Node> byId, List<Problem> problems) {
    Map<String, Integer> colour = new HashMap<>();
    for (Node node : nodes) {
      if (node instanceof MenuNode) {
        visit(file, node.id(), byId, colour, new ArrayList<>(), problems);
      }
    }
  }

  private static void visit(
      String file,
      String id,
      Map<String, Node> byId,
      Map<String, Integer> colour,
      List<String> path,
      List<Problem> problems) {
    int state = colour.getOrDefault(id, 0);
    if (state == 2) {
      return;
    }
    if (state == 1) {
      List<String> cycle = new ArrayList<>(path.subList(path.indexOf(id), path.size()));
      cycle.add(id);
      problems.add(new Problem(file, id, "options", "menu cycle " + String.join(" → ", cycle),
          "選單形成循環：" + String.join(" → ", cycle) + "。"));
      return;
    }
    colour.put(id, 1);
    path.add(id);
    if (byId.get(id) instanceof MenuNode menu) {
      for (Option option : menu.options()) {
        if (byId.containsKey(option.target()) && !option.target().equals(id)) {
          visit(file, option.target(), byId, colour, path, problems);
        }
      }
    }
    path.remove(path.size() - 1);
    colour.put(id, 2);
  }
}
