import Foundation

/// `Tests/Fixtures`: files shaped like what real programs write (address books from
/// phones, khard, Apple, Outlook), shared by the reader tests and the CLI tests.
public let fixturesDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Fixtures").path

public func fixture(_ relative: String) -> String { fixturesDirectory + "/" + relative }
