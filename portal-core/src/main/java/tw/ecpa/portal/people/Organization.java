package tw.ecpa.portal.people;

import java.util.Objects;
import java.util.Optional;

/**
 * An organization (機關) in the portal's organization tree.
 *
 * @param code the organization code
 * @param name the zh-TW name
 * @param parentCode the code of the parent organization, or {@code null} at the top
 */
public record Organization(String code, String name, String parentCode) {

  public Organization {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(name, "name");
  }

  /** The parent organization's code, if any. */
  public Optional<String> parent() {
    return Optional.ofNullable(parentCode);
  }
}
