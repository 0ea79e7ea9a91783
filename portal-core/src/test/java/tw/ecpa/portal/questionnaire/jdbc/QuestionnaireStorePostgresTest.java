package tw.ecpa.portal.questionnaire.jdbc;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import tw.ecpa.portal.jdbc.Database;
import tw.ecpa.portal.jdbc.SharedPostgres;

/** The questionnaire and to-do store contract on a real PostgreSQL server (embedded, shared by the run's contract tests). */
class QuestionnaireStorePostgresTest extends QuestionnaireStoreContract {

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
