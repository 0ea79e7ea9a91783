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
        problems.add(new Problem(file, node.id(),
            "id must be lower-case letters and digits separated by '.' or '-'"));
      }
      if (byId.putIfAbsent(node.id(), node) != null) {
        problems.add(new Problem(file, node.id(), "duplicate id"));
      }
      if (node.title().isBlank()) {
        problems.add(new Problem(file, node.id(), "empty title"));
      }
      blankEntries(file, node.id(), "question", node.questions(), problems);
      blankEntries(file, node.id(), "keyword", node.keywords(), problems);
    }

    Node root = byId.get(rootId);
    if (root == null) {
      problems.add(new Problem(file, null, "root '" + rootId + "' is not a node"));
    } else if (!(root instanceof MenuNode)) {
      problems.add(new Problem(file, null, "the root '" + rootId + "' must be a menu"));
    }

    for (Node node : nodes) {
      if (node instanceof MenuNode menu) {
        if (menu.options().isEmpty()) {
          problems.add(new Problem(file, menu.id(), "menu has no options"));
        }
        Set<String> labels = new HashSet<>();
        for (Option option : menu.options()) {
          if (option.label().isBlank()) {
            problems.add(new Problem(file, menu.id(), "option with an empty label"));
          } else if (!labels.add(option.label())) {
            problems.add(new Problem(file, menu.id(), "option label '" + option.label() + "' twice"));
          }
          if (!byId.containsKey(option.target())) {
            problems.add(new Problem(file, menu.id(),
                "option '" + option.label() + "' leads to unknown node '" + option.target() + "'"));
          } else if (option.target().equals(menu.id())) {
            problems.add(new Problem(file, menu.id(), "option '" + option.label() + "' leads to itself"));
          }
        }
      } else if (node instanceof AnswerNode answer) {
        if (answer.text().isBlank() && answer.steps().isEmpty()) {
          problems.add(new Problem(file, answer.id(), "empty answer"));
        }
        blankEntries(file, answer.id(), "step", answer.steps(), problems);
        for (String related : answer.related()) {
          if (!byId.containsKey(related)) {
            problems.add(new Problem(file, answer.id(), "related id '" + related + "' is unknown"));
          }
        }
        for (Link link : answer.links()) {
          if (link.label().isBlank() || !isWebUrl(link.url())) {
            problems.add(new Problem(file, answer.id(),
                "link '" + link.label() + "' needs a label and an absolute http(s) URL"));
          }
        }
      }
    }

    findCycles(file, nodes, byId, problems);

    for (int i = 0; i < synonyms.size(); i++) {
      SynonymGroup group = synonyms.get(i);
      String where = "synonym group " + (i + 1) + " " + group.terms();
      if (group.terms().size() < 2) {
        problems.add(new Problem(file, null, where + " needs at least two terms"));
      }
      if (group.terms().stream().anyMatch(String::isBlank)) {
        problems.add(new Problem(file, null, where + " has an empty term"));
      }
      for (String id : group.nodes()) {
        if (!byId.containsKey(id)) {
          problems.add(new Problem(file, null, where + " names unknown node '" + id + "'"));
        }
      }
    }
    return problems;
  }

  private static void blankEntries(
      String file, String id, String what, List<String> entries, List<Problem> problems) {
    for (String entry : entries) {
      if (entry == null || entry.isBlank()) {
        problems.add(new Problem(file, id, "empty " + what));
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
      problems.add(new Problem(file, id, "menu cycle " + String.join(" → ", cycle)));
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
