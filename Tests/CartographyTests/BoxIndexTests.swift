import Testing
@testable import Cartography

/// The grid answers exactly as testing every box in turn would, for boxes small, large, touching and far out.
struct BoxIndexTests {
    @Test(arguments: [1, 2, 3])
    func answersAsAScanOfEveryBox(seed: UInt64) {
        var random = SplitMix(state: seed)
        func box() -> Box {
            let large = Int.random(in: 0..<20, using: &random) == 0
            return Box(x: Double.random(in: -100...1_500, using: &random).rounded(),
                       y: Double.random(in: -100...1_200, using: &random).rounded(),
                       width: Double.random(in: 0...(large ? 900 : 40), using: &random).rounded(),
                       height: Double.random(in: 0...(large ? 700 : 20), using: &random).rounded())
        }
        let boxes = (0..<600).map { _ in box() }
        let index = BoxIndex(boxes)
        for _ in 0..<2_000 {
            let query = box()
            let first = Int.random(in: 0...boxes.count, using: &random)
            #expect(index.intersects(query, from: first) == boxes[first...].contains(where: query.intersects),
                    "\(query) from box \(first)")
        }
    }

    @Test func boxesThatOnlyTouchDoNotIntersect() {
        let index = BoxIndex([Box(x: 0, y: 0, width: 24, height: 24)])
        #expect(!index.intersects(Box(x: 24, y: 0, width: 10, height: 10)))
        #expect(index.intersects(Box(x: 23.9, y: 23.9, width: 10, height: 10)))
    }
}

/// Reproducible numbers for the test (SplitMix64).
struct SplitMix: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = (state ^ state >> 30) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ mixed >> 27) &* 0x94D0_49BB_1331_11EB
        return mixed ^ mixed >> 31
    }
}
