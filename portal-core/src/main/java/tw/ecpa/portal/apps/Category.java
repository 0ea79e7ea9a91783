package tw.ecpa.portal.apps;

import java.util.Objects;

/**
 * A category of the application systems (A 我的最愛系統 … H 測試應用系統).
 *
 * @param code the category's letter
 * @param name its zh-TW name
 */
public record Category(String code, String name) {

  /** The letter of 我的最愛系統, which holds each person's favourites rather than systems of its own. */
  public static final String FAVOURITES = "A";

  public Category {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(name, "name");
  }
}
