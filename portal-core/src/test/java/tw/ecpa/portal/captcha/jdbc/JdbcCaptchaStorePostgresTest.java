package tw.ecpa.portal.captcha.jdbc;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import tw.ecpa.portal.jdbc.Database;
import tw.ecpa.portal.jdbc.SharedPostgres;

/** The captcha store contract on a real PostgreSQL server (embedded, shared by the run's contract tests). */
class JdbcCaptchaStorePostgresTest extends CaptchaStoreContract {

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
