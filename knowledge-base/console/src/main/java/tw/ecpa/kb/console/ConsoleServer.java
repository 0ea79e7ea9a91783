package tw.ecpa.kb.console;

import java.util.Map;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.http.codec.CodecsAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.web.reactive.HttpHandlerAutoConfiguration;
import org.springframework.boot.autoconfigure.web.reactive.ReactiveWebServerFactoryAutoConfiguration;
import org.springframework.boot.autoconfigure.web.reactive.WebFluxAutoConfiguration;
import org.springframework.boot.web.reactive.context.ReactiveWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The knowledge-staff console: a Spring Boot WebFlux application on its own port, started inside the
 * product. Auto-configuration is imported by name (no classpath scanning), so it behaves the same in
 * the shaded jar.
 */
public final class ConsoleServer implements AutoCloseable {

  private final ConfigurableApplicationContext context;

  private ConsoleServer(ConfigurableApplicationContext context) {
    this.context = context;
  }

  /** The Spring configuration: the routes over the two ports given at start. */
  @Configuration(proxyBeanMethods = false)
  @ImportAutoConfiguration({ReactiveWebServerFactoryAutoConfiguration.class, HttpHandlerAutoConfiguration.class,
      WebFluxAutoConfiguration.class, JacksonAutoConfiguration.class, CodecsAutoConfiguration.class})
  static class Config {

    @Bean
    RouterFunction<ServerResponse> consoleRoutes(EditorGate gate, KnowledgeDesk desk, ConsoleSettings settings) {
      return new ConsoleRoutes(gate, desk, settings.sessionCookie(), settings.portalUrl()).all();
    }
  }

  /** The console's own settings, as a bean. */
  record ConsoleSettings(String sessionCookie, String portalUrl) {}

  /**
   * Starts the console.
   *
   * @param host the address to bind
   * @param port the port (0 picks a free one)
   * @param sessionCookie the name of the portal's session cookie
   * @param portalUrl the portal's address, where editors log in (no trailing slash)
   */
  public static ConsoleServer start(String host, int port, String sessionCookie, String portalUrl, EditorGate gate,
      KnowledgeDesk desk) {
    SpringApplication app = new SpringApplication(Config.class);
    app.setWebApplicationType(WebApplicationType.REACTIVE);
    app.setBannerMode(Banner.Mode.OFF);
    app.setLogStartupInfo(false);
    app.setRegisterShutdownHook(false);
    app.setDefaultProperties(Map.of(
        "server.address", host,
        "server.port", Integer.toString(port),
        "spring.main.allow-bean-definition-overriding", "false",
        "spring.jmx.enabled", "false",
        "spring.web.resources.add-mappings", "false",
        // Graceful shutdown already waits for requests under way; Reactor Netty's own two quiet seconds on
        // top of that only held every stop (and every test server's close).
        "spring.reactor.netty.shutdown-quiet-period", "0s"));
    app.addInitializers(ctx -> {
      GenericApplicationContext generic = (GenericApplicationContext) ctx;
      generic.registerBean(EditorGate.class, () -> gate);
      generic.registerBean(KnowledgeDesk.class, () -> desk);
      generic.registerBean(ConsoleSettings.class, () -> new ConsoleSettings(sessionCookie, portalUrl));
    });
    return new ConsoleServer(app.run());
  }

  /** The port the console listens on. */
  public int port() {
    return ((ReactiveWebServerApplicationContext) context).getWebServer().getPort();
  }

  @Override
  public void close() {
    context.close();
  }
}
