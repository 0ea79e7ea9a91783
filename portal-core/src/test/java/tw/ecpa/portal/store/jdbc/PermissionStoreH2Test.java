package tw.ecpa.portal.store.jdbc;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The permission store contract on embedded H2 (the default database). */
class PermissionStoreH2Test extends PermissionStoreContract {

  static Database database;

  @BeforeAll
  static void open() {
    database = Database.open(Database.Location.inMemory("permission-store"), 8);
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
