package tw.ecpa.portal.mail.http;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tw.ecpa.portal.mail.dev.DevMailbox;
import tw.ecpa.portal.mail.dev.ReceivedMail;

/**
 * The default run's dev mailbox page data: {@code GET /dev/mail} answers the latest mails, newest
 * first, as {@code [{"to","subject","text","sentAt"}]} with {@code sentAt} in ISO-8601. Register it only
 * where the dev mailbox is in use: the mails carry reset codes and passwords.
 */
public final class DevMailRoutes {

  /** The most mails one answer holds. */
  public static final int MAX = 200;

  private final DevMailbox mailbox;

  /** Creates the routes over a running dev mailbox. */
  public DevMailRoutes(DevMailbox mailbox) {
    this.mailbox = mailbox;
  }

  /** Registers the routes on an app. */
  public void register(Javalin app) {
    app.get("/dev/mail", this::list);
  }

  void list(Context ctx) {
    List<Map<String, Object>> out = mailbox.recent(MAX).stream().map(DevMailRoutes::view).toList();
    // Codes and passwords: nothing along the way may keep a copy.
    ctx.header("Cache-Control", "no-store");
    ctx.json(out);
  }

  private static Map<String, Object> view(ReceivedMail mail) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("to", mail.to());
    out.put("subject", mail.subject());
    out.put("text", mail.text());
    out.put("sentAt", mail.sentAt().toString());
    return out;
  }
}
