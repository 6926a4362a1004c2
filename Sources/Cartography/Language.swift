public import Claims
import Foundation

/// The language of a map's text.
public enum Language: String, CaseIterable, Sendable {
    case en, ar, both
}

/// The map's fixed wording and dates, in English and Arabic.
public enum Wording {
    static let monthsEn = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                           "October", "November", "December"]
    /// The month names used in Syria.
    static let monthsAr = ["كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول",
                           "تشرين الأول", "تشرين الثاني", "كانون الأول"]

    /// A date whose day, month and year never break across lines, e.g. `8 كانون الأول 2024`.
    public static func date(_ day: Day, _ language: Language) -> String {
        let english = keepingDatesWhole("\(day.day) \(monthsEn[day.month - 1]) \(day.year)")
        let arabic = keepingDatesWhole("\(day.day) \(monthsAr[day.month - 1]) \(day.year)")
        switch language {
        case .en: return english
        case .ar: return arabic
        case .both: return "\(english) · \(arabic)"
        }
    }

    /// The text with every written date (`27 November 2024`, `8 كانون الأول 2024`, `November 2024`) joined by
    /// no-break spaces, so a wrapped title never leaves the year or the month's second word on a line of its own.
    static func keepingDatesWhole(_ text: String) -> String {
        text.replacing(datePattern) { match in
            text[match.range].replacingOccurrences(of: " ", with: "\u{00A0}")
        }
    }

    private nonisolated(unsafe) static let datePattern = try! Regex(
        "([0-9]{1,2} )?(" + (monthsEn + monthsAr).joined(separator: "|") + ")( [0-9]{4})?")

    /// A heading: in both languages, English and Arabic on lines of their own.
    static func heading(_ text: LocalizedText, _ language: Language) -> String {
        keepingDatesWhole(language == .both && !text.ar.isEmpty && text.en != text.ar
            ? "\(text.en)\n\(text.ar)" : pick(text, language))
    }

    static func pick(_ text: LocalizedText, _ language: Language) -> String {
        switch language {
        case .en: text.en
        case .ar: text.ar
        case .both: text.en == text.ar || text.ar.isEmpty ? text.en : "\(text.en) · \(text.ar)"
        }
    }

    static func text(_ english: String, _ arabic: String, _ language: Language) -> String {
        pick(LocalizedText(en: english, ar: arabic), language)
    }
}
