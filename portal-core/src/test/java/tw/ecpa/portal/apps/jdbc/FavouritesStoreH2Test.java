package tw.ecpa.portal.apps.jdbc;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import tw.ecpa.portal.jdbc.Database;

/** The favourites store contract on embedded H2 (the default database). */
class FavouritesStoreH2Test extends FavouritesStoreContract {

  static Database database;

  @BeforeAll
  static void open() {
    database = Database.open(Database.Location.inMemory("favourites-store"), 8);
  }

  @AfterAll
  static void close() {
    database.close();
  }

  @Override
  Database database() {
    return database;
  }
}
