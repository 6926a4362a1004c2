import Foundation

/// A place name reduced to what survives spelling variation, plus the kinds its generic words imply
/// ("مطار حلب" is the key "حلب" with a hint of airport or air base).
public struct NameKey: Hashable, Sendable {
    /// The normalised name: Arabic without diacritics, article and generic words; Latin folded and unified.
    public var key: String
    /// A consonant skeleton for Latin names, matching transliterations that differ only in vowels or
    /// in pairs such as q/k, kh/h, ou/u; empty for Arabic.
    public var skeleton: String
    /// Kinds named by the generic words dropped from the name; empty when there were none.
    public var kindHint: Set<PlaceKind>

    /// A key worked out before, as the gazetteer cache keeps it.
    init(key: String, skeleton: String, kindHint: Set<PlaceKind>) {
        self.key = key
        self.skeleton = skeleton
        self.kindHint = kindHint
    }

    public init(_ name: String) {
        let arabic = name.unicodeScalars.contains { (0x0600...0x06FF).contains($0.value) }
        var hint = Set<PlaceKind>()
        if arabic {
            key = NameKey.string(NameKey.arabicKey(name, hint: &hint))
            skeleton = ""
        } else {
            let letters = NameKey.latinKey(name, hint: &hint)
            key = NameKey.string(letters)
            skeleton = NameKey.latinSkeleton(letters)
        }
        kindHint = hint
    }

    // MARK: - Arabic

    private static let arabicGeneric = Dictionary(uniqueKeysWithValues: arabicGenericWords.map {
        (Array($0.key.unicodeScalars), $0.value)
    })
    private static let arabicGenericWords: [String: Set<PlaceKind>] = [
        "حي": [.neighbourhood, .district], "مدينه": [.city, .town], "بلده": [.town, .village],
        "قريه": [.village], "مطار": [.airport, .airbase], "قاعده": [.airbase, .base], "مخيم": [.camp],
        "منطقه": [], "محافظه": [],
    ]

    private static func arabicKey(_ name: String, hint: inout Set<PlaceKind>) -> [Unicode.Scalar] {
        var scalars = [Unicode.Scalar]()
        scalars.reserveCapacity(name.utf8.count)
        for scalar in name.unicodeScalars {
            switch scalar.value {
            case 0x064B...0x065F, 0x0670, 0x06D6...0x06ED, 0x0640: continue  // diacritics, tatweel
            case 0x0622, 0x0623, 0x0625, 0x0671: scalars.append("\u{0627}")  // alef forms
            case 0x0624: scalars.append("\u{0648}")  // waw with hamza
            case 0x0626:  // ya with hamza; word-initial (Kurdish "ئیدلب") it only carries a vowel, like alef
                scalars.append(scalars.last == nil || scalars.last == " " ? "\u{0627}" : "\u{064A}")
            case 0x0649: scalars.append("\u{064A}")  // alef maqsura
            case 0x0621: continue  // lone hamza
            case 0x0629: scalars.append("\u{0647}")  // ta marbuta
            case 0x06A9: scalars.append("\u{0643}")  // keheh
            case 0x06CC, 0x06CE: scalars.append("\u{064A}")  // farsi yeh, Kurdish yeh with v
            case 0x06D5: scalars.append("\u{06D5}")  // Kurdish ae: a vowel, or a final ta marbuta; see below
            case 0x06C6: scalars.append("\u{0648}")  // Kurdish oe
            case 0x0695: scalars.append("\u{0631}")  // Kurdish heavy r
            case 0x06B5: scalars.append("\u{0644}")  // Kurdish heavy l
            default: scalars.append(isLetterOrDigit(scalar) ? scalar : " ")
            }
        }
        var result = [Unicode.Scalar]()
        result.reserveCapacity(scalars.count)
        for var word in words(scalars) {
            kurdishVowels(&word)
            if word.count <= 5, let kinds = arabicGeneric[word] {
                hint.formUnion(kinds)
                continue
            }
            if !result.isEmpty { result.append(" ") }
            if word.count > 3, word[0] == "\u{0627}", word[1] == "\u{0644}" {
                result.append(contentsOf: word.dropFirst(2))
            } else if word.count > 4, word[0] == "\u{0648}", word[1] == "\u{0627}", word[2] == "\u{0644}" {
                result.append(contentsOf: word.dropFirst(3))
            } else {
                result.append(contentsOf: word)
            }
        }
        return result
    }

    /// Letters and marks (Unicode categories L and M) and decimal digits, as Foundation's `letters` and
    /// `decimalDigits` sets have them.
    private static func isLetterOrDigit(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0621...0x063A, 0x0641...0x064A, 0x0660...0x0669, 0x30...0x39, 0x41...0x5A, 0x61...0x7A: return true
        case 0..<0x80: return false
        default: break
        }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber:
            return true
        default:
            return false
        }
    }

    /// The words of a run of letters, split at spaces.
    private static func words(_ letters: [Unicode.Scalar]) -> [[Unicode.Scalar]] {
        letters.split(separator: " ", omittingEmptySubsequences: true).map(Array.init)
    }

    /// The letters as a string, through their UTF-8 bytes (much quicker than appending scalars one by one).
    private static func string(_ letters: [Unicode.Scalar]) -> String {
        var bytes = [UInt8]()
        bytes.reserveCapacity(letters.count * 2)
        for letter in letters { bytes.append(contentsOf: UTF8.encode(letter)!) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Kurdish writes vowels Arabic leaves out: ە inside a word ("حەلەب") is dropped, at its end ("ڕەقە") it is
    /// the ta marbuta Arabic writes there.
    private static func kurdishVowels(_ word: inout [Unicode.Scalar]) {
        guard word.contains("\u{06D5}") else { return }
        let last = word.count - 1
        var result = [Unicode.Scalar]()
        for (index, letter) in word.enumerated() {
            if letter != "\u{06D5}" { result.append(letter) } else if index == last { result.append("\u{0647}") }
        }
        word = result
    }

    // MARK: - Latin

    private static let articles: Set<[Unicode.Scalar]> = Set(articleWords.map { Array($0.unicodeScalars) })
    private static let articleWords: [String] = [
        "al", "el", "ul", "il", "ash", "esh", "ech", "as", "es", "az", "ez", "ad", "ed", "ar", "er", "at", "et", "an", "en",
        "ath", "adh", "ath", "l", "the",
    ]

    private static let latinGeneric = Dictionary(uniqueKeysWithValues: latinGenericWords.map {
        (Array($0.key.unicodeScalars), $0.value)
    })
    private static let latinGenericWords: [String: Set<PlaceKind>] = [
        "city": [.city], "town": [.town], "village": [.village], "neighbourhood": [.neighbourhood],
        "neighborhood": [.neighbourhood], "district": [.neighbourhood, .district], "quarter": [.neighbourhood],
        "hayy": [.neighbourhood], "airport": [.airport, .airbase], "airbase": [.airbase],
        "airfield": [.airbase, .airport], "base": [.airbase, .base], "military": [], "camp": [.camp],
    ]

    private static let english = Locale(identifier: "en")

    /// Letters diacritic folding leaves alone or folds too far: Turkish dotless i, Azerbaijani schwa, and
    /// Turkish and Kurdish ş and ç, which English writes sh and ch.
    private static let letterSpellings: [Character: String] = [
        "ı": "i", "ə": "a", "Ə": "a", "ş": "sh", "Ş": "sh", "ç": "ch", "Ç": "ch", "ß": "ss",
    ]

    /// What each Latin letter beyond ASCII folds to, worked out once: lower-case letters without diacritics
    /// (`letterSpellings` where it has one), nothing for a combining mark, a space for a symbol.
    private static let foldedScalars: [UInt32: String] = {
        var table = [UInt32: String]()
        for value in Array(UInt32(0x80)...0x24F) + Array(UInt32(0x1E00)...0x1EFF) {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let folded = String(scalar).folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive],
                                                locale: english)
            table[value] = folded.allSatisfy { $0.isLetter || $0.isNumber } ? folded.lowercased() : " "
        }
        for value in UInt32(0x300)...0x36F { table[value] = "" }
        for (letter, spelling) in letterSpellings { table[letter.unicodeScalars.first!.value] = spelling }
        return table
    }()

    /// Apostrophes and the letters for ayn and hamza, which spellings keep or drop at will: ʿ ʾ ‘ ’ ` ' ´ ʻ ʼ.
    private static func isApostrophe(_ value: UInt32) -> Bool {
        switch value {
        case 0x27, 0x60, 0xB4, 0x2BB, 0x2BC, 0x2BE, 0x2BF, 0x2018, 0x2019: true
        default: false
        }
    }

    private static func latinKey(_ name: String, hint: inout Set<PlaceKind>) -> [Unicode.Scalar] {
        var scalars = [Unicode.Scalar]()
        scalars.reserveCapacity(name.utf8.count)
        for scalar in name.unicodeScalars {
            let value = scalar.value
            if isApostrophe(value) { continue }
            switch value {
            case 0x41...0x5A: scalars.append(Unicode.Scalar(value + 0x20)!)
            case 0x30...0x39, 0x61...0x7A: scalars.append(scalar)
            case 0..<0x80: scalars.append(" ")
            default:
                if let folded = foldedScalars[value] {
                    scalars.append(contentsOf: folded.unicodeScalars)
                } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                    scalars.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
                } else {
                    scalars.append(" ")
                }
            }
        }
        var words = words(scalars).filter { word in
            guard word.count <= 13, let kinds = latinGeneric[word] else { return true }
            hint.formUnion(kinds)
            return false
        }
        // "Kuweires Air Base" and "Kuweires airbase" are the same name once "base" has gone.
        if words.count > 1, words.last == ["a", "i", "r"] { words.removeLast() }
        var result = [Unicode.Scalar]()
        result.reserveCapacity(scalars.count)
        for (index, word) in words.enumerated() where !(index < words.count - 1 && articles.contains(word)) {
            if !result.isEmpty { result.append(" ") }
            collapseDoubles(word, into: &result)
        }
        return result
    }

    private static func isDigit(_ letter: Unicode.Scalar) -> Bool {
        letter.isASCII ? (0x30...0x39).contains(letter.value) : letter.properties.numericType != nil
    }

    /// Doubled letters written single ("Tall"/"Tal"); digits stay as they are ("P880" is not "P80").
    private static func collapseDoubles(_ word: [Unicode.Scalar], into result: inout [Unicode.Scalar]) {
        var previous: Unicode.Scalar?
        for letter in word {
            if letter != previous || isDigit(letter) { result.append(letter) }
            previous = letter
        }
    }

    /// Letter pairs transliterations disagree on, unified in this order (each pass sees the last one's result).
    private static let skeletonPairs: [([Unicode.Scalar], [Unicode.Scalar])] = [
        ("x", "kh"), ("kh", "h"), ("gh", "g"), ("dh", "d"), ("th", "t"), ("sh", "s"), ("ch", "s"), ("q", "k"),
        ("c", "k"), ("ou", "u"), ("w", "v"), ("dj", "g"), ("j", "g"),
    ].map { (Array($0.0.unicodeScalars), Array($0.1.unicodeScalars)) }

    /// Consonants only, after unifying the letter pairs transliterations disagree on.
    private static func latinSkeleton(_ key: [Unicode.Scalar]) -> String {
        var text = key
        for (from, to) in skeletonPairs where text.contains(from[0]) {
            var replaced = [Unicode.Scalar]()
            replaced.reserveCapacity(text.count + 1)
            var index = 0
            while index < text.count {
                if text[index] == from[0], index + from.count <= text.count,
                   from.count == 1 || text[index + 1] == from[1] {
                    replaced.append(contentsOf: to)
                    index += from.count
                } else {
                    replaced.append(text[index])
                    index += 1
                }
            }
            text = replaced
        }
        func isVowel(_ letter: Unicode.Scalar) -> Bool {
            switch letter {
            case "a", "e", "i", "o", "u", "y": true
            default: false
            }
        }
        var result = String.UnicodeScalarView()
        var atWordStart = true
        for letter in text {
            if letter == " " {
                result.append(letter)
                atWordStart = true
            } else if atWordStart {
                // An initial vowel is kept as "a", so Efrin meets Afrin and Idleb meets Idlib.
                result.append(isVowel(letter) ? "a" : letter)
                atWordStart = false
            } else if !isVowel(letter) {
                result.append(letter)
            }
        }
        return String(result)
    }
}
