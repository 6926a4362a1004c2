import Foundation
import Gazetteer

/// Reads `sources.csv` (`url,title,publisher,published`): each page the claims cite, once, as the page gives its
/// title, publisher and publication date. When the file exists, every claim must cite a page it lists.
enum SourceTable {
    static let required = ["url", "title", "publisher", "published"]

    /// The listed URLs, or problems located in `sources.csv`.
    static func urls(from table: CSVTable) throws -> Set<String> {
        try table.requireColumns(required)
        let column = Dictionary(table.header.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        var problems = ProblemList()
        var first = [String: SourceLocation]()
        for row in table.rows {
            func field(_ name: String) -> String {
                guard let index = column[name], index < row.count else { return "" }
                return row[index].value.trimmingSpaces
            }
            let at = table.location(row, column: column["url"] ?? 0)
            let url = field("url")
            if url.isEmpty {
                problems.add(at, "no url; each row lists one page the claims cite")
                continue
            }
            if let earlier = first[url] {
                problems.add(at, "\(url) is listed twice (first at \(earlier)); list each page once")
            }
            first[url] = first[url] ?? at
            let published = field("published")
            if !published.isEmpty && Day(iso: published) == nil {
                problems.add(table.location(row, column: column["published"] ?? 0),
                             "\"\(published)\" is not a date; write the page's publication date as YYYY-MM-DD, "
                                 + "or leave it empty when the page gives none")
            }
        }
        try problems.throwIfAny()
        return Set(first.keys)
    }

    /// A problem for each claim whose url `listed` lacks, at the claim's row.
    static func unlisted(_ claims: [Claim], _ areaClaims: [AreaClaim], listed: Set<String>, file: String)
        -> [InputProblem] {
        var problems = claims.filter { !listed.contains($0.citation.url) }.map { claim in
            InputProblem(claim.location, "the source \(claim.citation.url.isEmpty ? "(none)" : claim.citation.url) is "
                + "not in \(file); add a row for the page (url,title,publisher,published) or cite a listed one")
        }
        for claim in areaClaims where !listed.contains(claim.citation.url) {
            problems.append(InputProblem(SourceLocation(file: "areas.geojson", line: 1, column: 1),
                "area \"\(claim.id)\" cites \(claim.citation.url), which is not in \(file); add a row for the page"))
        }
        return problems
    }
}
