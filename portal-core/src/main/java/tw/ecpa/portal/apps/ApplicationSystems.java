package tw.ecpa.portal.apps;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * 應用系統: a person's application systems by category, their favourites (我的最愛, the heart) and
 * whether each system suits the current login method and device, with the reason when it does not.
 * A person's first visit gives them the default favourites of a newly appointed civil servant
 * (初任公務人員預設加入我的最愛應用系統清單); after that the favourites are theirs to change, even to none.
 */
public final class ApplicationSystems {

  /** The session a listing is for. */
  public record Viewer(long accountId, String loginMethod, Device device) {}

  /** A system as one viewer sees it. */
  public record SystemView(AppSystem system, boolean favourite, Availability availability) {}

  /** A category with the systems a viewer sees in it. */
  public record CategoryView(Category category, List<SystemView> systems) {}

  /**
   * What a listing shows.
   *
   * @param query the normalized search text, or empty for the whole catalogue
   * @param categories the categories, 我的最愛 first; when searching, only those with a match and without 我的最愛
   * @param results when searching, every match in catalogue order; otherwise empty
   */
  public record Listing(String query, List<CategoryView> categories, List<SystemView> results) {}

  /** What adding or removing a favourite came to. */
  public sealed interface FavouriteOutcome {
    /** Done; the system as the viewer now sees it. */
    record Done(SystemView system) implements FavouriteOutcome {}

    /** No system has that id. */
    record UnknownSystem() implements FavouriteOutcome {}
  }

  private final Catalogue catalogue;
  private final Favourites favourites;
  private final Clock clock;

  /** Creates the service over the catalogue and the favourites store. */
  public ApplicationSystems(Catalogue catalogue, Favourites favourites, Clock clock) {
    this.catalogue = catalogue;
    this.favourites = favourites;
    this.clock = clock;
  }

  /** The catalogue. */
  public Catalogue catalogue() {
    return catalogue;
  }

  /** Every category with its systems, 我的最愛 first holding the viewer's favourites. */
  public Listing list(Viewer viewer) {
    Set<String> favourite = favouritesOf(viewer.accountId());
    List<CategoryView> categories = new ArrayList<>();
    for (Category category : catalogue.categories()) {
      List<AppSystem> systems = category.code().equals(Category.FAVOURITES)
          ? catalogue.systems().stream().filter(s -> favourite.contains(s.id())).toList()
          : catalogue.inCategory(category.code());
      categories.add(new CategoryView(category, systems.stream().map(s -> view(s, favourite, viewer)).toList()));
    }
    return new Listing("", categories, List.of());
  }

  /**
   * The systems a search text finds (see {@link Catalogue#search}), also grouped by category; a blank text
   * lists everything as {@link #list} does.
   */
  public Listing search(Viewer viewer, String query) {
    if (query == null || query.isBlank()) {
      return list(viewer);
    }
    Set<String> favourite = favouritesOf(viewer.accountId());
    List<SystemView> results = catalogue.search(query).stream().map(s -> view(s, favourite, viewer)).toList();
    List<CategoryView> categories = new ArrayList<>();
    for (Category category : catalogue.categories()) {
      List<SystemView> in = results.stream().filter(v -> v.system().category().equals(category.code())).toList();
      if (!in.isEmpty()) {
        categories.add(new CategoryView(category, in));
      }
    }
    return new Listing(AppSystem.normalize(query).strip(), categories, results);
  }

  /** Makes a system one of the viewer's favourites (again adding it is no error). */
  public FavouriteOutcome favour(Viewer viewer, String systemId) {
    return change(viewer, systemId, true);
  }

  /** Takes a system out of the viewer's favourites (removing one that is not there is no error). */
  public FavouriteOutcome unfavour(Viewer viewer, String systemId) {
    return change(viewer, systemId, false);
  }

  /** The ids of an account's favourites, giving a first-time account the default set. */
  public Set<String> favouritesOf(long accountId) {
    if (!favourites.seeded(accountId)) {
      favourites.seed(accountId, catalogue.defaultFavourites(), clock.instant());
    }
    return favourites.of(accountId);
  }

  private FavouriteOutcome change(Viewer viewer, String systemId, boolean add) {
    Optional<AppSystem> system = catalogue.system(systemId);
    if (system.isEmpty()) {
      return new FavouriteOutcome.UnknownSystem();
    }
    favouritesOf(viewer.accountId());
    if (add) {
      favourites.add(viewer.accountId(), systemId, clock.instant());
    } else {
      favourites.remove(viewer.accountId(), systemId);
    }
    return new FavouriteOutcome.Done(view(system.get(), favourites.of(viewer.accountId()), viewer));
  }

  private static SystemView view(AppSystem system, Set<String> favourite, Viewer viewer) {
    return new SystemView(system, favourite.contains(system.id()),
        Availability.of(system, viewer.loginMethod(), viewer.device()));
  }
}
