package tw.ecpa.portal.permission.jdbc;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import tw.ecpa.portal.jdbc.Database;
import tw.ecpa.portal.jdbc.SharedPostgres;

/** The permission store contract on a real PostgreSQL server (embedded, shared by the run's contract tests). */
class PermissionStorePostgresTest extends PermissionStoreContract {

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
