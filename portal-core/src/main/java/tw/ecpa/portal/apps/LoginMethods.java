package tw.ecpa.portal.apps;

import java.util.Map;
import java.util.Set;

/** The portal's login methods by id, with the names the pages use for them. */
public final class LoginMethods {

  /** The names of the login methods, by id. */
  private static final Map<String, String> NAMES = Map.of(
      "password", "帳號密碼",
      "moica", "自然人憑證",
      "gca", "機關憑證",
      "nhi", "健保卡",
      "mobile-id", "行動自然人憑證");

  /** The order the names are listed in a reason. */
  private static final java.util.List<String> ORDER = java.util.List.of("moica", "mobile-id", "nhi", "password", "gca");

  private LoginMethods() {}

  /** Whether the id names a login method. */
  public static boolean known(String id) {
    return NAMES.containsKey(id);
  }

  /** The zh-TW name of a login method (the id itself if unknown). */
  public static String name(String id) {
    return NAMES.getOrDefault(id, String.valueOf(id));
  }

  /** The names of some login methods in a fixed order, as a zh-TW list: 甲、乙或丙. */
  public static String names(Set<String> ids) {
    java.util.List<String> names = ORDER.stream().filter(ids::contains).map(NAMES::get).toList();
    if (names.size() <= 1) {
      return String.join("", names);
    }
    return String.join("、", names.subList(0, names.size() - 1)) + "或" + names.get(names.size() - 1);
  }
}
