package tw.ecpa.portal.questionnaire.http;

import io.javalin.Javalin;
import tw.ecpa.portal.http.PortalHttp;
import tw.ecpa.portal.questionnaire.EmailCorrection;
import tw.ecpa.portal.questionnaire.QuestionnaireAnswers;
import tw.ecpa.portal.questionnaire.Questionnaires;
import tw.ecpa.portal.session.http.SessionGuard;

/**
 * 問卷管理 over HTTP under {@code /api/portal/questionnaires}: HR staff write, order, publish and keep
 * templates and respondent groups ({@link AuthoringRoutes}), and read results and the CSV
 * ({@link ResultsRoutes}); respondents read their 待填問卷, save (下次再填) and submit
 * ({@link RespondentRoutes}); the headquarters role reads 人事總處問卷統計. Also 校正員工Email at
 * {@code PUT /api/hr/employees/{idNumber}/email} ({@link EmailCorrectionRoutes}). This class registers
 * them all, in one place.
 */
public final class QuestionnaireRoutes {

  private static final String BASE = "/api/portal/questionnaires";

  private final AuthoringRoutes authoring;
  private final RespondentRoutes respondents;
  private final ResultsRoutes results;
  private final EmailCorrectionRoutes emails;

  /** Creates the routes over the services. */
  public QuestionnaireRoutes(Questionnaires questionnaires, QuestionnaireAnswers answers, EmailCorrection emails,
      SessionGuard guard, PortalHttp http) {
    RouteTools tools = new RouteTools(guard, http, new QuestionnaireJson(questionnaires));
    this.authoring = new AuthoringRoutes(questionnaires, tools);
    this.respondents = new RespondentRoutes(answers, tools);
    this.results = new ResultsRoutes(questionnaires, tools);
    this.emails = new EmailCorrectionRoutes(emails, tools);
  }

  /** Registers the routes on an app (fixed paths before the ones with an id). */
  public void register(Javalin app) {
    app.get(BASE + "/pending", respondents::pending);
    app.get(BASE + "/statistics", results::statistics);
    app.get(BASE + "/groups", authoring::groups);
    app.post(BASE + "/groups", authoring::createGroup);
    app.get(BASE, authoring::list);
    app.post(BASE, authoring::create);
    app.get(BASE + "/{id}", authoring::show);
    app.put(BASE + "/{id}", authoring::edit);
    app.post(BASE + "/{id}/order", authoring::reorder);
    app.post(BASE + "/{id}/publish", authoring::publish);
    app.post(BASE + "/{id}/template", authoring::template);
    app.get(BASE + "/{id}/results", results::results);
    app.get(BASE + "/{id}/results.csv", results::csv);
    app.get(BASE + "/{id}/response", respondents::form);
    app.put(BASE + "/{id}/response", ctx -> respondents.answer(ctx, false));
    app.post(BASE + "/{id}/response/submit", ctx -> respondents.answer(ctx, true));
    app.put("/api/hr/employees/{idNumber}/email", emails::correctEmail);
  }
}
