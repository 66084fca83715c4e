import Foundation
import TOMLKit

/// The user's config file, `$XDG_CONFIG_HOME/kith/config.toml`. For now kith reads its
/// `theme`; a config file kith cannot read is ignored here (the TUI must still open).
public enum Settings {
    public static func path(environment: [String: String]) -> String {
        ThemeLoader.configDirectory(environment: environment) + "/config.toml"
    }

    public static func theme(environment: [String: String]) -> String? {
        guard let data = FileManager.default.contents(atPath: path(environment: environment)),
              let text = String(data: data, encoding: .utf8),
              let table = try? TOMLTable(string: text) else { return nil }
        return table["theme"]?.string
    }
}
