package tw.ecpa.portal.apps.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tw.ecpa.portal.account.Role;
import tw.ecpa.portal.account.jdbc.JdbcAccounts;
import tw.ecpa.portal.identity.IdNumber;
import tw.ecpa.portal.jdbc.Database;
import tw.ecpa.portal.people.Organization;
import tw.ecpa.portal.people.Person;
import tw.ecpa.portal.people.PersonStatus;
import tw.ecpa.portal.people.jdbc.JdbcPeople;

/**
 * The favourites store (V14) on both databases: the same tests run on H2 and on a real PostgreSQL.
 * Subclasses provide a migrated database; each test uses its own account.
 */
abstract class FavouritesStoreContract {

  private static final AtomicInteger SEQUENCE = new AtomicInteger();
  static final Instant T0 = Instant.parse("2026-11-23T05:00:00Z");

  abstract Database database();

  JdbcFavourites store;
  long account;

  @BeforeEach
  void store() {
    store = new JdbcFavourites(database());
    JdbcPeople people = new JdbcPeople(database());
    people.save(new Organization("FAV", "應用系統測試機關", null));
    IdNumber id = freshId();
    people.save(new Person(id, "王小明", LocalDate.of(1972, 1, 1), "FAV", LocalDate.of(2021, 1, 1),
        PersonStatus.ACTIVE, "wang@example.gov.tw", "02-23979108"));
    account = new JdbcAccounts(database()).create(id, Set.of(Role.EMPLOYEE)).id();
  }

  /** A fresh valid identity number for each call (letter F, unlike the other contracts'). */
  static IdNumber freshId() {
    String body = "F2" + String.format("%07d", SEQUENCE.incrementAndGet());
    for (int check = 0; check <= 9; check++) {
      if (IdNumber.isValid(body + check)) {
        return IdNumber.parse(body + check).orElseThrow();
      }
    }
    throw new IllegalStateException();
  }

  @Test
  void seed_firstTime_givesTheSet_andOnlyOnce() {
    assertFalse(store.seeded(account));
    assertEquals(Set.of(), store.of(account));
    assertTrue(store.seed(account, List.of("mydata", "d6"), T0));
    assertTrue(store.seeded(account));
    assertEquals(Set.of("mydata", "d6"), store.of(account));
    store.remove(account, "d6");
    assertFalse(store.seed(account, List.of("mydata", "d6"), T0), "a second seed does nothing");
    assertEquals(Set.of("mydata"), store.of(account));
  }

  @Test
  void addAndRemove_reportWhetherTheyChangedAnything() {
    assertTrue(store.add(account, "webhr", T0));
    assertFalse(store.add(account, "webhr", T0.plusSeconds(1)));
    assertEquals(Set.of("webhr"), store.of(account));
    assertTrue(store.remove(account, "webhr"));
    assertFalse(store.remove(account, "webhr"));
    assertEquals(Set.of(), store.of(account));
  }

  @Test
  void seed_afterAnAdd_keepsTheAdd() {
    store.add(account, "webhr", T0);
    assertTrue(store.seed(account, List.of("webhr", "d6"), T0));
    assertEquals(Set.of("webhr", "d6"), store.of(account));
  }

  @Test
  void seed_concurrentFirstVisits_seedOnce() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Callable<Boolean>> calls = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        calls.add(() -> store.seed(account, List.of("mydata", "d6", "dk"), T0));
      }
      int seeded = 0;
      for (Future<Boolean> f : pool.invokeAll(calls)) {
        seeded += f.get() ? 1 : 0;
      }
      assertEquals(1, seeded);
      assertEquals(Set.of("mydata", "d6", "dk"), store.of(account));
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void favourites_areEachAccountsOwn() {
    store.add(account, "webhr", T0);
    long other = account + 1_000_000;
    assertEquals(Set.of(), store.of(other));
    assertFalse(store.seeded(other));
  }
}
