package tw.ecpa.portal.apps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tw.ecpa.portal.apps.ApplicationSystems.FavouriteOutcome;
import tw.ecpa.portal.apps.ApplicationSystems.Listing;
import tw.ecpa.portal.apps.ApplicationSystems.SystemView;
import tw.ecpa.portal.apps.ApplicationSystems.Viewer;
import tw.ecpa.portal.testing.MovableClock;

class ApplicationSystemsTest {

  final MemoryFavourites store = new MemoryFavourites();
  final ApplicationSystems apps = new ApplicationSystems(CatalogueTest.SHIPPED, store, new MovableClock());
  final Viewer byPassword = new Viewer(7, "password", Device.DESKTOP);
  final Viewer byCard = new Viewer(7, "moica", Device.DESKTOP);

  static List<String> ids(List<SystemView> views) {
    return views.stream().map(v -> v.system().id()).toList();
  }

  static SystemView find(Listing listing, String id) {
    return listing.categories().stream().skip(1).flatMap(c -> c.systems().stream())
        .filter(v -> v.system().id().equals(id)).findFirst().orElseThrow();
  }

  @Test
  void list_newStaff_findTheDefaultSetInFavouritesFirst() {
    Listing listing = apps.list(byPassword);
    assertEquals("A", listing.categories().get(0).category().code());
    assertEquals(CatalogueTest.SHIPPED.defaultFavourites(), Set.copyOf(ids(listing.categories().get(0).systems())));
    assertEquals(7, listing.categories().get(0).systems().size());
    assertTrue(find(listing, "d6").favourite());
    assertFalse(find(listing, "webhr").favourite());
    apps.list(byPassword);
    assertEquals(1, store.seeds, "seeded once");
  }

  @Test
  void favourites_removedAll_stayRemoved_andAddsShowInFavourites() {
    for (String id : CatalogueTest.SHIPPED.defaultFavourites()) {
      assertInstanceOf(FavouriteOutcome.Done.class, apps.unfavour(byPassword, id));
    }
    assertEquals(List.of(), apps.list(byPassword).categories().get(0).systems(), "no default set again");

    FavouriteOutcome added = apps.favour(byPassword, "webhr");
    assertTrue(((FavouriteOutcome.Done) added).system().favourite());
    assertTrue(((FavouriteOutcome.Done) apps.favour(byPassword, "webhr")).system().favourite(), "again is fine");
    assertEquals(List.of("webhr"), ids(apps.list(byPassword).categories().get(0).systems()));
    assertFalse(((FavouriteOutcome.Done) apps.unfavour(byPassword, "webhr")).system().favourite());
  }

  @Test
  void favour_firstActionOfNewStaff_keepsTheDefaultSet() {
    apps.favour(new Viewer(8, "password", Device.DESKTOP), "webhr");
    Set<String> expected = new java.util.HashSet<>(CatalogueTest.SHIPPED.defaultFavourites());
    expected.add("webhr");
    assertEquals(expected, apps.favouritesOf(8));
  }

  @Test
  void favour_unknownSystem_isUnknown() {
    assertInstanceOf(FavouriteOutcome.UnknownSystem.class, apps.favour(byPassword, "no-such-system"));
    assertInstanceOf(FavouriteOutcome.UnknownSystem.class, apps.unfavour(byPassword, null));
  }

  @Test
  void list_greysSystemsByLoginMethod() {
    SystemView mydata = find(apps.list(byPassword), "mydata");
    assertFalse(mydata.availability().available());
    assertTrue(mydata.availability().reason().contains("帳號密碼"));
    assertTrue(find(apps.list(byCard), "mydata").availability().available());
    SystemView favouriteMydata = apps.list(byPassword).categories().get(0).systems().stream()
        .filter(v -> v.system().id().equals("mydata")).findFirst().orElseThrow();
    assertFalse(favouriteMydata.availability().available(), "greyed in 我的最愛 too");
  }

  @Test
  void search_groupsMatchesWithoutFavouritesCategory_andMarksFavourites() {
    apps.favour(byPassword, "webhrohr");
    Listing found = apps.search(byPassword, " WebHR ");
    assertEquals("webhr", found.query());
    assertEquals(4, found.results().size());
    assertTrue(found.categories().stream().noneMatch(c -> c.category().code().equals("A")));
    assertEquals(4, found.categories().stream().mapToInt(c -> c.systems().size()).sum());
    assertTrue(found.results().stream().filter(v -> v.system().id().equals("webhrohr")).findFirst().orElseThrow()
        .favourite());
    assertTrue(found.results().stream().noneMatch(v -> v.availability().available()),
        "WebHR needs a citizen certificate");
    assertEquals(8, apps.search(byPassword, "").categories().size(), "blank lists everything");
  }
}
