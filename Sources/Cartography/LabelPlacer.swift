/// One collision index per map: boxes are added only once accepted, and a label that fits nowhere is dropped.
struct LabelPlacer {
    private var placed = BoxIndex()
    let bounds: Box

    init(bounds: Box) {
        self.bounds = bounds
    }

    /// Reserves a box that labels must avoid (symbols, furniture).
    mutating func block(_ box: Box) {
        placed.insert(box)
    }

    /// Space kept between a label and anything else, so that neighbouring names never run together.
    static let spacing = 1.5

    /// The first candidate inside the bounds that comes no nearer than `spacing` to anything placed, which is
    /// then reserved.
    mutating func place(_ candidates: [Box]) -> Box? {
        for candidate in candidates where bounds.contains(candidate)
            && !placed.intersects(candidate.expanded(by: LabelPlacer.spacing)) {
            placed.insert(candidate)
            return candidate
        }
        return nil
    }

    /// Candidate boxes of `size` around a symbol of `radius` at (x, y), in the order a reader expects:
    /// right of the symbol first in left-to-right scripts, left first in Arabic.
    static func candidates(x: Double, y: Double, radius: Double, width: Double, height: Double,
                           rightToLeft: Bool) -> [Box] {
        let gap = radius + 2
        let right = Box(x: x + gap, y: y - height / 2, width: width, height: height)
        let left = Box(x: x - gap - width, y: y - height / 2, width: width, height: height)
        let above = Box(x: x - width / 2, y: y - gap - height, width: width, height: height)
        let below = Box(x: x - width / 2, y: y + gap, width: width, height: height)
        let upperRight = Box(x: x + gap * 0.7, y: y - gap * 0.7 - height, width: width, height: height)
        let lowerRight = Box(x: x + gap * 0.7, y: y + gap * 0.7, width: width, height: height)
        let upperLeft = Box(x: x - gap * 0.7 - width, y: y - gap * 0.7 - height, width: width, height: height)
        let lowerLeft = Box(x: x - gap * 0.7 - width, y: y + gap * 0.7, width: width, height: height)
        // Farther out, for a name crowded by its neighbours' names or small patches of ground.
        let far = gap * 2.5
        let farBelow = Box(x: x - width / 2, y: y + far, width: width, height: height)
        let farAbove = Box(x: x - width / 2, y: y - far - height, width: width, height: height)
        let farLowerRight = Box(x: x + gap * 0.7, y: y + far, width: width, height: height)
        let farLowerLeft = Box(x: x - gap * 0.7 - width, y: y + far, width: width, height: height)
        return rightToLeft
            ? [left, right, above, below, upperLeft, lowerLeft, upperRight, lowerRight,
               farBelow, farLowerLeft, farLowerRight, farAbove]
            : [right, left, above, below, upperRight, lowerRight, upperLeft, lowerLeft,
               farBelow, farLowerRight, farLowerLeft, farAbove]
    }
}
