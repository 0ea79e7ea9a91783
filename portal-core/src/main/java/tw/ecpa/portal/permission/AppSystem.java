package tw.ecpa.portal.permission;

import java.util.Objects;

/**
 * An application system (應用系統) or an HR function (人事功能, such as 重設員工密碼) that can be granted
 * within an organization and delegated to a person of another organization (兼辦).
 *
 * @param id the stable id grants and delegations refer to, e.g. {@code webhr} or {@code hr.password-reset}
 * @param name the zh-TW name as the portal shows it
 * @param hrFunction whether it is an HR function, which the HR officers and HR heads of an organization
 *     hold by default
 */
public record AppSystem(String id, String name, boolean hrFunction) {

  public AppSystem {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
  }
}
