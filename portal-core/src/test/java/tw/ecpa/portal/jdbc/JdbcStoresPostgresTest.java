package tw.ecpa.portal.jdbc;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The store contract on a real PostgreSQL server (embedded, shared by the run's contract tests). */
class JdbcStoresPostgresTest extends StoreContract {

  static Database database;

  @BeforeAll
  static void open() {
    database = SharedPostgres.freshDatabase(4);
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
