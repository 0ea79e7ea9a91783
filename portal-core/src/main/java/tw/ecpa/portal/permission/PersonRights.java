package tw.ecpa.portal.permission;

import java.util.List;

/**
 * A person and the rights a search found for them (可用應用系統查詢, 可用兼辦應用系統查詢).
 *
 * @param member who
 * @param rights what they may use now
 */
public record PersonRights(Member member, List<Right> rights) {

  public PersonRights {
    rights = List.copyOf(rights);
  }
}
