package tw.ecpa.assistant;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tw.ecpa.bot.action.EnvironmentCheck;
import tw.ecpa.bot.action.OwnItems;
import tw.ecpa.bot.action.PortalActions;
import tw.ecpa.bot.dialog.Actions;
import tw.ecpa.kb.diagnosis.Diagnosis;
import tw.ecpa.portal.account.PasswordChange;
import tw.ecpa.portal.account.ProfileSetup;
import tw.ecpa.portal.account.http.AccountRoutes;
import tw.ecpa.portal.account.jdbc.JdbcAccounts;
import tw.ecpa.portal.auth.jdbc.JdbcUnknownLogins;
import tw.ecpa.portal.audit.http.AuditRoutes;
import tw.ecpa.portal.audit.jdbc.JdbcAuditLog;
import tw.ecpa.portal.auth.PasswordLogin;
import tw.ecpa.portal.auth.http.AuthRoutes;
import tw.ecpa.portal.auth.http.LoginSessions;
import tw.ecpa.portal.captcha.Captchas;
import tw.ecpa.portal.captcha.http.CaptchaRoutes;
import tw.ecpa.portal.captcha.jdbc.JdbcCaptchaStore;
import tw.ecpa.portal.certificate.Challenges;
import tw.ecpa.portal.certificate.http.CertificateRoutes;
import tw.ecpa.portal.certificate.jdbc.JdbcChallengeStore;
import tw.ecpa.portal.certificate.sim.http.HicosSimulatorRoutes;
import tw.ecpa.portal.demo.DemoData;
import tw.ecpa.portal.hr.HrPasswordReset;
import tw.ecpa.portal.hr.http.HrRoutes;
import tw.ecpa.portal.http.PortalError;
import tw.ecpa.portal.http.PortalHttp;
import tw.ecpa.portal.http.SameOrigin;
import tw.ecpa.portal.jdbc.Database;
import tw.ecpa.portal.mail.MailTemplates;
import tw.ecpa.portal.mail.Mailer;
import tw.ecpa.portal.mail.dev.DevMailbox;
import tw.ecpa.portal.mail.http.DevMailRoutes;
import tw.ecpa.portal.mail.smtp.SmtpMailer;
import tw.ecpa.portal.mobileid.http.MobileIdRoutes;
import tw.ecpa.portal.mobileid.sim.http.MobileIdSimulatorRoutes;
import tw.ecpa.portal.nhi.http.NhiRoutes;
import tw.ecpa.portal.nhi.sim.http.NhiSimulatorRoutes;
import tw.ecpa.portal.password.PasswordHasher;
import tw.ecpa.portal.password.PasswordPolicy;
import tw.ecpa.portal.people.jdbc.JdbcPeople;
import tw.ecpa.portal.permission.Permissions;
import tw.ecpa.portal.permission.SystemCatalogue;
import tw.ecpa.portal.permission.jdbc.JdbcPermissionStore;
import tw.ecpa.portal.questionnaire.QuestionnaireAnswers;
import tw.ecpa.portal.questionnaire.Questionnaires;
import tw.ecpa.portal.questionnaire.jdbc.JdbcQuestionnaires;
import tw.ecpa.portal.ratelimit.RateLimiter;
import tw.ecpa.portal.recovery.PasswordRecovery;
import tw.ecpa.portal.recovery.RecoveryRequests;
import tw.ecpa.portal.recovery.http.RecoveryRoutes;
import tw.ecpa.portal.recovery.jdbc.JdbcResetCodeStore;
import tw.ecpa.portal.session.Sessions;
import tw.ecpa.portal.session.http.SessionGuard;
import tw.ecpa.portal.session.jdbc.JdbcSessionStore;
import tw.ecpa.portal.todo.TodoList;
import tw.ecpa.portal.todo.jdbc.JdbcTodos;

/**
 * The portal's services, built over one database and one mail route: part of the composition root.
 * Also owns the portal's threads: the one that looks people up and mails after a recovery request
 * has been answered, and the one that sweeps idle sessions and expired codes and captchas.
 */
public final class Portal implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Portal.class);
  /** How often idle sessions, expired codes and captchas are removed. */
  static final Duration SWEEP_EVERY = Duration.ofMinutes(1);

  private final Database database;
  private final JdbcPeople people;
  private final JdbcAccounts accounts;
  private final JdbcAuditLog audit;
  private final Sessions sessions;
  private final PasswordPolicy policy;
  private final PasswordLogin passwordLogin;
  private final PasswordChange passwordChange;
  private final ProfileSetup profileSetup;
  private final PasswordRecovery recovery;
  private final HrPasswordReset hrReset;
  private final Captchas captchas;
  private final RecoveryRequests recoveryRequests;
  private final Optional<DevMailbox> mailbox;
  private final ThreadPoolExecutor background;
  private final ScheduledExecutorService housekeeping;
  private final Clock clock;
  private final Challenges challenges;
  private final CompletableFuture<CardServices> cards = new CompletableFuture<>();
  private final Supplier<CardServices> cardsBuilder;
  private final TodoList todos;
  private final Permissions permissions;
  private final Questionnaires questionnaires;
  private final QuestionnaireAnswers answers;
  private final Supplier<String> publicUrl;

  private Portal(Database database, Settings settings, Optional<DevMailbox> mailbox, Supplier<String> publicUrl,
      Clock clock) {
    this.database = database;
    this.mailbox = mailbox;
    this.clock = clock;
    people = new JdbcPeople(database);
    accounts = new JdbcAccounts(database);
    audit = new JdbcAuditLog(database);
    PasswordHasher hasher = PasswordHasher.OWASP;
    policy = PasswordPolicy.standard(hasher);
    if (settings.demoData()) {
      DemoData.load(people, accounts, hasher, clock);
      LOG.info("demo organizations and accounts loaded (see docs/demo.md)");
    }
    sessions = new Sessions(new JdbcSessionStore(database), clock);
    Mailer mailer = new SmtpMailer(settings.mail().smtp()
        .orElseGet(() -> mailbox.orElseThrow().smtpSettings(MailTemplates.SENDER)), clock);
    MailTemplates mails = new MailTemplates(publicUrl);
    passwordLogin = new PasswordLogin(accounts, people, new JdbcUnknownLogins(database), hasher, policy, audit, clock);
    passwordChange = new PasswordChange(accounts, people, hasher, policy, audit, clock);
    profileSetup = new ProfileSetup(accounts, people, policy, audit, clock);
    recovery = new PasswordRecovery(accounts, people, new JdbcResetCodeStore(database), policy, hasher, sessions,
        mailer, mails, audit, clock);
    permissions = new Permissions(new JdbcPermissionStore(database), SystemCatalogue.builtIn(), accounts, people,
        audit, clock);
    // Who may reset an organization's passwords comes from 權限與兼辦管理: its HR roles, and delegates.
    hrReset = new HrPasswordReset(accounts, people, hasher, sessions, mailer, mails, audit, clock, permissions);
    captchas = new Captchas(new JdbcCaptchaStore(database), clock);
    challenges = new Challenges(new JdbcChallengeStore(database), clock);
    todos = new TodoList(new JdbcTodos(database), clock);
    JdbcQuestionnaires questionnaireStore = new JdbcQuestionnaires(database);
    questionnaires = new Questionnaires(questionnaireStore, people, todos, clock);
    answers = new QuestionnaireAnswers(questionnaireStore, clock);
    this.publicUrl = publicUrl;
    cardsBuilder = () -> CardServices.of(settings.cards(), database, challenges, accounts, people, policy, audit,
        clock);
    // Two threads look people up and send mail after recovery requests are answered; a flood waits in
    // a bounded queue and beyond it is refused (503), never holding request threads.
    background = new ThreadPoolExecutor(2, 2, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(1000),
        daemon("portal-mail"));
    // One front door for the pages and the chat, so the limits count both.
    recoveryRequests = new RecoveryRequests(recovery, captchas, background,
        new RateLimiter(20, Duration.ofHours(1), clock), new RateLimiter(5, Duration.ofHours(1), clock));
    housekeeping = Executors.newSingleThreadScheduledExecutor(daemon("portal-sweep"));
    housekeeping.scheduleWithFixedDelay(this::sweep, SWEEP_EVERY.toSeconds(), SWEEP_EVERY.toSeconds(), TimeUnit.SECONDS);
  }

  /**
   * Opens and migrates the database, starts the embedded mailbox when no SMTP server is configured,
   * loads the demo data when asked, and builds the services.
   *
   * @param publicUrl the portal's address for links in mails, known once the server listens
   */
  static Portal open(Settings settings, Supplier<String> publicUrl, Clock clock) {
    Database database = Database.open(settings.database(), 10);
    Optional<DevMailbox> mailbox = Optional.empty();
    try {
      if (settings.mail().embedded()) {
        mailbox = Optional.of(DevMailbox.start("127.0.0.1", clock));
        LOG.info("no SMTP_HOST: mail goes to the embedded mailbox on port {}, shown at /dev/mail", mailbox.get().port());
      }
      return new Portal(database, settings, mailbox, publicUrl, clock);
    } catch (RuntimeException e) {
      mailbox.ifPresent(DevMailbox::close);
      database.close();
      throw e;
    }
  }

  /** Registers every portal route on the app. */
  void register(Javalin app, ObjectMapper json, Settings settings) {
    PortalHttp http = new PortalHttp(json);
    PortalHttp.install(app);
    SameOrigin.install(app, settings.publicUrl());
    SessionGuard guard = new SessionGuard(sessions, accounts, policy, clock);
    // Every login method starts its sessions here and counts its failures against one limit per address.
    LoginSessions logins = new LoginSessions(sessions, people, new RateLimiter(50, Duration.ofMinutes(15), clock));
    new AuthRoutes(passwordLogin, sessions, guard, people, logins, http,
        settings.cards().methods(), settings.cards().component()).register(app);
    new AccountRoutes(passwordChange, profileSetup, sessions, guard, people, policy, http, clock).register(app);
    new CaptchaRoutes(captchas, settings.captchaTestMode(), new RateLimiter(60, Duration.ofMinutes(1), clock))
        .register(app);
    new RecoveryRoutes(recovery, recoveryRequests, new RateLimiter(20, Duration.ofMinutes(15), clock), http)
        .register(app);
    new HrRoutes(hrReset, guard, http).register(app);
    new CertificateRoutes(challenges, () -> offered(cards().citizen()), () -> offered(cards().organization()),
        logins, guard, http).register(app);
    new NhiRoutes(() -> offered(cards().nhi()), logins, http).register(app);
    new MobileIdRoutes(() -> offered(cards().mobile()), logins, new RateLimiter(30, Duration.ofMinutes(15), clock),
        http).register(app);
    if (settings.cards().simulated()) {
      // The simulated devices and services, for the demo login page.
      new HicosSimulatorRoutes(() -> cards().hicos().orElseThrow(), http).register(app);
      new NhiSimulatorRoutes().register(app);
      new MobileIdSimulatorRoutes(() -> cards().phones().orElseThrow(), http).register(app);
    }
    new AuditRoutes(audit, guard).register(app);
    AppsModule.register(app, database, accounts, guard, settings, clock);
    PermissionsModule.register(app, http, guard, settings, database, permissions, people, accounts, hrReset, clock);
    QuestionnairesModule.register(app, this, guard, http, settings, clock);
    mailbox.ifPresent(box -> new DevMailRoutes(box).register(app));
  }

  /**
   * Builds the card and phone services as configured on another thread; the server calls it once it
   * listens, because the simulators' demo keys take a second or two of both cores to make. A card
   * login arriving before waits for them.
   */
  void startCardServices() {
    CompletableFuture.supplyAsync(cardsBuilder).whenComplete((built, failure) -> {
      if (failure != null) {
        LOG.error("the card and phone logins could not start", failure);
        cards.completeExceptionally(failure);
      } else {
        cards.complete(built);
      }
    });
  }

  /** The card and phone services, waiting for them at start-up; 503 if they could not start. */
  private CardServices cards() {
    try {
      return cards.join();
    } catch (java.util.concurrent.CompletionException e) {
      throw new PortalError(503, "login-method-unavailable", "此登入方式目前無法使用，請稍後再試或使用其他方式登入。");
    }
  }

  /** A login method's service, or 503 when this server does not offer the method. */
  private static <T> T offered(Optional<T> login) {
    return login.orElseThrow(() -> new PortalError(503, "login-method-unavailable",
        "此登入方式目前未開放，請使用其他方式登入。"));
  }

  /** Removes idle sessions, expired codes and expired captchas. */
  void sweep() {
    try {
      int removed = sessions.sweep() + recovery.sweep() + captchas.removeExpired() + challenges.removeExpired()
          + (cards.isDone() && !cards.isCompletedExceptionally() ? cards.join().citizen().map(c -> c.removeExpiredTickets()).orElse(0)
              + cards.join().mobile().map(m -> m.removeExpired()).orElse(0) : 0);
      LOG.debug("swept {} idle sessions, expired codes and captchas", removed);
    } catch (RuntimeException e) {
      LOG.warn("portal sweep failed; it runs again in {}", SWEEP_EVERY, e);
    }
  }

  /** The bot's actions over this portal, and the environment check. */
  Actions actions(boolean revealCaptcha) {
    return Actions.of(new PortalActions(recoveryRequests, recovery, captchas, revealCaptcha, accounts, policy, clock),
        new EnvironmentCheck(Diagnosis.shipped(), clock),
        new OwnItems(accounts, answers, todos, publicUrl, clock));
  }

  /** The knowledge console's gate: portal sessions of knowledge editors. */
  PortalEditorGate editorGate() {
    return new PortalEditorGate(sessions, accounts, policy, clock);
  }

  /** The account of a live session's token (reading does not restart its idle clock). */
  Optional<Long> sessionAccount(String token) {
    return sessions.find(token).map(live -> live.session().accountId());
  }

  /** The questionnaires (問卷管理). */
  Questionnaires questionnaires() {
    return questionnaires;
  }

  /** The respondents' side of the questionnaires (待填問卷). */
  QuestionnaireAnswers questionnaireAnswers() {
    return answers;
  }

  /** The to-do lists (待辦事項). */
  TodoList todos() {
    return todos;
  }

  /** The product's database (the portal's tables and the bot's). */
  public Database database() {
    return database;
  }

  /** Organizations and people. */
  public JdbcPeople people() {
    return people;
  }

  /** Accounts and password history. */
  public JdbcAccounts accounts() {
    return accounts;
  }

  /** The security audit log. */
  public JdbcAuditLog audit() {
    return audit;
  }

  /** The portal's sessions. */
  public Sessions sessions() {
    return sessions;
  }

  /** The embedded development mailbox, when mail is not sent to a real server. */
  public Optional<DevMailbox> mailbox() {
    return mailbox;
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return runnable -> {
      Thread thread = new Thread(runnable, name);
      thread.setDaemon(true);
      return thread;
    };
  }

  @Override
  public void close() {
    housekeeping.shutdownNow();
    background.shutdown();
    try {
      // Mails already accepted get a moment to leave.
      background.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    background.shutdownNow();
    mailbox.ifPresent(DevMailbox::close);
    database.close();
  }
}
