package tw.ecpa.portal.questionnaire.http;

import tw.ecpa.portal.http.PortalHttp;
import tw.ecpa.portal.session.http.SessionGuard;

/**
 * What every questionnaire route class uses, carried as one value.
 *
 * @param guard the session guard that checks the caller's access and roles
 * @param http reads JSON bodies
 * @param json writes questionnaires, questions and groups as the pages read them
 */
record RouteTools(SessionGuard guard, PortalHttp http, QuestionnaireJson json) {}
