package tw.ecpa.bot.server;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import tw.ecpa.portal.store.jdbc.Database;

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
 */
public record Settings(
    String host, int port, int adminPort, Path dataDir, Optional<Path> knowledgeDir, Chat chat,
    Database.Location database, boolean demoData) {

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
        bool(env, "DEMO_DATA", embedded));
  }

  /** Settings for tests: loopback, free ports, an embedded database with demo data in the given folder. */
  public static Settings forTests(Path dataDir) {
    return new Settings("127.0.0.1", 0, 0, dataDir, Optional.empty(), Chat.DEFAULTS,
        Database.Location.embedded(dataDir), true);
  }

  /** A copy with other chat limits. */
  public Settings withChat(Chat chat) {
    return new Settings(host, port, adminPort, dataDir, knowledgeDir, chat, database, demoData);
  }

  /** A copy that answers from another knowledge-base folder. */
  public Settings withKnowledgeDir(Path folder) {
    return new Settings(host, port, adminPort, dataDir, Optional.of(folder), chat, database, demoData);
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
