package tw.ecpa.portal.captcha.jdbc;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import tw.ecpa.portal.jdbc.Database;

/** The captcha store contract on embedded H2 (the default database). */
class JdbcCaptchaStoreH2Test extends CaptchaStoreContract {

  static Database database;

  @BeforeAll
  static void open() {
    database = Database.open(Database.Location.inMemory("captchas"), 4);
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
