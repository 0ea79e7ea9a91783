package tw.ecpa.assistant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.javalin.router.Endpoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The OpenAPI document served at {@code /api/openapi.json}: it is there, it names exactly the routes the
 * running server registered, and it is internally consistent.
 */
class OpenApiTest {

  private static final Set<String> HTTP_METHODS =
      Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

  @RegisterExtension
  static final RunningServer server = new RunningServer();
  static JsonNode doc;

  @BeforeAll
  static void fetchDocument() {
    TestServer.Response response = server.send("GET", "/api/openapi.json", null);
    assertEquals(200, response.status(), response.body());
    assertTrue(response.contentType().startsWith("application/json"), response.contentType());
    doc = response.json();
  }

  @Test
  void servedDocument_isOpenApi31WithInfo() {
    assertTrue(doc.path("openapi").asText().startsWith("3.1"), "openapi: " + doc.path("openapi"));
    assertEquals("eCPA 人事服務網智慧客服 API", doc.path("info").path("title").asText());
    assertFalse(doc.path("info").path("version").asText().isBlank());
    assertEquals("ECPA_SESSION", doc.at("/components/securitySchemes/sessionCookie/name").asText());
    assertEquals("cookie", doc.at("/components/securitySchemes/sessionCookie/in").asText());
  }

  @Test
  void documentedOperations_areExactlyTheRegisteredRoutes() throws Exception {
    Set<String> registered = new TreeSet<>();
    for (var parsed : server.server().app().unsafeConfig().pvt.internalRouter.allHttpHandlers()) {
      Endpoint endpoint = parsed.getEndpoint();
      // The pages (an .html address or a folder's) are served like the static files: no API.
      boolean page = endpoint.getPath().endsWith(".html") || endpoint.getPath().endsWith("/");
      if (endpoint.getMethod().isHttpMethod() && !page) {
        registered.add(endpoint.getMethod().name() + " " + endpoint.getPath());
      }
    }
    assertTrue(registered.size() > 10, "routes found: " + registered);
    assertEquals(registered, documented());
  }

  @Test
  void everyOperation_hasAResponseAndEveryRefResolves() {
    doc.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
      if (HTTP_METHODS.contains(op.getKey())) {
        JsonNode responses = op.getValue().path("responses");
        assertTrue(responses.isObject() && responses.size() > 0, "no responses: " + op.getKey() + " " + path.getKey());
        assertFalse(op.getValue().path("summary").asText().isBlank(), "no summary: " + op.getKey() + " " + path.getKey());
      }
    }));
    List<String> refs = new ArrayList<>();
    collectRefs(doc, refs);
    assertFalse(refs.isEmpty());
    for (String ref : refs) {
      assertTrue(ref.startsWith("#/"), "only local references: " + ref);
      assertFalse(doc.at(ref.substring(1)).isMissingNode(), "unresolved $ref " + ref);
    }
  }

  @Test
  void stateChangingLoggedInOperations_takeTheCsrfHeader() {
    doc.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
      if (!op.getKey().equals("post")) {
        return;
      }
      boolean needsSession = false;
      for (JsonNode requirement : op.getValue().path("security")) {
        needsSession |= requirement.has("sessionCookie");
      }
      if (needsSession) {
        boolean csrf = false;
        for (JsonNode parameter : op.getValue().path("parameters")) {
          JsonNode resolved = parameter.has("$ref") ? doc.at(parameter.get("$ref").asText().substring(1)) : parameter;
          csrf |= resolved.path("name").asText().equals("X-CSRF-Token") && resolved.path("in").asText().equals("header");
        }
        assertTrue(csrf, "no X-CSRF-Token parameter on POST " + path.getKey());
      }
    }));
  }

  private static Set<String> documented() {
    Set<String> out = new TreeSet<>();
    doc.path("paths").fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(method -> {
      if (HTTP_METHODS.contains(method)) {
        out.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey());
      }
    }));
    return out;
  }

  private static void collectRefs(JsonNode node, List<String> refs) {
    if (node.isObject()) {
      node.fields().forEachRemaining(e -> {
        if (e.getKey().equals("$ref") && e.getValue().isTextual()) {
          refs.add(e.getValue().asText());
        } else {
          collectRefs(e.getValue(), refs);
        }
      });
    } else if (node.isArray()) {
      node.forEach(child -> collectRefs(child, refs));
    }
  }
}
