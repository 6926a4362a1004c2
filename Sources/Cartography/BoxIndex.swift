/// Boxes filed under the cells of a grid they touch, so that asking what a box meets looks at its neighbourhood
/// only: placing labels tests a dozen candidates per place against every symbol and label already down.
/// Answers are exactly those of testing every box in turn.
struct BoxIndex {
    private(set) var boxes: [Box] = []
    private var cells: [Int: [Int]] = [:]
    /// Boxes spanning more cells than `largeCells`, tested every time.
    private var large: [Int] = []

    static let cellPt = 24.0
    static let largeCells = 64

    init(_ boxes: [Box] = []) {
        for box in boxes { insert(box) }
    }

    mutating func insert(_ box: Box) {
        let index = boxes.count
        boxes.append(box)
        let (columns, rows) = Self.span(box)
        guard columns.count * rows.count <= Self.largeCells else {
            large.append(index)
            return
        }
        for column in columns {
            for row in rows { cells[Self.cell(column, row), default: []].append(index) }
        }
    }

    /// Whether a box inserted at position `first` or later intersects `box`.
    func intersects(_ box: Box, from first: Int = 0) -> Bool {
        if large.contains(where: { $0 >= first && boxes[$0].intersects(box) }) { return true }
        let (columns, rows) = Self.span(box)
        guard columns.count * rows.count <= Self.largeCells * 4 else {
            return boxes[min(first, boxes.count)...].contains(where: box.intersects)
        }
        for column in columns {
            for row in rows {
                guard let filed = cells[Self.cell(column, row)] else { continue }
                if filed.contains(where: { $0 >= first && boxes[$0].intersects(box) }) { return true }
            }
        }
        return false
    }

    /// The grid columns and rows a box touches, edges included, so that two boxes that meet share a cell.
    private static func span(_ box: Box) -> (ClosedRange<Int>, ClosedRange<Int>) {
        func range(_ low: Double, _ high: Double) -> ClosedRange<Int> {
            let clamp = { (value: Double) in value.isNaN ? 0 : Int(max(-1e6, min(1e6, (value / cellPt).rounded(.down)))) }
            let (start, end) = (clamp(low), clamp(high))
            return start...max(start, end)
        }
        return (range(box.x, box.maxX), range(box.y, box.maxY))
    }

    private static func cell(_ column: Int, _ row: Int) -> Int {
        column << 32 | (row & 0xFFFF_FFFF)
    }
}
