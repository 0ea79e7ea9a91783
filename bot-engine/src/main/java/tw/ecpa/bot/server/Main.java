package tw.ecpa.bot.server;

import java.time.Clock;

/** Starts the eCPA assistant with settings from the environment. */
public final class Main {

  private Main() {}

  /** Entry point of the runnable jar. */
  public static void main(String[] args) {
    long started = System.nanoTime();
    Server server = Server.create(Settings.fromEnvironment(System.getenv()), Clock.systemUTC()).start();
    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "shutdown"));
    org.slf4j.LoggerFactory.getLogger(Main.class)
        .info("ready in {} ms", (System.nanoTime() - started) / 1_000_000);
  }
}
