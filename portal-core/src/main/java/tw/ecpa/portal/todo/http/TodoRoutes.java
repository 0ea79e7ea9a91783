package tw.ecpa.portal.todo.http;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import tw.ecpa.portal.http.PortalError;
import tw.ecpa.portal.http.PortalHttp;
import tw.ecpa.portal.session.http.SessionGuard.Access;
import tw.ecpa.portal.session.http.SessionGuard;
import tw.ecpa.portal.time.RocDate;
import tw.ecpa.portal.todo.Todo;
import tw.ecpa.portal.todo.TodoList;
import tw.ecpa.portal.todo.TodoOutcome;
import tw.ecpa.portal.todo.TodoWindow;

/**
 * 待辦事項 over HTTP: {@code GET /api/portal/todos?from=YYYY-MM-DD&days=3} (the caller's items in a
 * window; without {@code from}, yesterday, today and tomorrow), adding and completing one's own items.
 */
public final class TodoRoutes {

  private final TodoList todos;
  private final SessionGuard guard;
  private final PortalHttp http;

  /** Creates the routes over the service. */
  public TodoRoutes(TodoList todos, SessionGuard guard, PortalHttp http) {
    this.todos = todos;
    this.guard = guard;
    this.http = http;
  }

  /** Registers the routes on an app. */
  public void register(Javalin app) {
    app.get("/api/portal/todos", this::window);
    app.post("/api/portal/todos", this::add);
    app.post("/api/portal/todos/{id}/complete", this::complete);
  }

  void window(Context ctx) {
    SessionGuard.Caller caller = guard.require(ctx, Access.READ);
    String fromText = ctx.queryParam("from");
    String daysText = ctx.queryParam("days");
    LocalDate from = fromText == null ? todos.today().minusDays(1) : date(fromText);
    int days = TodoList.HOME_DAYS;
    if (daysText != null) {
      try {
        days = Integer.parseInt(daysText);
      } catch (NumberFormatException e) {
        days = -1;
      }
      if (days < 1 || days > TodoList.MAX_DAYS) {
        throw PortalError.badRequest("days 請輸入 1 至 " + TodoList.MAX_DAYS + " 之間的整數。");
      }
    }
    TodoWindow w = todos.window(caller.account().idNumber(), from, days);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("from", w.from().toString());
    out.put("to", w.to().toString());
    out.put("today", w.today().toString());
    out.put("previousFrom", w.previousFrom().toString());
    out.put("nextFrom", w.nextFrom().toString());
    out.put("items", w.items().stream().map(TodoRoutes::item).toList());
    ctx.json(out);
  }

  void add(Context ctx) {
    SessionGuard.Caller caller = guard.require(ctx, Access.CHANGE);
    PortalHttp.Body body = http.body(ctx);
    String dateText = body.text("date", 10);
    LocalDate date = dateText == null ? null : date(dateText);
    TodoOutcome outcome = todos.add(caller.account().idNumber(), date, body.text("subject", 200),
        body.text("content", 2000));
    if (outcome instanceof TodoOutcome.Invalid invalid) {
      throw PortalError.badRequest(invalid.message());
    }
    ctx.status(201).json(item((Todo) ((TodoOutcome.Done) outcome).value()));
  }

  void complete(Context ctx) {
    SessionGuard.Caller caller = guard.require(ctx, Access.CHANGE);
    long id;
    try {
      id = Long.parseLong(ctx.pathParam("id"));
    } catch (NumberFormatException e) {
      id = -1;
    }
    if (todos.complete(caller.account().idNumber(), id) instanceof TodoOutcome.NotFound) {
      throw new PortalError(404, "todo-not-found", "查無此待辦事項。");
    }
    ctx.status(204);
  }

  private static LocalDate date(String text) {
    try {
      LocalDate date = LocalDate.parse(text);
      if (date.getYear() < 1912 || date.getYear() > 2910) {
        throw new DateTimeException("out of range");
      }
      return date;
    } catch (DateTimeException e) {
      throw PortalError.badRequest("日期格式有誤，請輸入如 2026-11-24 的日期。");
    }
  }

  private static Map<String, Object> item(Todo t) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", t.id());
    out.put("date", t.date().toString());
    out.put("rocDate", RocDate.slashed(t.date()));
    out.put("subject", t.subject());
    out.put("content", t.content());
    out.put("link", t.link());
    out.put("done", t.done());
    return out;
  }
}
