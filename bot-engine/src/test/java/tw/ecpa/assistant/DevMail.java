package tw.ecpa.assistant;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;

/**
 * A test server's development mailbox ({@code GET /dev/mail}) read from the moment this view was opened: mails
 * that were there before (another test's, on a server the class shares) are never counted or returned, so a
 * test sees only the mails its own steps sent.
 */
public final class DevMail {

  private final TestServer server;
  private final Set<JsonNode> before;

  private DevMail(TestServer server) {
    this.server = server;
    this.before = new HashSet<>(all(server));
  }

  /** The mailbox from now on. */
  public static DevMail from(TestServer server) {
    return new DevMail(server);
  }

  /** The mails to an address that arrived since this view was opened, newest first. */
  public List<JsonNode> to(String address) {
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode mail : all(server)) {
      if (mail.get("to").asText().equals(address) && !before.contains(mail)) {
        out.add(mail);
      }
    }
    return out;
  }

  /**
   * Waits until {@code count} mails to an address have arrived since this view was opened, and returns the newest.
   */
  public JsonNode await(String address, int count) {
    return await(address, "", count);
  }

  /**
   * Waits until {@code count} mails to an address whose text holds {@code containing} have arrived since this view
   * was opened, and returns the newest of them.
   */
  public JsonNode await(String address, String containing, int count) {
    return Awaitility.await("mail number " + count + " to " + address + (containing.isEmpty() ? "" : " saying " + containing))
        .atMost(TestServer.PATIENCE).pollInterval(Duration.ofMillis(50))
        .until(() -> to(address).stream().filter(m -> m.get("text").asText().contains(containing)).toList(),
            mails -> mails.size() >= count)
        .get(0);
  }

  /** The first match of a pattern's group 1 in a mail's text. */
  public static String find(JsonNode mail, String regex) {
    Matcher m = Pattern.compile(regex).matcher(mail.get("text").asText());
    if (!m.find()) {
      throw new AssertionError("no " + regex + " in " + mail.get("text").asText());
    }
    return m.group(1);
  }

  private static List<JsonNode> all(TestServer server) {
    TestServer.Response reply = server.send("GET", "/dev/mail", null);
    if (reply.status() != 200) {
      throw new IllegalStateException("GET /dev/mail answered " + reply);
    }
    List<JsonNode> mails = new ArrayList<>();
    reply.json().forEach(mails::add);
    return mails;
  }
}
