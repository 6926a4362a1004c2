/// "Did you mean" for short identifiers such as view names and actor ids.
public enum Suggestion {
    /// The ids that look like `word`: sharing its first three letters, or containing it, ignoring case.
    public static func similar(to word: String, among ids: [String]) -> [String] {
        let wanted = word.lowercased()
        return ids.filter { id in
            let candidate = id.lowercased()
            return candidate.hasPrefix(String(wanted.prefix(3))) || candidate.contains(wanted)
                || (wanted.count >= 3 && wanted.contains(candidate))
        }
    }

    /// `did you mean hts? scenario.yaml defines government, russia, hts`, or just the list when nothing is close.
    public static func hint(for word: String, among ids: [String], defined: String) -> String {
        let close = similar(to: word, among: ids)
        let list = "\(defined) \(ids.joined(separator: ", "))"
        return close.isEmpty ? list : "did you mean \(close.joined(separator: " or "))? \(list)"
    }
}
