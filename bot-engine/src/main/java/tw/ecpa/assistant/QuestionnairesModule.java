package tw.ecpa.assistant;

import io.javalin.Javalin;
import java.time.Clock;
import tw.ecpa.portal.http.PortalHttp;
import tw.ecpa.portal.questionnaire.EmailCorrection;
import tw.ecpa.portal.questionnaire.Questionnaires;
import tw.ecpa.portal.questionnaire.demo.QuestionnaireDemoData;
import tw.ecpa.portal.questionnaire.http.QuestionnaireRoutes;
import tw.ecpa.portal.questionnaire.jdbc.JdbcQuestionnaires;
import tw.ecpa.portal.session.http.SessionGuard;
import tw.ecpa.portal.todo.TodoList;
import tw.ecpa.portal.todo.http.TodoRoutes;

/**
 * The composition of 問卷管理 and 待辦事項: builds their stores and services over the portal's database,
 * loads their demo data when asked, and registers their routes.
 */
final class QuestionnairesModule {

  private QuestionnairesModule() {}

  /** Builds the services and registers the routes of questionnaires, to-dos and 校正員工Email. */
  static void register(Javalin app, Portal portal, SessionGuard guard, PortalHttp http, Settings settings,
      Clock clock) {
    JdbcQuestionnaires store = new JdbcQuestionnaires(portal.database());
    TodoList todos = portal.todos();
    Questionnaires questionnaires = portal.questionnaires();
    if (settings.demoData()) {
      QuestionnaireDemoData.load(portal.accounts(), store, todos, clock);
    }
    new QuestionnaireRoutes(questionnaires, portal.questionnaireAnswers(), new EmailCorrection(questionnaires, portal.people(), portal.audit(), clock),
        guard, http).register(app);
    new TodoRoutes(todos, guard, http).register(app);
  }
}
