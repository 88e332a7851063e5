/// A day in the local calendar.
public struct CalendarDate: Sendable, Equatable, Comparable {
    public var year: Int
    public var month: Int
    public var day: Int

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Today in local time; `CTOBOARD_TODAY=YYYY-MM-DD` overrides it for tests.
    public static func today(environment: [String: String] = [:]) -> CalendarDate {
        if let s = environment["CTOBOARD_TODAY"], let d = CalendarDate(iso: s) { return d }
        var t = time(nil)
        var tmv = tm()
        localtime_r(&t, &tmv)
        return CalendarDate(year: Int(tmv.tm_year) + 1900, month: Int(tmv.tm_mon) + 1, day: Int(tmv.tm_mday))
    }

    /// Parses `YYYY-MM-DD`.
    public init?(iso: String) {
        let parts = iso.split(separator: "-")
        guard parts.count == 3, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
              (1...12).contains(m), (1...31).contains(d) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// `YYYY-MM-DD`.
    public var iso: String {
        func pad(_ n: Int, _ w: Int) -> String { let s = String(n); return String(repeating: "0", count: max(0, w - s.count)) + s }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    /// English month names.
    public static let monthNames = ["January", "February", "March", "April", "May", "June", "July",
                                    "August", "September", "October", "November", "December"]

    /// The date `days` days later (or earlier, when negative).
    public func adding(days: Int) -> CalendarDate {
        var t = tm()
        t.tm_year = Int32(year - 1900)
        t.tm_mon = Int32(month - 1)
        t.tm_mday = Int32(day + days)
        t.tm_hour = 12
        var seconds = timegm(&t)
        var out = tm()
        gmtime_r(&seconds, &out)
        return CalendarDate(year: Int(out.tm_year) + 1900, month: Int(out.tm_mon) + 1, day: Int(out.tm_mday))
    }

    public static func < (a: CalendarDate, b: CalendarDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }
}
