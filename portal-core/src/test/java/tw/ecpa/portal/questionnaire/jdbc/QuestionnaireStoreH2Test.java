package tw.ecpa.portal.questionnaire.jdbc;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import tw.ecpa.portal.jdbc.Database;

/** The questionnaire and to-do store contract on embedded H2 (the default database). */
class QuestionnaireStoreH2Test extends QuestionnaireStoreContract {

  static Database database;

  @BeforeAll
  static void open() {
    database = Database.open(Database.Location.inMemory("questionnaire-store"), 8);
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
