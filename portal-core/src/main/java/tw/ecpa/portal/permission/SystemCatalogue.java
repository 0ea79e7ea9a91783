package tw.ecpa.portal.permission;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The application systems and HR functions that permissions can name. The portal's application-system
 * catalogue takes this role once it exists; until then {@link #builtIn()} lists the few the seeds name.
 */
public interface SystemCatalogue {

  /** The system or HR function with this id, if the catalogue has it. */
  Optional<AppSystem> find(String id);

  /** Every system and HR function, in the order the pages list them. */
  List<AppSystem> all();

  /** Whether the catalogue has a system or HR function with this id. */
  default boolean exists(String id) {
    return id != null && find(id).isPresent();
  }

  /** The zh-TW name of a system, or the id itself when the catalogue does not have it. */
  default String name(String id) {
    return find(id).map(AppSystem::name).orElse(id);
  }

  /** The HR password reset (重設員工密碼), an HR function. */
  String PASSWORD_RESET = "hr.password-reset";

  /** The systems and HR functions the seeds name (權限與兼辦管理, 2.4 應用系統). */
  static SystemCatalogue builtIn() {
    Map<String, AppSystem> systems = new LinkedHashMap<>();
    for (AppSystem s : List.of(
        new AppSystem(PASSWORD_RESET, "重設員工密碼", true),
        new AppSystem("webhr", "WebHR人力資源管理資訊系統", false),
        new AppSystem("webhr-ohr", "WebHROHR: 行政院人事派免作業系統", false),
        new AppSystem("webhr-psn", "WebHRPSN: 人事人員管理資訊系統", false),
        new AppSystem("attendance", "差勤管理系統", false))) {
      systems.put(s.id(), s);
    }
    List<AppSystem> all = List.copyOf(systems.values());
    return new SystemCatalogue() {
      @Override
      public Optional<AppSystem> find(String id) {
        return Optional.ofNullable(id == null ? null : systems.get(id));
      }

      @Override
      public List<AppSystem> all() {
        return all;
      }
    };
  }
}
