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
    /// A date is a month's name, with one or two digits and a space before it and a space and four digits after it
    /// when they are there; the first name that fits at a place is taken, from the left.
    static func keepingDatesWhole(_ text: String) -> String {
        let bytes = Array(text.utf8)
        var output = [UInt8]()
        var copied = 0, index = 0
        while index < bytes.count {
            // Whole characters only: a name followed by a combining mark is another word.
            guard let name = monthNames.first(where: { name in
                name.count <= bytes.count - index && name.indices.allSatisfy { bytes[index + $0] == name[$0] }
                    && isBoundary(index, in: text) && isBoundary(index + name.count, in: text)
            }) else {
                index += 1
                continue
            }
            var start = index, end = index + name.count
            if start - 2 >= copied && bytes[start - 1] == space && isDigit(bytes[start - 2]) {
                start -= 2
                if start - 1 >= copied && isDigit(bytes[start - 1]) { start -= 1 }
            }
            if end + 5 <= bytes.count && bytes[end] == space && bytes[end + 1 ..< end + 5].allSatisfy(isDigit)
                && isBoundary(end + 5, in: text) {
                end += 5
            }
            output += bytes[copied ..< start]
            for byte in bytes[start ..< end] {
                if byte == space { output += [0xC2, 0xA0] } else { output.append(byte) }  // U+00A0
            }
            copied = end
            index = end
        }
        guard copied > 0 else { return text }
        output += bytes[copied...]
        return String(decoding: output, as: UTF8.self)
    }

    private static let monthNames = (monthsEn + monthsAr).map { Array($0.utf8) }
    private static let space = UInt8(ascii: " ")

    private static func isBoundary(_ offset: Int, in text: String) -> Bool {
        String.Index(text.utf8.index(text.utf8.startIndex, offsetBy: offset), within: text) != nil
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

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
