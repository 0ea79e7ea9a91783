package tw.ecpa.assistant;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tw.ecpa.bot.chat.http.ChatRoutes;
import tw.ecpa.bot.chat.http.HttpErrors;
import tw.ecpa.bot.conversation.ConversationStore;
import tw.ecpa.bot.conversation.caffeine.CaffeineConversationStore;
import tw.ecpa.bot.dialog.Actions;
import tw.ecpa.bot.dialog.Dialog;
import tw.ecpa.bot.dialog.Knowledge;
import tw.ecpa.bot.dialog.QuestionLog;
import tw.ecpa.bot.feedback.jdbc.JdbcChatStats;
import tw.ecpa.bot.feedback.jdbc.JdbcFeedbackStore;
import tw.ecpa.bot.feedback.jdbc.JdbcUnansweredLog;
import tw.ecpa.bot.knowledge.KnowledgeService;
import tw.ecpa.bot.knowledge.console.ConsoleDesk;
import tw.ecpa.bot.knowledge.jdbc.JdbcKbVersionStore;
import tw.ecpa.bot.pages.Pages;
import tw.ecpa.bot.pages.http.PageRoutes;
import tw.ecpa.kb.console.ConsoleServer;
import tw.ecpa.kb.search.Indexer;
import tw.ecpa.kb.search.embedding.BgeSmallZh;
import tw.ecpa.kb.search.embedding.Semantics;
import tw.ecpa.kb.search.embedding.VectorCache;
import tw.ecpa.kb.tree.AnswerNode;
import tw.ecpa.kb.tree.KnowledgeBase;
import tw.ecpa.kb.tree.json.KnowledgeBaseLoader;
import tw.ecpa.portal.session.http.SessionGuard;

/**
 * The composition root: builds every service of the product with {@code new}, wires the HTTP routes
 * and returns a server that is ready to start.
 */
public final class Server implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Server.class);
  /** How often each node looks for knowledge versions published on another node. */
  static final java.time.Duration KNOWLEDGE_POLL = java.time.Duration.ofSeconds(10);
  /** The classpath folder of the pages, scripts and styles served at {@code /}. */
  static final String PAGES = "web";

  private final Settings settings;
  private final Javalin app;
  private final Supplier<Knowledge> knowledge;
  private final Optional<KnowledgeService> versions;
  private final Clock clock;
  private CompletableFuture<ConsoleServer> console;
  private final JdbcChatStats stats;
  private final JdbcFeedbackStore feedback;
  private final ConversationStore conversations;
  private final Portal portal;
  /** Everything the server opened, closed in the reverse order. */
  private final Closer opened;

  private Server(Settings settings, Clock clock, Javalin app, Supplier<Knowledge> knowledge,
      Optional<KnowledgeService> versions, ConversationStore conversations, Portal portal, JdbcChatStats stats,
      JdbcFeedbackStore feedback, Closer opened) {
    this.stats = stats;
    this.feedback = feedback;
    this.settings = settings;
    this.app = app;
    this.knowledge = knowledge;
    this.versions = versions;
    this.clock = clock;
    this.conversations = conversations;
    this.portal = portal;
    this.opened = opened;
  }

  /**
   * Builds the whole product for these settings; refuses a broken knowledge base, or a page with a wrong
   * include. A failure half-way closes what had been opened.
   */
  public static Server create(Settings settings, Clock clock) {
    Pages pages = Pages.fromClasspath(Server.class.getClassLoader(), PAGES);
    createDataDir(settings);
    // The portal's database opens (and migrates, and loads demo data) on another core while the
    // question index is built: start-up waits for the longer of the two.
    AtomicReference<Javalin> listening = new AtomicReference<>();
    Supplier<String> publicUrl = () -> portalUrl(settings, listening.get().port());
    Closer opened = new Closer();
    CompletableFuture<Portal> portalReady =
        CompletableFuture.supplyAsync(() -> Portal.open(settings, publicUrl, clock));
    // Closed once it has opened, whether or not start-up got as far as waiting for it.
    opened.onClose(() -> portalReady.thenAccept(Portal::close));
    Indexer indexer = settings.search().meaning()
        ? Indexer.withMeaning(Semantics.of(BgeSmallZh.shared(), VectorCache.in(settings.search().vectorCache())))
        : Indexer.lexical();
    return opened.orClose(() -> assemble(settings, clock, pages, listening, portalReady, indexer, opened));
  }

  private static Server assemble(Settings settings, Clock clock, Pages pages, AtomicReference<Javalin> listening,
      CompletableFuture<Portal> portalReady, Indexer indexer, Closer opened) {
    KnowledgeBase loaded = settings.knowledgeDir()
        .map(KnowledgeBaseLoader::fromDirectory)
        .orElseGet(KnowledgeBaseLoader::shipped)
        .orThrow();
    Knowledge first = new Knowledge(loaded, indexer.build(loaded));
    // The first index is closed by the knowledge versions once they hold it, else on its own.
    AtomicReference<KnowledgeService> holder = new AtomicReference<>();
    opened.onClose(() -> {
      if (holder.get() == null) {
        first.index().close();
      }
    });
    Portal portal;
    try {
      portal = portalReady.join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
    // A KB_DIR is answered from as it is; otherwise the knowledge lives in the database as numbered
    // versions (the shipped tree is version 1), swapped in when published here or on another node.
    Optional<KnowledgeService> versions = Optional.empty();
    Supplier<Knowledge> knowledge = () -> first;
    if (settings.knowledgeDir().isEmpty()) {
      KnowledgeService service = opened.register(KnowledgeService.open(
          new JdbcKbVersionStore(portal.database().dataSource()), first, clock, indexer).pollEvery(KNOWLEDGE_POLL));
      holder.set(service);
      versions = Optional.of(service);
      knowledge = service::current;
    }
    KnowledgeBase kb = knowledge.get().knowledgeBase();

    Settings.Chat chat = settings.chat();
    Actions actions = portal.actions(settings.captchaTestMode());
    requireKnownActions(kb, actions);
    versions.ifPresent(service -> service.requiring(candidate -> unknownActions(candidate, actions)));
    JdbcUnansweredLog unanswered = new JdbcUnansweredLog(portal.database().dataSource(), clock);
    JdbcChatStats stats = new JdbcChatStats(portal.database().dataSource(), clock);
    opened.onClose(stats::flush);
    ScheduledExecutorService flusher = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "chat-stats");
      thread.setDaemon(true);
      return thread;
    });
    opened.onClose(flusher::shutdownNow);
    Dialog dialog = new Dialog(knowledge, actions, QuestionLog.both(unanswered, stats), clock, chat.turnsPerMinute());
    ConversationStore conversations = new CaffeineConversationStore(
        chat.conversationIdle(), chat.maxConversations(), clock, dialog::ended);

    ObjectMapper json = JsonMapper.builder()
        .serializationInclusion(JsonInclude.Include.NON_NULL)
        .build();
    JdbcFeedbackStore feedback = new JdbcFeedbackStore(portal.database().dataSource());
    ChatRoutes chatRoutes = new ChatRoutes(dialog, conversations, feedback, json, chat.maxTextLength(), portal::sessionAccount,
        clock);

    Javalin app = Javalin.create(config -> {
      config.showJavalinBanner = false;
      config.http.maxRequestSize = 64 * 1024L;
      config.http.defaultContentType = "application/json; charset=utf-8";
      config.jsonMapper(new JavalinJackson(json, false));
      config.jetty.modifyServer(jetty -> jetty.setErrorHandler(HttpErrors.jettyErrorHandler()));
      // The pages are assembled from their includes and served by their routes; the static file
      // handler serves the rest of the folder (scripts, styles).
      config.staticFiles.add(files -> {
        files.hostedPath = "/";
        files.directory = "/" + PAGES;
        files.location = Location.CLASSPATH;
        files.headers = PageRoutes.HEADERS;
        files.skipFileFunction = PageRoutes::leftToPages;
        files.mimeTypes.add("text/javascript; charset=utf-8", "js");
        files.mimeTypes.add("text/css; charset=utf-8", "css");
      });
    });
    opened.onClose(app::stop);
    app.before("/api/*", ctx -> {
      ctx.header("Cache-Control", "no-store");
      ctx.header("X-Content-Type-Options", "nosniff");
    });
    app.get("/healthz", ctx -> ctx.json(Map.of("status", "ok")));
    byte[] openApi = openApiDocument();
    app.get("/api/openapi.json", ctx -> ctx.contentType("application/json; charset=utf-8").result(openApi));
    chatRoutes.register(app);
    new PageRoutes(pages).register(app);
    portal.register(app, json, settings);
    listening.set(app);
    HttpErrors.install(app);
    LOG.info("knowledge base loaded: {} nodes", kb.size());
    flusher.scheduleWithFixedDelay(stats::flush, 1, 1, TimeUnit.MINUTES);
    flusher.scheduleWithFixedDelay(unanswered::forgetOld, 1, 24 * 60, TimeUnit.MINUTES);
    return new Server(settings, clock, app, knowledge, versions, conversations, portal, stats, feedback, opened);
  }

  /** Refuses a knowledge base whose answers name actions the bot cannot carry out. */
  static void requireKnownActions(KnowledgeBase kb, Actions actions) {
    List<String> unknown = unknownActions(kb, actions);
    if (!unknown.isEmpty()) {
      throw new IllegalStateException("the knowledge base names actions the bot does not know: " + unknown
          + " (known: " + actions.known() + ")");
    }
  }

  /** The answers that name actions the bot does not know, as {@code node → action} problems. */
  static List<String> unknownActions(KnowledgeBase kb, Actions actions) {
    return kb.nodes().stream()
        .filter(AnswerNode.class::isInstance).map(AnswerNode.class::cast)
        .filter(a -> a.act().filter(action -> !actions.known().contains(action)).isPresent())
        .map(a -> a.id() + ": the bot has no action \"" + a.action() + "\"")
        .toList();
  }

  /**
   * Feature fragments of the OpenAPI description: each holds {@code paths} and {@code components}
   * ({@code schemas}, {@code parameters}) that are added to {@code openapi.json} at start-up.
   */
  static final List<String> OPENAPI_FRAGMENTS = List.of("openapi-apps.json", "openapi-questionnaires.json",
      "openapi-permissions.json");

  /** The OpenAPI description of every route, shipped beside the classes: the main file and its fragments. */
  private static byte[] openApiDocument() {
    ObjectMapper json = new ObjectMapper();
    try (var in = Server.class.getResourceAsStream("/openapi.json")) {
      if (in == null) {
        throw new IllegalStateException("openapi.json is missing from the classpath");
      }
      ObjectNode doc = (ObjectNode) json.readTree(in);
      for (String name : OPENAPI_FRAGMENTS) {
        try (var fragment = Server.class.getResourceAsStream("/" + name)) {
          if (fragment == null) {
            continue;
          }
          JsonNode part = json.readTree(fragment);
          ((ObjectNode) doc.get("paths")).setAll((ObjectNode) part.path("paths"));
          part.path("components").fields().forEachRemaining(section -> ((ObjectNode) doc.with("components")
              .with(section.getKey())).setAll((ObjectNode) section.getValue()));
          part.path("tags").forEach(tag -> doc.withArray("tags").add(tag));
        }
      }
      return json.writeValueAsBytes(doc);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void createDataDir(Settings settings) {
    try {
      Files.createDirectories(settings.dataDir());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the data folder " + settings.dataDir(), e);
    }
  }

  /** The portal's address as users reach it: {@code PUBLIC_URL}, or the address the server listens on. */
  private static String portalUrl(Settings settings, int port) {
    return settings.publicUrl().orElseGet(() -> "http://"
        + (settings.host().equals("0.0.0.0") ? "localhost" : settings.host()) + ":" + port);
  }

  /** Starts listening on the configured address and port. */
  public Server start() {
    app.get("/kb-console", this::toConsole);
    app.start(settings.host(), settings.port());
    portal.startCardServices();
    LOG.info("eCPA assistant listening on http://{}:{}/ (data in {})", settings.host(), port(), settings.dataDir());
    // The knowledge-staff console works on the database's versions (with a fixed KB_DIR there are
    // none). Spring starts on another thread: the chat and the portal answer meanwhile.
    opened.onClose(this::closeConsole);
    versions.ifPresent(service -> console = CompletableFuture.supplyAsync(() -> {
      ConsoleServer started = ConsoleServer.start(settings.host(), settings.adminPort(), SessionGuard.COOKIE,
          portalUrl(settings, port()),
          portal.editorGate(), new ConsoleDesk(service, new JdbcKbVersionStore(portal.database().dataSource()),
          new JdbcUnansweredLog(portal.database().dataSource(), clock), stats, feedback, clock));
      LOG.info("knowledge-staff console on http://{}:{}/", settings.host(), started.port());
      return started;
    }).whenComplete((started, failure) -> {
      if (failure != null) {
        LOG.error("the knowledge-staff console could not start on {}:{} (ADMIN_PORT); the chat and the portal"
            + " keep running", settings.host(), settings.adminPort(), failure);
      }
    }));
    return this;
  }

  /** The portal's link to the knowledge-staff console: the same host name on the console's port. */
  private void toConsole(io.javalin.http.Context ctx) {
    ConsoleServer started = console == null ? null : console.getNow(null);
    if (started == null) {
      throw new tw.ecpa.portal.http.PortalError(503, "console-unavailable",
          "知識庫管理目前未啟動，請稍後再試或洽系統管理員。");
    }
    ctx.redirect(ctx.scheme() + "://" + ctx.req().getServerName() + ":" + started.port() + "/",
        io.javalin.http.HttpStatus.FOUND);
  }

  /** The console's port, when it runs (waits for it to have started). */
  public Optional<Integer> consolePort() {
    return Optional.ofNullable(console).map(c -> c.join().port());
  }

  /** The port the server listens on (the real one when the settings asked for 0). */
  public int port() {
    return app.port();
  }

  /** The HTTP app, for tests that check its routes. */
  Javalin app() {
    return app;
  }

  /** The conversation store, for monitoring and benchmarks. */
  public ConversationStore conversations() {
    return conversations;
  }

  /** The knowledge version the bot answers from now. */
  public Knowledge knowledge() {
    return knowledge.get();
  }

  /** The knowledge versions, unless the server answers from a fixed {@code KB_DIR}. */
  public Optional<KnowledgeService> versions() {
    return versions;
  }

  /** The portal's services. */
  public Portal portal() {
    return portal;
  }

  @Override
  public void close() {
    opened.close();
  }

  private void closeConsole() {
    if (console != null) {
      try {
        console.join().close();
      } catch (CompletionException e) {
        LOG.warn("the knowledge-staff console had not started", e.getCause());
      }
    }
  }
}
