/// The tunable rules: of nudging, of the calendar and of the emotion words. The defaults
/// are the product's; the config file may change them. Set once at start-up, before
/// anything reads them (`KithCLI` does it from `config.toml`), and only read after that.
public struct Rules: Sendable, Equatable {
    public var cadence: [Circle: Int] = [.inner: 7, .close: 14, .friends: 30, .wider: 90]
    public var groupCadence = 30
    /// Overdue from this many cadences on.
    public var overdueFactor = 1.5
    /// How many due bonds the Today list and `kith due` show unless asked for all.
    public var dailyCap = 5
    /// How far ahead birthdays are shown, in days.
    public var birthdayDays = 14
    /// The words kith offers: the standard ones and the user's own.
    public var emotions = EmotionCatalog.standard
    /// What "this week" and "last week" mean.
    public var weekStart = WeekStart.monday
    /// How dates are shown to people.
    public var dateStyle = DateStyle.dmy
    /// Whether the full-screen view asks, once a day, how connected the user feels.
    public var askSelfCheckin = true
    /// How many daily copies of the store to keep (0: none).
    public var dailyBackups = 7

    public init() {}

    nonisolated(unsafe) public static var current = Rules()
}
