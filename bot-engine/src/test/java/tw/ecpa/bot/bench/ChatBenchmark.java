package tw.ecpa.bot.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import tw.ecpa.bot.conversation.Conversation;
import tw.ecpa.bot.conversation.ConversationStore;
import tw.ecpa.bot.dialog.Dialog;
import tw.ecpa.bot.dialog.Knowledge;
import tw.ecpa.bot.dialog.Turn;
import tw.ecpa.assistant.Server;
import tw.ecpa.assistant.Settings;
import tw.ecpa.kb.search.QuestionIndex;
import tw.ecpa.kb.search.SyntheticKnowledgeBase;
import tw.ecpa.kb.tree.KnowledgeBase;
import tw.ecpa.kb.tree.Node;
import tw.ecpa.kb.tree.json.KnowledgeBaseLoader;

/**
 * The speed and memory harness of docs/benchmarks.md ({@code mvn -Pbench -DskipTests verify}): server
 * readiness, in-process free-text turn latency on the shipped and a generated 10,000-answer knowledge
 * base, HTTP turns per second on loopback with keep-alive, and heap after 10,000 conversations.
 */
public final class ChatBenchmark {

  private static final ObjectMapper JSON = new ObjectMapper();

  private ChatBenchmark() {}

  /** Runs every measurement and prints one line per figure. */
  public static void main(String[] args) throws Exception {
    Path data = Files.createTempDirectory("ecpa-bench");
    // First with no phrasing vectors on disk (a new machine), then again on the same data (a restart).
    readyFromProcessStart(Path.of("target", "ecpa-assistant.jar"), data.resolve("process"), "new data folder");
    readyFromProcessStart(Path.of("target", "ecpa-assistant.jar"), data.resolve("process"), "restart");
    Settings settings = Settings.forTests(data)
        .withChat(new Settings.Chat(java.time.Duration.ofMinutes(30), 1_000_000, Integer.MAX_VALUE, 500));

    long t0 = System.nanoTime();
    Server server = Server.create(settings, Clock.systemUTC()).start();
    long readyMs = (System.nanoTime() - t0) / 1_000_000;
    report("server ready in-process (Server.create + start, JVM already running), ms", readyMs);

    KnowledgeBase shipped = server.knowledge().knowledgeBase();
    List<String> questions = questionsOf(shipped, 400, 1);
    latency("shipped (" + shipped.size() + " nodes)", server.knowledge(), questions);

    long build0 = System.nanoTime();
    KnowledgeBase big = SyntheticKnowledgeBase.generate(10_000, 7L);
    QuestionIndex bigIndex = QuestionIndex.build(big);
    report("generated knowledge base: " + big.size() + " nodes, index build ms", (System.nanoTime() - build0) / 1_000_000);
    latency("generated (" + big.size() + " nodes)", new Knowledge(big, bigIndex), questionsOf(big, 400, 2));
    bigIndex.close();

    httpThroughput(server, questions, 8, 10);
    heapAfterConversations(server, 10_000);
    server.close();
  }

  /** Starts the runnable jar as a new process and reports the time until /healthz answers 200. */
  private static void readyFromProcessStart(Path jar, Path dataDir, String when) throws Exception {
    if (!Files.exists(jar)) {
      System.out.println("server ready from process start: skipped, " + jar.toAbsolutePath() + " not built");
      return;
    }
    int port;
    try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
      port = free.getLocalPort();
    }
    // The README's start command: with the class-data archive the build records next to the jar.
    Path archive = jar.resolveSibling("ecpa-assistant.jsa");
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    if (Files.exists(archive)) {
      command.add("-XX:SharedArchiveFile=" + archive.toAbsolutePath());
    }
    command.addAll(List.of("-jar", jar.toAbsolutePath().toString()));
    ProcessBuilder builder = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD);
    builder.environment().put("PORT", Integer.toString(port));
    builder.environment().put("DATA_DIR", dataDir.toString());
    java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
    java.net.http.HttpRequest health = java.net.http.HttpRequest.newBuilder(
        java.net.URI.create("http://127.0.0.1:" + port + "/healthz")).build();
    long start = System.nanoTime();
    Process process = builder.start();
    try {
      while (System.nanoTime() - start < 60_000_000_000L) {
        try {
          if (client.send(health, java.net.http.HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
            report("server ready from process start, " + when + " (README command until /healthz answers 200"
                + (Files.exists(archive) ? ", with the class-data archive" : "") + "), ms",
                (System.nanoTime() - start) / 1_000_000);
            report("  its resident memory (heap, model and onnxruntime), MB", residentMb(process.pid()));
            return;
          }
        } catch (IOException notYet) {
          Thread.sleep(20);
        }
      }
      System.out.println("server ready from process start: not ready within 60 s");
    } finally {
      process.destroy();
      process.waitFor();
    }
  }

  /** The process's resident set size from /proc, or -1 where there is none. */
  private static long residentMb(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
        }
      }
    } catch (IOException | NumberFormatException e) {
      // not Linux
    }
    return -1;
  }

  private static void latency(String label, Knowledge knowledge, List<String> questions) {
    latency(label + ", questions asked before", knowledge, questions, false);
    latency(label + ", every question new (never cached)", knowledge, questions, true);
  }

  private static void latency(String label, Knowledge knowledge, List<String> questions, boolean unseen) {
    Dialog dialog = new Dialog(() -> knowledge, Clock.systemUTC(), Integer.MAX_VALUE);
    Conversation conversation = new Conversation("bench", java.time.Instant.now());
    dialog.start(conversation);
    for (int i = 0; i < 5_000; i++) {
      dialog.turn(conversation, new Turn.Text(questions.get(i % questions.size())));
    }
    int n = 20_000;
    long[] nanos = new long[n];
    for (int i = 0; i < n; i++) {
      long s = System.nanoTime();
      dialog.turn(conversation, new Turn.Text(unseen ? questions.get(i % questions.size()) + " " + i
          : questions.get(i % questions.size())));
      nanos[i] = System.nanoTime() - s;
    }
    Arrays.sort(nanos);
    System.out.printf(Locale.ROOT, "free-text turn in-process, %s: p50 %.3f ms, p99 %.3f ms, max %.3f ms (%d turns)%n",
        label, nanos[n / 2] / 1e6, nanos[(int) (n * 0.99)] / 1e6, nanos[n - 1] / 1e6, n);
  }

  private static void httpThroughput(Server server, List<String> questions, int clients, int seconds) throws Exception {
    AtomicBoolean stop = new AtomicBoolean();
    LongAdder turns = new LongAdder();
    LongAdder errors = new LongAdder();
    List<Thread> threads = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      int seed = c;
      Thread t = new Thread(() -> {
        Random random = new Random(seed);
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
          socket.setTcpNoDelay(true);
          OutputStream out = socket.getOutputStream();
          Responses in = new Responses(socket.getInputStream());
          out.write(request("/api/chat/sessions", "{}"));
          JsonNode started = JSON.readTree(in.next().body());
          String path = "/api/chat/sessions/" + started.get("sessionId").asText() + "/messages";
          // Requests are encoded up front, so the client spends its share of the two cores on I/O.
          List<byte[]> requests = new ArrayList<>();
          for (String question : questions) {
            requests.add(request(path, JSON.writeValueAsString(java.util.Map.of("text", question))));
          }
          byte[] click = request(path, "{\"optionId\":\"menu.login\"}");
          while (!stop.get()) {
            out.write(random.nextInt(4) == 0 ? click : requests.get(random.nextInt(requests.size())));
            if (in.next().status() != 200) {
              errors.increment();
            }
            turns.increment();
          }
        } catch (IOException e) {
          errors.increment();
        }
      }, "bench-client-" + c);
      threads.add(t);
    }
    threads.forEach(Thread::start);
    Thread.sleep(5_000);
    long warm = turns.sum();
    long s = System.nanoTime();
    Thread.sleep(seconds * 1000L);
    long done = turns.sum() - warm;
    double elapsed = (System.nanoTime() - s) / 1e9;
    stop.set(true);
    for (Thread t : threads) {
      t.join();
    }
    System.out.printf(Locale.ROOT,
        "HTTP turns per second on loopback, keep-alive, %d connections (Java client on the same cores): %.0f (%d errors)%n",
        clients, done / elapsed, errors.sum());
  }

  private static byte[] request(String path, String body) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    String head = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        + "Content-Length: " + bytes.length + "\r\n\r\n";
    byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
    byte[] all = Arrays.copyOf(headBytes, headBytes.length + bytes.length);
    System.arraycopy(bytes, 0, all, headBytes.length, bytes.length);
    return all;
  }

  /** Reads HTTP/1.1 responses (Content-Length or chunked) from a kept-alive connection. */
  private static final class Responses {
    private final InputStream in;
    private final byte[] buffer = new byte[1 << 16];
    private int start;
    private int end;

    Responses(InputStream in) {
      this.in = in;
    }

    record Response(int status, String body) {}

    Response next() throws IOException {
      String statusLine = line();
      int status = Integer.parseInt(statusLine.substring(9, 12));
      int length = -1;
      boolean chunked = false;
      String header;
      while (!(header = line()).isEmpty()) {
        String lower = header.toLowerCase(Locale.ROOT);
        if (lower.startsWith("content-length:")) {
          length = Integer.parseInt(header.substring(15).trim());
        } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
          chunked = true;
        }
      }
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      if (chunked) {
        int size;
        while ((size = Integer.parseInt(line().trim(), 16)) > 0) {
          body.write(bytes(size));
          line();
        }
        line();
      } else if (length > 0) {
        body.write(bytes(length));
      }
      return new Response(status, body.toString(StandardCharsets.UTF_8));
    }

    private String line() throws IOException {
      StringBuilder line = new StringBuilder();
      while (true) {
        if (start == end) {
          fill();
        }
        byte b = buffer[start++];
        if (b == '\n') {
          return line.toString();
        }
        if (b != '\r') {
          line.append((char) b);
        }
      }
    }

    private byte[] bytes(int n) throws IOException {
      byte[] out = new byte[n];
      int got = 0;
      while (got < n) {
        if (start == end) {
          fill();
        }
        int take = Math.min(n - got, end - start);
        System.arraycopy(buffer, start, out, got, take);
        start += take;
        got += take;
      }
      return out;
    }

    private void fill() throws IOException {
      start = 0;
      end = in.read(buffer);
      if (end <= 0) {
        throw new IOException("connection closed");
      }
    }
  }

  private static void heapAfterConversations(Server server, int count) {
    ConversationStore store = server.conversations();
    Dialog dialog = new Dialog(server::knowledge, Clock.systemUTC(), Integer.MAX_VALUE);
    long before = usedHeapAfterGc();
    List<String> kept = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Conversation c = store.create();
      dialog.start(c);
      dialog.turn(c, new Turn.Click("menu.login"));
      dialog.turn(c, new Turn.Text("忘記密碼"));
      store.save(c);
      kept.add(c.id());
    }
    long after = usedHeapAfterGc();
    System.out.printf(Locale.ROOT,
        "heap after %d conversations: %.1f MiB used (%.1f MiB more than before, %.0f bytes each; %d held)%n",
        count, after / 1048576.0, (after - before) / 1048576.0, (after - before) / (double) count, store.size());
    if (kept.isEmpty()) {
      throw new IllegalStateException();
    }
  }

  private static long usedHeapAfterGc() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  private static List<String> questionsOf(KnowledgeBase kb, int max, long seed) {
    List<String> all = new ArrayList<>();
    for (Node node : kb.nodes()) {
      all.addAll(node.questions());
      all.add(node.title());
    }
    java.util.Collections.shuffle(all, new Random(seed));
    return List.copyOf(all.subList(0, Math.min(max, all.size())));
  }

  private static void report(String what, long value) {
    System.out.println(what + ": " + value);
  }
}
