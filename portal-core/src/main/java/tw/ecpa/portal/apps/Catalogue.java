package tw.ecpa.portal.apps;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The application systems the portal offers, in their categories, in the order the portal lists them. */
public final class Catalogue {

  /** Longest search text. */
  public static final int MAX_QUERY = 50;

  private final List<Category> categories;
  private final Map<String, Category> categoryByCode = new LinkedHashMap<>();
  private final Map<String, AppSystem> systems = new LinkedHashMap<>();

  /**
   * Creates a catalogue; fails fast on a duplicate id, a system in an unknown category or in 我的最愛, or a
   * catalogue without the 我的最愛 category.
   */
  public Catalogue(List<Category> categories, List<AppSystem> systems) {
    this.categories = List.copyOf(categories);
    for (Category c : categories) {
      if (categoryByCode.put(c.code(), c) != null) {
        throw new IllegalArgumentException("duplicate category " + c.code());
      }
    }
    if (!categoryByCode.containsKey(Category.FAVOURITES)) {
      throw new IllegalArgumentException("the catalogue needs the category " + Category.FAVOURITES);
    }
    for (AppSystem s : systems) {
      if (!categoryByCode.containsKey(s.category()) || s.category().equals(Category.FAVOURITES)) {
        throw new IllegalArgumentException("system " + s.id() + " in bad category " + s.category());
      }
      if (this.systems.put(s.id(), s) != null) {
        throw new IllegalArgumentException("duplicate system " + s.id());
      }
    }
  }

  /** The categories, 我的最愛 first as given. */
  public List<Category> categories() {
    return categories;
  }

  /** Every system, in catalogue order. */
  public List<AppSystem> systems() {
    return List.copyOf(systems.values());
  }

  /** A system by id. */
  public Optional<AppSystem> system(String id) {
    return Optional.ofNullable(id == null ? null : systems.get(id));
  }

  /** The systems of one category, in catalogue order. */
  public List<AppSystem> inCategory(String code) {
    return systems.values().stream().filter(s -> s.category().equals(code)).toList();
  }

  /** The ids of the systems a newly appointed civil servant finds in 我的最愛 (初任公務人員預設). */
  public Set<String> defaultFavourites() {
    return systems.values().stream().filter(AppSystem::defaultFavourite).map(AppSystem::id)
        .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
  }

  /** The category of a system. */
  public Category categoryOf(AppSystem system) {
    return categoryByCode.get(system.category());
  }

  /**
   * The systems a search text finds: every whitespace-separated term must occur, without regard to case or
   * full-width forms, in the system's code and name, one of its keywords, or its category's name.
   * A blank text finds nothing.
   */
  public List<AppSystem> search(String query) {
    List<String> terms = terms(query);
    if (terms.isEmpty()) {
      return List.of();
    }
    List<AppSystem> found = new ArrayList<>();
    for (AppSystem s : systems.values()) {
      String categoryName = categoryOf(s).name();
      if (terms.stream().allMatch(t -> s.matches(t, categoryName))) {
        found.add(s);
      }
    }
    return found;
  }

  private static List<String> terms(String query) {
    if (query == null) {
      return List.of();
    }
    return Arrays.stream(AppSystem.normalize(query).trim().split("\\s+")).filter(t -> !t.isEmpty()).toList();
  }
}
