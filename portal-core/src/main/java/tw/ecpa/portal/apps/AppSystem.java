package tw.ecpa.portal.apps;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * One application system (應用系統) of the catalogue.
 *
 * @param id the stable id (lower case letters, digits and dashes)
 * @param code the short code shown before the name (for example {@code D6}), or empty
 * @param name the name as the portal shows it
 * @param category the letter of its category
 * @param keywords its search keywords
 * @param url where the system lives
 * @param loginMethods the ids of the login methods that may open it
 * @param why what the system holds, for the reason shown to sessions of other login methods (may be empty)
 * @param mobileFriendly whether its screens suit a phone or tablet
 * @param defaultFavourite whether a newly appointed civil servant finds it in 我的最愛
 * @param editorial whether it was made up for the demo rather than taken from the seed document
 */
public record AppSystem(String id, String code, String name, String category, List<String> keywords, String url,
    Set<String> loginMethods, String why, boolean mobileFriendly, boolean defaultFavourite, boolean editorial) {

  /** Longest id. */
  public static final int MAX_ID = 40;

  public AppSystem {
    Objects.requireNonNull(id, "id");
    if (!id.matches("[a-z0-9][a-z0-9-]{0," + (MAX_ID - 1) + "}")) {
      throw new IllegalArgumentException("bad system id: " + id);
    }
    code = code == null ? "" : code;
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(category, "category");
    keywords = List.copyOf(keywords);
    Objects.requireNonNull(url, "url");
    loginMethods = Set.copyOf(loginMethods);
    for (String method : loginMethods) {
      if (!LoginMethods.known(method)) {
        throw new IllegalArgumentException("unknown login method " + method + " for " + id);
      }
    }
    why = why == null ? "" : why;
  }

  /** The name with its code in front, as the portal lists it (for example {@code D6:終身學習入口網}). */
  public String title() {
    return code.isEmpty() ? name : code + ":" + name;
  }

  /** Whether a normalized query term occurs in the code, name, keywords or the given category name. */
  boolean matches(String term, String categoryName) {
    if (normalize(title()).contains(term) || normalize(categoryName).contains(term)) {
      return true;
    }
    return keywords.stream().anyMatch(k -> normalize(k).contains(term));
  }

  /** Text made comparable: full-width forms folded (NFKC) and lower case. */
  static String normalize(String text) {
    return Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
  }
}
