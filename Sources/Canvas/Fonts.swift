internal import CCairo
import Foundation

/// The map's own typefaces (Noto Sans and Noto Sans Arabic, regular and bold) in a fontconfig configuration of
/// their own. Pango sorts every font of the configuration for each font description and size it is asked for:
/// with the system's few hundred fonts, that took a tenth of a map's time. A text whose families are these and
/// whose every character one of its families holds is laid out with this configuration; the same fonts serve it
/// as under the system's, so the pixels are the same. Any other text (an arrow, a minus sign, another family)
/// is laid out with the system's configuration, whose other fonts fill in.
final class MapFonts: @unchecked Sendable {
    /// Nil when fontconfig lacks one of the faces (it would put another family in its place).
    static let shared = MapFonts(families: ["Noto Sans", "Noto Sans Arabic"])

    private let config: OpaquePointer
    /// For each family, the characters of the Basic Multilingual Plane its faces hold, a bit each.
    private let coverage: [String: [UInt64]]
    private let key: pthread_key_t
    private let lock = NSLock()
    /// `coverage(of:)`'s answers by family list.
    private var lists: [String: [[UInt64]]?] = [:]

    private init?(families: [String]) {
        guard FcInit() != 0, let config = FcConfigCreate() else { return nil }
        var coverage = [String: [UInt64]]()
        var files = [String]()
        for family in families {
            var bits = [UInt64](repeating: 0, count: 1024)
            for weight in [FC_WEIGHT_REGULAR, FC_WEIGHT_BOLD] {
                guard let face = Self.face(family: family, weight: weight) else {
                    FcConfigDestroy(config)
                    return nil
                }
                if !files.contains(face.file) { files.append(face.file) }
                Self.mark(face.characters, in: &bits)
                FcCharSetDestroy(face.characters)
            }
            coverage[family] = bits
        }
        for file in files where FcConfigAppFontAddFile(config, file) == 0 {
            FcConfigDestroy(config)
            return nil
        }
        var key = pthread_key_t()
        guard pthread_key_create(&key, { map in map.map { g_object_unref($0) } }) == 0 else {
            FcConfigDestroy(config)
            return nil
        }
        (self.config, self.coverage, self.key) = (config, coverage, key)
    }

    /// The file of the system's face of `family` at `weight`, and a copy of its characters; nil when the system
    /// would substitute another family.
    private static func face(family: String, weight: Int32) -> (file: String, characters: OpaquePointer)? {
        guard let pattern = FcPatternCreate() else { return nil }
        defer { FcPatternDestroy(pattern) }
        FcPatternAddString(pattern, FC_FAMILY, family)
        FcPatternAddInteger(pattern, FC_WEIGHT, weight)
        FcConfigSubstitute(nil, pattern, FcMatchPattern)
        FcDefaultSubstitute(pattern)
        var result = FcResultNoMatch
        guard let match = FcFontMatch(nil, pattern, &result) else { return nil }
        defer { FcPatternDestroy(match) }
        var name: UnsafeMutablePointer<FcChar8>?
        var file: UnsafeMutablePointer<FcChar8>?
        var characters: OpaquePointer?
        guard FcPatternGetString(match, FC_FAMILY, 0, &name) == FcResultMatch, let name,
              String(cString: name) == family, FcPatternGetString(match, FC_FILE, 0, &file) == FcResultMatch,
              let file, FcPatternGetCharSet(match, FC_CHARSET, 0, &characters) == FcResultMatch, let characters,
              let copy = FcCharSetCopy(characters) else { return nil }
        return (String(cString: file), copy)
    }

    /// Sets the bits of the plane's characters that `characters` holds.
    private static func mark(_ characters: OpaquePointer, in bits: inout [UInt64]) {
        var page = [FcChar32](repeating: 0, count: Int(FC_CHARSET_MAP_SIZE))
        var next: FcChar32 = 0
        var base = FcCharSetFirstPage(characters, &page, &next)
        while base != FcChar32.max && base < 0x10000 {
            for (index, word) in page.enumerated() where word != 0 {
                let first = Int(base) + index * 32
                bits[first / 64] |= UInt64(word) << UInt64(first % 64)
            }
            base = FcCharSetNextPage(characters, &page, &next)
        }
    }

    /// Whether `text` in `families` (Pango's comma-separated list) can be laid out with these faces alone.
    func covers(_ text: String, families: String) -> Bool {
        guard let sets = coverage(of: families) else { return false }
        for scalar in text.unicodeScalars {
            let value = Int(scalar.value)
            // Line breaks and tabs are no glyphs of any font.
            if value == 0x0A || value == 0x09 { continue }
            guard value < 0x10000, sets.contains(where: { $0[value / 64] & (1 << UInt64(value % 64)) != 0 }) else {
                return false
            }
        }
        return true
    }

    /// The characters of each family of a list, looked up once per list; nil when one is not among these faces.
    private func coverage(of families: String) -> [[UInt64]]? {
        lock.lock()
        defer { lock.unlock() }
        if let known = lists[families] { return known }
        var sets: [[UInt64]]? = []
        for family in families.split(separator: ",") {
            guard let bits = coverage[family.trimmingCharacters(in: .whitespaces)] else {
                sets = nil
                break
            }
            sets?.append(bits)
        }
        lists[families] = .some(sets)
        return sets
    }

    /// This thread's Pango font map over these faces (Pango's font maps are not shared between threads).
    func fontMap() -> UnsafeMutablePointer<PangoFontMap>? {
        if let map = pthread_getspecific(key) { return map.assumingMemoryBound(to: PangoFontMap.self) }
        guard let map = pango_cairo_font_map_new() else { return nil }
        pango_fc_font_map_set_config(OpaquePointer(map), config)
        pthread_setspecific(key, UnsafeRawPointer(map))
        return map
    }
}
