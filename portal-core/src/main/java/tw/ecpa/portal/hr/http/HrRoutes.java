package tw.ecpa.portal.hr.http;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.Map;
import tw.ecpa.portal.hr.HrPasswordReset;
import tw.ecpa.portal.hr.HrResetOutcome;
import tw.ecpa.portal.http.PortalError;
import tw.ecpa.portal.http.PortalHttp;
import tw.ecpa.portal.session.http.SessionGuard.Access;
import tw.ecpa.portal.session.http.SessionGuard;

/**
 * 權限與兼辦管理 → 重設員工密碼 over HTTP, for whoever holds the right for the employee's organization
 * (its HR officers and HR heads, or a delegate) and for organization-certificate sessions.
 */
public final class HrRoutes {

  private final HrPasswordReset reset;
  private final SessionGuard guard;
  private final PortalHttp http;

  /** Creates the routes over the service. */
  public HrRoutes(HrPasswordReset reset, SessionGuard guard, PortalHttp http) {
    this.reset = reset;
    this.guard = guard;
    this.http = http;
  }

  /** Registers the routes on an app. */
  public void register(Javalin app) {
    app.post("/api/hr/password-resets", this::passwordReset);
  }

  void passwordReset(Context ctx) {
    // Who may reset whom is the domain's decision (the permission model): no role gate here.
    SessionGuard.Caller caller = guard.requireHr(ctx);
    PortalHttp.Body body = http.body(ctx);
    String idNumber = body.text("idNumber", 20);
    String email = body.text("email", 300);
    if (idNumber == null || idNumber.isBlank() || email == null || email.isBlank()) {
      throw PortalError.badRequest("請輸入員工的身分證字號及E-MAIL（必填）。");
    }
    HrResetOutcome outcome = caller.account() == null
        ? reset.resetByOrganization(caller.session().session().organizationCode(), idNumber, email, ctx.ip())
        : reset.reset(caller.account(), idNumber, email, ctx.ip());
    if (outcome instanceof HrResetOutcome.Sent sent) {
      ctx.status(202).json(Map.of("email", sent.maskedEmail(),
          "message", "已重設該員密碼，並將初始密碼寄至 " + sent.maskedEmail()
              + "。請提醒該員以身分證字號及信件中的密碼登入，登入後須立即變更密碼。"));
    } else if (outcome instanceof HrResetOutcome.NotPermitted) {
      throw new PortalError(403, "forbidden", "您沒有重設員工密碼的權限；請洽機關人事主管。");
    } else if (outcome instanceof HrResetOutcome.OutsideOrganization) {
      throw new PortalError(403, "other-organization", "您僅能重設所屬機關人員的密碼，此人員不屬於您的機關。");
    } else if (outcome instanceof HrResetOutcome.NotFound) {
      throw new PortalError(404, "person-not-found",
          "查無此身分證字號的人員資料，請確認身分證字號，或確認該員資料已報送至本總處公務人力資料庫。");
    } else if (outcome instanceof HrResetOutcome.InvalidEmail) {
      throw new PortalError(400, "invalid-email", "請輸入正確的E-MAIL，例如：name@mail.gov.tw。");
    } else {
      throw new PortalError(503, "mail-failed",
          "已重設密碼，但通知信暫時無法寄出，請稍後再重設一次；如持續發生，請洽客服專線 02-23979108。");
    }
  }
}
