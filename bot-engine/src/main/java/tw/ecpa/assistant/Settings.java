package tw.ecpa.assistant;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import tw.ecpa.portal.jdbc.Database;
import tw.ecpa.portal.mail.smtp.SmtpSettings;

/**
 * The server's configuration, read once at start-up from the environment and validated here; feature
 * code receives the parts it needs and never reads the environment itself.
 *
 * @param host the address the servers bind to ({@code HOST}, default 127.0.0.1)
 * @param port the chat, portal and widget port ({@code PORT}, default 7070; 0 picks a free one)
 * @param adminPort the knowledge-staff console port ({@code ADMIN_PORT}, default 7071)
 * @param dataDir where the server keeps its data ({@code DATA_DIR}, default {@code ./data})
 * @param knowledgeDir a knowledge-base folder to load instead of the shipped one ({@code KB_DIR})
 * @param chat the chat limits ({@code CHAT_TURNS_PER_MINUTE}, default 30, for load tests)
 * @param database the portal's database ({@code DB_URL}, {@code DB_USER}, {@code DB_PASSWORD}; default
 *     an H2 file in the data folder)
 * @param demoData whether to load the demo organizations and accounts ({@code DEMO_DATA}; default on
 *     for the embedded database, off for one given by {@code DB_URL})
 * @param mail how the portal sends mail: an SMTP server ({@code SMTP_HOST}, {@code SMTP_PORT},
 *     {@code SMTP_USER}, {@code SMTP_PASSWORD}, {@code SMTP_STARTTLS}, {@code MAIL_FROM}), or, when no
 *     {@code SMTP_HOST} is given, an embedded mailbox shown at {@code /dev/mail}
 * @param publicUrl the portal's address as users reach it, for links in mails ({@code PUBLIC_URL};
 *     default {@code http://HOST:PORT})
 * @param captchaTestMode whether {@code GET /api/captcha} also gives the answer, for automated tests
 *     ({@code CAPTCHA_MODE=test}); refused unless {@code HOST} is a loopback address
 * @param cards where the card and phone logins' services come from ({@code CARD_SERVICES} and the
 *     production adapters' settings)
 * @param search how free text is understood ({@code SEARCH_MEANING}, {@code VECTOR_CACHE_DIR})
 */
public record Settings(
    String host, int port, int adminPort, Path dataDir, Optional<Path> knowledgeDir, Chat chat,
    Database.Location database, boolean demoData, Mail mail, Optional<String> publicUrl,
    boolean captchaTestMode, Cards cards, Search search) {

  /**
   * How free-text questions are understood.
   *
   * @param meaning whether sentence embeddings join the lexical search ({@code SEARCH_MEANING}, default
   *     true; false answers from Lucene and the classifier alone, to compare the two side by side)
   * @param vectorCache where the phrasings' vectors are kept between starts ({@code VECTOR_CACHE_DIR},
   *     default {@code vectors} in the data folder)
   */
  public record Search(boolean meaning, Path vectorCache) {

    public Search {
      Objects.requireNonNull(vectorCache, "vectorCache");
    }
  }

  /**
   * Where the card and phone logins' services come from: the simulators of the default run
   * ({@code CARD_SERVICES=simulated}: a demo CA, its cards in a simulated HiCOS component, the NHI and
   * mobile-ID services with the demo people), or the production adapters ({@code production}): the
   * CAs' certificates from PEM bundles and their CRLs fetched over HTTP. A certificate login is offered
   * in production when both its bundle and its CRL address are set; the NHI card and the mobile ID
   * need their services' clients, which this build does not have, so production does not offer them.
   *
   * @param simulated whether the simulators are used
   * @param moicaCas the MOICA root and issuing CAs ({@code MOICA_CA_CERTS}, a PEM file)
   * @param moicaCrl where the MOICA CA publishes its CRL ({@code MOICA_CRL_URL})
   * @param gcaCas the GCA root and issuing CAs ({@code GCA_CA_CERTS})
   * @param gcaCrl where the GCA publishes its CRL ({@code GCA_CRL_URL})
   * @param component the HiCOS component's address the login page signs through ({@code HICOS_URL};
   *     default {@code http://localhost:61161} in production, the simulator's {@code /sim/hicos})
   */
  public record Cards(boolean simulated, Optional<Path> moicaCas, Optional<java.net.URI> moicaCrl,
      Optional<Path> gcaCas, Optional<java.net.URI> gcaCrl, String component) {

    /** The default run's simulators. */
    public static final Cards SIMULATED = new Cards(true, Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), "/sim/hicos");

    /** The login methods these services offer, besides {@code password}. */
    public java.util.Set<String> methods() {
      if (simulated) {
        return java.util.Set.of("password", "moica", "gca", "nhi", "mobile-id");
      }
      java.util.Set<String> methods = new java.util.LinkedHashSet<>(java.util.List.of("password"));
      if (moicaCas.isPresent()) {
        methods.add("moica");
      }
      if (gcaCas.isPresent()) {
        methods.add("gca");
      }
      return methods;
    }
  }

  /**
   * How mail leaves the portal.
   *
   * @param smtp the SMTP server, or empty for the embedded development mailbox
   */
  public record Mail(Optional<SmtpSettings> smtp) {

    /** The embedded development mailbox (the default run and the tests). */
    public static final Mail EMBEDDED = new Mail(Optional.empty());

    public Mail {
      Objects.requireNonNull(smtp, "smtp");
    }

    /** Whether mail goes to the embedded mailbox at {@code /dev/mail}. */
    public boolean embedded() {
      return smtp.isEmpty();
    }
  }

  /**
   * Limits of the chat API.
   *
   * @param conversationIdle how long a conversation lives without a turn
   * @param maxConversations the most conversations held in memory
   * @param turnsPerMinute the most turns one conversation may take in a minute
   * @param maxTextLength the longest question accepted, in characters
   */
  public record Chat(Duration conversationIdle, long maxConversations, int turnsPerMinute, int maxTextLength) {

    /** The defaults of the chat API contract. */
    public static final Chat DEFAULTS = new Chat(Duration.ofMinutes(30), 500_000, 30, 500);

    public Chat {
      require(!conversationIdle.isNegative() && !conversationIdle.isZero(), "conversation idle time must be positive");
      require(maxConversations > 0, "maxConversations must be positive");
      require(turnsPerMinute > 0, "turnsPerMinute must be positive");
      require(maxTextLength > 0, "maxTextLength must be positive");
    }
  }

  public Settings {
    Objects.requireNonNull(host, "host");
    require(!host.isBlank(), "HOST must not be empty");
    require(port >= 0 && port <= 65535, "PORT must be 0..65535, was " + port);
    require(adminPort >= 0 && adminPort <= 65535, "ADMIN_PORT must be 0..65535, was " + adminPort);
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(knowledgeDir, "knowledgeDir");
    Objects.requireNonNull(chat, "chat");
    Objects.requireNonNull(database, "database");
    Objects.requireNonNull(mail, "mail");
    Objects.requireNonNull(publicUrl, "publicUrl");
    require(!captchaTestMode || isLoopback(host),
        "CAPTCHA_MODE=test gives captcha answers away and is refused unless HOST is a loopback address, was " + host);
  }

  /** Whether an address is this machine's loopback. */
  static boolean isLoopback(String host) {
    return host.equals("localhost") || host.equals("::1") || host.equals("[::1]") || host.startsWith("127.");
  }

  /** Reads the settings from environment variables, with the embedded defaults. */
  public static Settings fromEnvironment(Map<String, String> env) {
    Path dataDir = Path.of(env.getOrDefault("DATA_DIR", "data")).toAbsolutePath().normalize();
    String url = env.get("DB_URL");
    boolean embedded = url == null || url.isBlank();
    Database.Location database = embedded
        ? Database.Location.embedded(dataDir)
        : new Database.Location(url, env.getOrDefault("DB_USER", "ecpa"), env.getOrDefault("DB_PASSWORD", ""));
    return new Settings(
        env.getOrDefault("HOST", "127.0.0.1"),
        integer(env, "PORT", 7070),
        integer(env, "ADMIN_PORT", 7071),
        dataDir,
        Optional.ofNullable(env.get("KB_DIR")).filter(s -> !s.isBlank()).map(Path::of),
        new Chat(Chat.DEFAULTS.conversationIdle(), Chat.DEFAULTS.maxConversations(),
            integer(env, "CHAT_TURNS_PER_MINUTE", Chat.DEFAULTS.turnsPerMinute()),
            Chat.DEFAULTS.maxTextLength()),
        database,
        bool(env, "DEMO_DATA", embedded),
        mail(env),
        Optional.ofNullable(env.get("PUBLIC_URL")).filter(u -> !u.isBlank()).map(Settings::withoutTrailingSlash),
        captchaMode(env),
        cards(env),
        new Search(bool(env, "SEARCH_MEANING", true), Optional.ofNullable(env.get("VECTOR_CACHE_DIR"))
            .filter(v -> !v.isBlank()).map(v -> Path.of(v.strip()).toAbsolutePath()).orElse(dataDir.resolve("vectors"))));
  }

  private static Cards cards(Map<String, String> env) {
    String mode = env.getOrDefault("CARD_SERVICES", "simulated").strip();
    if (mode.isEmpty() || mode.equals("simulated")) {
      return Cards.SIMULATED;
    }
    require(mode.equals("production"), "CARD_SERVICES must be simulated or production, was '" + mode + "'");
    Optional<Path> moica = path(env, "MOICA_CA_CERTS");
    Optional<Path> gca = path(env, "GCA_CA_CERTS");
    Optional<java.net.URI> moicaCrl = url(env, "MOICA_CRL_URL");
    Optional<java.net.URI> gcaCrl = url(env, "GCA_CRL_URL");
    // Without revocation a lost or revoked card would still log in: a bundle needs its CRL address.
    require(moica.isEmpty() || moicaCrl.isPresent(), "MOICA_CRL_URL is required with MOICA_CA_CERTS");
    require(gca.isEmpty() || gcaCrl.isPresent(), "GCA_CRL_URL is required with GCA_CA_CERTS");
    return new Cards(false, moica, moicaCrl, gca, gcaCrl,
        env.getOrDefault("HICOS_URL", "http://localhost:61161").strip());
  }

  private static Optional<Path> path(Map<String, String> env, String name) {
    Optional<Path> path = Optional.ofNullable(env.get(name)).filter(v -> !v.isBlank()).map(v -> Path.of(v.strip()));
    path.ifPresent(p -> require(java.nio.file.Files.isReadable(p), name + " names a file that cannot be read: " + p));
    return path;
  }

  private static Optional<java.net.URI> url(Map<String, String> env, String name) {
    Optional<String> value = Optional.ofNullable(env.get(name)).filter(v -> !v.isBlank()).map(String::strip);
    value.ifPresent(v -> require(v.startsWith("http://") || v.startsWith("https://"), name + " must be an http(s) URL"));
    return value.map(java.net.URI::create);
  }

  private static Mail mail(Map<String, String> env) {
    String host = env.get("SMTP_HOST");
    if (host == null || host.isBlank()) {
      return Mail.EMBEDDED;
    }
    String from = env.get("MAIL_FROM");
    // A real server sends as someone: no default sender, so that nobody mails as the seeds' address by accident.
    require(from != null && !from.isBlank(), "MAIL_FROM is required with SMTP_HOST, e.g. 'eCPA <no-reply@example.gov.tw>'");
    String user = env.get("SMTP_USER");
    boolean login = user != null && !user.isBlank();
    require(!login || env.get("SMTP_PASSWORD") != null, "SMTP_PASSWORD is required with SMTP_USER");
    return new Mail(Optional.of(new SmtpSettings(host.strip(), integer(env, "SMTP_PORT", 25), from,
        login ? user : null, login ? env.get("SMTP_PASSWORD") : null, bool(env, "SMTP_STARTTLS", true),
        Duration.ofSeconds(10))));
  }

  private static boolean captchaMode(Map<String, String> env) {
    String mode = env.getOrDefault("CAPTCHA_MODE", "image").strip();
    if (mode.isEmpty() || mode.equals("image")) {
      return false;
    }
    require(mode.equals("test"), "CAPTCHA_MODE must be image or test, was '" + mode + "'");
    return true;
  }

  private static String withoutTrailingSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  /**
   * Settings for tests: loopback, free ports, an embedded database with demo data in the given folder,
   * and the phrasings' vectors kept in the build folder that all test servers share.
   */
  public static Settings forTests(Path dataDir) {
    return new Settings("127.0.0.1", 0, 0, dataDir, Optional.empty(), Chat.DEFAULTS,
        Database.Location.embedded(dataDir), true, Mail.EMBEDDED, Optional.empty(), true, Cards.SIMULATED,
        new Search(true, Path.of("target", "vector-cache").toAbsolutePath()));
  }

  /** A copy with other chat limits. */
  public Settings withChat(Chat chat) {
    return new Settings(host, port, adminPort, dataDir, knowledgeDir, chat, database, demoData, mail, publicUrl,
        captchaTestMode, cards, search);
  }

  /** A copy that answers from another knowledge-base folder. */
  public Settings withKnowledgeDir(Path folder) {
    return new Settings(host, port, adminPort, dataDir, Optional.of(folder), chat, database, demoData, mail,
        publicUrl, captchaTestMode, cards, search);
  }

  /** A copy that understands free text another way. */
  public Settings withSearch(Search other) {
    return new Settings(host, port, adminPort, dataDir, knowledgeDir, chat, database, demoData, mail, publicUrl,
        captchaTestMode, cards, other);
  }

  /** A copy with other card and phone services. */
  public Settings withCards(Cards other) {
    return new Settings(host, port, adminPort, dataDir, knowledgeDir, chat, database, demoData, mail, publicUrl,
        captchaTestMode, other, search);
  }

  private static boolean bool(Map<String, String> env, String name, boolean fallback) {
    String value = env.get(name);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    if (value.equalsIgnoreCase("true") || value.equals("1")) {
      return true;
    }
    if (value.equalsIgnoreCase("false") || value.equals("0")) {
      return false;
    }
    throw new IllegalArgumentException(name + " must be true or false, was '" + value + "'");
  }

  private static int integer(Map<String, String> env, String name, int fallback) {
    String value = env.get(name);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a number, was '" + value + "'", e);
    }
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }
}
