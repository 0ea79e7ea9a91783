package tw.ecpa.portal.apps.jdbc;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import tw.ecpa.portal.jdbc.Database;
import tw.ecpa.portal.jdbc.SharedPostgres;

/** The favourites store contract on a real PostgreSQL server (embedded, shared by the run's contract tests). */
class FavouritesStorePostgresTest extends FavouritesStoreContract {

  static Database database;

  @BeforeAll
  static void open() {
    database = SharedPostgres.freshDatabase(8);
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
