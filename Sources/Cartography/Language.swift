public import Claims

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

    public static func date(_ day: Day, _ language: Language) -> String {
        let english = "\(day.day) \(monthsEn[day.month - 1]) \(day.year)"
        let arabic = "\(day.day) \(monthsAr[day.month - 1]) \(day.year)"
        switch language {
        case .en: return english
        case .ar: return arabic
        case .both: return "\(english) · \(arabic)"
        }
    }

    /// A heading: in both languages, English and Arabic on lines of their own.
    static func heading(_ text: LocalizedText, _ language: Language) -> String {
        language == .both && !text.ar.isEmpty && text.en != text.ar ? "\(text.en)\n\(text.ar)" : pick(text, language)
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
