package tw.ecpa.portal.store.jdbc;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The questionnaire and to-do store contract on a real PostgreSQL server (embedded, started for these tests). */
class QuestionnaireStorePostgresTest extends QuestionnaireStoreContract {

  static EmbeddedPostgres postgres;
  static Database database;

  @BeforeAll
  static void open() throws IOException {
    postgres = EmbeddedPostgres.builder().start();
    database = Database.open(new Database.Location(postgres.getJdbcUrl("postgres", "postgres"), "postgres", ""), 8);
  }

  @AfterAll
  static void close() throws IOException {
    database.close();
    postgres.close();
  }

  @Override
  Database database() {
    return database;
  }
}
