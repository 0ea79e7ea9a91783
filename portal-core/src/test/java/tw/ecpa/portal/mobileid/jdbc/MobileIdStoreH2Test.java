package tw.ecpa.portal.mobileid.jdbc;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import tw.ecpa.portal.jdbc.Database;

/** The mobile-ID transaction store contract on embedded H2 (the default database). */
class MobileIdStoreH2Test extends MobileIdStoreContract {

  static Database database;

  @BeforeAll
  static void open() {
    database = Database.open(Database.Location.inMemory("mobile-id-store"), 8);
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
