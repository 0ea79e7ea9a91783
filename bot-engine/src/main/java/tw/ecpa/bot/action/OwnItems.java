package tw.ecpa.bot.action;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import tw.ecpa.bot.dialog.Actions;
import tw.ecpa.bot.dialog.Message;
import tw.ecpa.bot.dialog.Message.Choice;
import tw.ecpa.bot.dialog.Message.Type;
import tw.ecpa.kb.tree.Link;
import tw.ecpa.portal.account.Account;
import tw.ecpa.portal.account.Accounts;
import tw.ecpa.portal.questionnaire.QuestionnaireAnswers;
import tw.ecpa.portal.time.RocDate;
import tw.ecpa.portal.todo.Todo;
import tw.ecpa.portal.todo.TodoList;
import tw.ecpa.portal.todo.TodoWindow;

/**
 * The logged-in user's own items the bot reads out after an answer: pending questionnaires
 * ({@code me.questionnaires}: 「N份待填問卷」, which are started, until when) and to-dos
 * ({@code me.todos}: yesterday, today and tomorrow, as the home page shows them), with links to the
 * pages where they are done.
 */
public final class OwnItems implements Actions {

  static final String ME_QUESTIONNAIRES = "me.questionnaires";
  static final String ME_TODOS = "me.todos";

  private final Accounts accounts;
  private final QuestionnaireAnswers questionnaires;
  private final TodoList todos;
  private final Supplier<String> portalUrl;
  private final Clock clock;

  /**
   * Creates the actions.
   *
   * @param portalUrl the portal's address, for the links to its pages
   */
  public OwnItems(Accounts accounts, QuestionnaireAnswers questionnaires, TodoList todos, Supplier<String> portalUrl,
      Clock clock) {
    this.accounts = accounts;
    this.questionnaires = questionnaires;
    this.todos = todos;
    this.portalUrl = portalUrl;
    this.clock = clock;
  }

  @Override
  public Set<String> known() {
    return Set.of(ME_QUESTIONNAIRES, ME_TODOS);
  }

  @Override
  public List<Message> afterAnswer(String action, Context context) {
    Optional<Account> account = context.caller().accountId().flatMap(accounts::byId);
    if (account.isEmpty()) {
      return List.of(PortalActions.loginFirst(clock));
    }
    return List.of(switch (action) {
      case ME_QUESTIONNAIRES -> pendingQuestionnaires(account.get());
      case ME_TODOS -> todos(account.get());
      default -> throw new IllegalArgumentException("unknown action " + action);
    });
  }

  private Message pendingQuestionnaires(Account account) {
    List<QuestionnaireAnswers.Pending> pending = questionnaires.pending(account.idNumber());
    if (pending.isEmpty()) {
      return message("您目前沒有待填問卷。", List.of(), List.of());
    }
    StringBuilder text = new StringBuilder("您目前有" + pending.size() + "份待填問卷：");
    List<Link> links = new ArrayList<>();
    for (int i = 0; i < pending.size(); i++) {
      QuestionnaireAnswers.Pending item = pending.get(i);
      text.append("\n").append(i + 1).append(". ").append(item.questionnaire().title()).append("（填答截止：")
          .append(RocDate.written(item.questionnaire().closesAt().atZone(RocDate.TAIPEI).toLocalDateTime()))
          .append(item.started() ? "；已暫存，可繼續填答" : "").append("）");
      if (links.size() < 5) {
        links.add(new Link("填寫「" + item.questionnaire().title() + "」",
            portalUrl.get() + "/questionnaires/fill.html?id=" + item.questionnaire().id()));
      }
    }
    text.append("\n填寫到一半可按「下次再填」暫存，截止前都可以回來繼續。");
    return message(text.toString(), List.of(), links);
  }

  private Message todos(Account account) {
    TodoWindow window = todos.home(account.idNumber());
    LocalDate today = window.today();
    StringBuilder text = new StringBuilder();
    for (Map.Entry<LocalDate, String> day : List.of(Map.entry(today.minusDays(1), "昨天"), Map.entry(today, "今天"),
        Map.entry(today.plusDays(1), "明天"))) {
      List<Todo> items = window.items().stream().filter(t -> t.date().equals(day.getKey()) && !t.done()).toList();
      text.append(day.getValue()).append("（").append(RocDate.slashed(day.getKey())).append("）");
      text.append(items.isEmpty() ? "：沒有待辦事項" : "：" + String.join("、", items.stream().map(Todo::subject).toList()));
      text.append("\n");
    }
    text.append("完整的待辦事項與待辦行事曆請見首頁。");
    return message(text.toString(), List.of(), List.of(new Link("待辦事項", portalUrl.get() + "/home.html#todos")));
  }

  @Override
  public boolean handles(String optionId) {
    return false;
  }

  @Override
  public List<Message> click(String optionId, Context context) {
    throw new IllegalArgumentException("no option " + optionId);
  }

  @Override
  public Optional<List<Message>> submit(String formId, Map<String, String> fields, Context context) {
    return Optional.empty();
  }

  private Message message(String text, List<Choice> options, List<Link> links) {
    return new Message(Type.NOTICE, text, null, options, links, Message.stampedNow(clock));
  }
}
