package tw.ecpa.portal.questionnaire.http;

import io.javalin.http.Context;
import java.util.Map;
import tw.ecpa.portal.account.Role;
import tw.ecpa.portal.http.PortalError;
import tw.ecpa.portal.http.PortalHttp;
import tw.ecpa.portal.questionnaire.EmailCorrection;
import tw.ecpa.portal.questionnaire.Outcome;
import tw.ecpa.portal.session.http.SessionGuard;
import tw.ecpa.portal.session.http.SessionGuard.Access;

/** 校正員工Email: an HR officer or head corrects the e-mail of a person of their organization. */
final class EmailCorrectionRoutes {

  private final EmailCorrection emails;
  private final SessionGuard guard;
  private final PortalHttp http;

  EmailCorrectionRoutes(EmailCorrection emails, RouteTools tools) {
    this.emails = emails;
    this.guard = tools.guard();
    this.http = tools.http();
  }

  void correctEmail(Context ctx) {
    SessionGuard.Caller caller = guard.require(ctx, Access.CHANGE, Role.HR_OFFICER, Role.HR_HEAD);
    String email = http.body(ctx).text("email", 300);
    if (email == null || email.isBlank()) {
      throw PortalError.badRequest("請輸入員工正確的E-MAIL（必填）。");
    }
    Outcome<String> outcome = emails.correct(caller.account(), ctx.pathParam("idNumber"), email, ctx.ip());
    if (outcome instanceof Outcome.NotFound<String>) {
      throw new PortalError(404, "person-not-found",
          "查無此身分證字號的人員資料，請確認身分證字號，或確認該員資料已報送至本總處公務人力資料庫。");
    }
    if (outcome instanceof Outcome.Forbidden<String>) {
      throw new PortalError(403, "other-organization", "您僅能校正所屬機關人員的E-MAIL，此人員不屬於您的機關。");
    }
    String masked = Refusals.done(outcome);
    ctx.json(Map.of("email", masked, "message", "已將該員的E-MAIL校正為 " + masked + "。"));
  }
}
