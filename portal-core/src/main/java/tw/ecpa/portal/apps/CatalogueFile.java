package tw.ecpa.portal.apps;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a catalogue from its text form: {@code [category X]} and {@code [system-id]} blocks of
 * {@code key = value} lines, {@code #} comments (the format is described at the top of the shipped file).
 * Unknown keys, missing keys and bad values fail with the line number.
 */
public final class CatalogueFile {

  /** The catalogue shipped with the portal. */
  public static final String SHIPPED = "/tw/ecpa/portal/apps/catalogue.txt";

  private static final Set<String> CATEGORY_KEYS = Set.of("name");
  private static final Set<String> SYSTEM_KEYS =
      Set.of("code", "name", "category", "keywords", "url", "logins", "why", "mobile", "default", "source");
  private static final Set<String> OPTIONAL = Set.of("code", "why");

  private CatalogueFile() {}

  /** The catalogue shipped with the portal. */
  public static Catalogue shipped() {
    try (InputStream in = CatalogueFile.class.getResourceAsStream(SHIPPED)) {
      if (in == null) {
        throw new IllegalStateException(SHIPPED + " is missing from the classpath");
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Parses a catalogue's text. */
  public static Catalogue parse(String text) {
    List<Category> categories = new ArrayList<>();
    List<AppSystem> systems = new ArrayList<>();
    String header = null;
    int headerLine = 0;
    Map<String, String> fields = new LinkedHashMap<>();
    try (BufferedReader reader = new BufferedReader(new java.io.StringReader(text))) {
      String line;
      int number = 0;
      while ((line = reader.readLine()) != null) {
        number++;
        String trimmed = line.strip();
        if (trimmed.isEmpty() || trimmed.startsWith("#")) {
          continue;
        }
        if (trimmed.startsWith("[") && trimmed.endsWith("]")) {
          finish(header, headerLine, fields, categories, systems);
          header = trimmed.substring(1, trimmed.length() - 1).strip();
          headerLine = number;
          fields = new LinkedHashMap<>();
          continue;
        }
        int eq = trimmed.indexOf('=');
        if (header == null || eq < 1) {
          throw new IllegalArgumentException("line " + number + ": expected [block] or key = value: " + trimmed);
        }
        String key = trimmed.substring(0, eq).strip();
        if (fields.put(key, trimmed.substring(eq + 1).strip()) != null) {
          throw new IllegalArgumentException("line " + number + ": " + key + " given twice");
        }
      }
      finish(header, headerLine, fields, categories, systems);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Catalogue(categories, systems);
  }

  private static void finish(String header, int line, Map<String, String> fields, List<Category> categories,
      List<AppSystem> systems) {
    if (header == null) {
      return;
    }
    if (header.startsWith("category ")) {
      check(fields, CATEGORY_KEYS, line);
      categories.add(new Category(header.substring("category ".length()).strip(), fields.get("name")));
      return;
    }
    check(fields, SYSTEM_KEYS, line);
    Set<String> logins = new LinkedHashSet<>(Arrays.asList(fields.get("logins").split("\\s+")));
    List<String> keywords = Arrays.stream(fields.get("keywords").split("、")).map(String::strip)
        .filter(k -> !k.isEmpty()).toList();
    try {
      systems.add(new AppSystem(header, fields.get("code"), fields.get("name"), fields.get("category"), keywords,
          fields.get("url"), logins, fields.get("why"), yes(fields, "mobile", line), yes(fields, "default", line),
          switch (fields.get("source")) {
            case "seed" -> false;
            case "editorial" -> true;
            default -> throw new IllegalArgumentException("source is seed or editorial");
          }));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("block at line " + line + ": " + e.getMessage(), e);
    }
  }

  private static void check(Map<String, String> fields, Set<String> allowed, int line) {
    for (String key : fields.keySet()) {
      if (!allowed.contains(key)) {
        throw new IllegalArgumentException("block at line " + line + ": unknown key " + key);
      }
    }
    for (String key : allowed) {
      if (!OPTIONAL.contains(key) && (fields.get(key) == null || fields.get(key).isEmpty())) {
        throw new IllegalArgumentException("block at line " + line + ": " + key + " is missing");
      }
    }
  }

  private static boolean yes(Map<String, String> fields, String key, int line) {
    return switch (fields.get(key)) {
      case "yes" -> true;
      case "no" -> false;
      default -> throw new IllegalArgumentException("block at line " + line + ": " + key + " is yes or no");
    };
  }
}
