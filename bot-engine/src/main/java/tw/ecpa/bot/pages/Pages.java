package tw.ecpa.bot.pages;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The portal's pages as browsers receive them: every {@code .html} page of a classpath folder with its
 * {@link Includes includes} expanded, assembled once at start-up and kept in memory. The fragments are
 * the folder's {@code _includes/NAME.html}; they are not pages.
 */
public final class Pages {

  /** The fragments' folder, inside the pages' folder. */
  public static final String INCLUDES = "_includes/";
  private static final String HTML = ".html";

  private final Map<String, String> pages;

  private Pages(Map<String, String> pages) {
    this.pages = Collections.unmodifiableMap(pages);
  }

  /**
   * Reads and assembles the pages under the classpath folder {@code folder} (e.g. {@code "web"}), a
   * directory while developing and testing, a folder inside the jar when run from it.
   *
   * @throws IllegalStateException if the folder is missing or a page's includes are wrong
   */
  public static Pages fromClasspath(ClassLoader loader, String folder) {
    URL root = loader.getResource(folder + "/");
    if (root == null) {
      throw new IllegalStateException("the pages' folder " + folder + "/ is not on the classpath");
    }
    return assemble(htmlFiles(root));
  }

  /**
   * Assembles pages from their files, by path in the pages' folder: those in {@link #INCLUDES} are the
   * fragments, the others the pages.
   *
   * @throws IllegalStateException if a page's includes are wrong
   */
  static Pages assemble(Map<String, String> files) {
    Map<String, String> fragments = new TreeMap<>();
    files.forEach((path, text) -> {
      if (path.startsWith(INCLUDES)) {
        fragments.put(path.substring(INCLUDES.length(), path.length() - HTML.length()), text);
      }
    });
    Includes includes = new Includes(fragments);
    Map<String, String> pages = new TreeMap<>();
    files.forEach((path, text) -> {
      if (!path.startsWith(INCLUDES)) {
        pages.put(path, includes.expand(path, text));
      }
    });
    return new Pages(pages);
  }

  /** The assembled pages by their path in the folder, e.g. {@code my/password.html}. */
  public Map<String, String> byPath() {
    return pages;
  }

  private static Map<String, String> htmlFiles(URL root) {
    Map<String, String> files = new TreeMap<>();
    try {
      if (root.getProtocol().equals("jar")) {
        JarURLConnection folder = (JarURLConnection) root.openConnection();
        folder.setUseCaches(false);
        String prefix = folder.getEntryName();
        try (JarFile jar = folder.getJarFile()) {
          for (JarEntry entry : Collections.list(jar.entries())) {
            String name = entry.getName();
            if (name.startsWith(prefix) && name.endsWith(HTML) && !entry.isDirectory()) {
              try (InputStream in = jar.getInputStream(entry)) {
                files.put(name.substring(prefix.length()), new String(in.readAllBytes(), StandardCharsets.UTF_8));
              }
            }
          }
        }
      } else {
        Path folder = Path.of(root.toURI());
        try (Stream<Path> walk = Files.walk(folder)) {
          for (Path file : walk.filter(p -> p.toString().endsWith(HTML) && Files.isRegularFile(p)).toList()) {
            files.put(folder.relativize(file).toString().replace(File.separatorChar, '/'),
                Files.readString(file, StandardCharsets.UTF_8));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the pages in " + root, e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException("cannot read the pages in " + root, e);
    }
    return files;
  }
}
