import Testing
@testable import Claims

struct DayTests {
    @Test(arguments: ["2024-11-30", "2024-02-29", "2000-02-29", "1970-01-01"])
    func isoDatesRoundTrip(text: String) throws {
        #expect(try #require(Day(iso: text)).description == text)
    }

    @Test(arguments: ["2024-13-01", "2023-02-29", "30/11/2024", "2024-11-3", "2024-11-30T10:00", "", "1900-02-29"])
    func badDatesAreRejected(text: String) {
        #expect(Day(iso: text) == nil, "\(text) is not a calendar day")
    }

    @Test func ordinalsStepAcrossMonthsAndYears() throws {
        let day = try #require(Day(iso: "2024-11-30"))
        #expect(day.adding(days: 1).description == "2024-12-01")
        #expect(day.adding(days: 32).description == "2025-01-01")
        #expect(Day(iso: "1970-01-01")?.ordinal == 0)
        #expect(day < day.adding(days: 1))
    }
}
