public import Geometry

/// The two geometric tests everything in this module decides by, exact in sign.
///
/// Each is first evaluated in floating point with a bound on its rounding error (Shewchuk, "Adaptive Precision
/// Floating-Point Arithmetic and Fast Robust Geometric Predicates", 1997); only when the value lies within that
/// bound of zero is it computed again exactly, as a sum of non-overlapping doubles (an expansion) built from
/// error-free sums and products, whose largest component gives the sign.
public enum Predicates {
    private static let epsilon = Double.ulpOfOne / 2
    private static let orientBound = (3 + 16 * epsilon) * epsilon
    private static let inCircleBound = (10 + 96 * epsilon) * epsilon

    /// Positive when `a`, `b`, `c` turn counter-clockwise, negative when clockwise, zero when on one line. The
    /// magnitude is twice the triangle's area, to within a rounding error.
    public static func orient(_ a: LonLat, _ b: LonLat, _ c: LonLat) -> Double {
        let left = (a.lon - c.lon) * (b.lat - c.lat)
        let right = (a.lat - c.lat) * (b.lon - c.lon)
        let determinant = left - right
        // Products of opposite signs, or a zero one, cannot cancel: their difference has the exact sign, since a
        // rounded difference or product is zero, positive or negative exactly when the exact one is.
        if (left > 0) != (right > 0) || left == 0 || right == 0 { return determinant }
        if abs(determinant) > orientBound * (abs(left) + abs(right)) { return determinant }
        return orientExact(a, b, c)
    }

    /// Positive when `d` lies inside the circle through `a`, `b`, `c` (counter-clockwise), negative outside,
    /// zero on it.
    public static func inCircle(_ a: LonLat, _ b: LonLat, _ c: LonLat, _ d: LonLat) -> Double {
        let (adx, ady) = (a.lon - d.lon, a.lat - d.lat)
        let (bdx, bdy) = (b.lon - d.lon, b.lat - d.lat)
        let (cdx, cdy) = (c.lon - d.lon, c.lat - d.lat)
        let (bdxcdy, cdxbdy) = (bdx * cdy, cdx * bdy)
        let (cdxady, adxcdy) = (cdx * ady, adx * cdy)
        let (adxbdy, bdxady) = (adx * bdy, bdx * ady)
        let (alift, blift, clift) = (adx * adx + ady * ady, bdx * bdx + bdy * bdy, cdx * cdx + cdy * cdy)
        let determinant = alift * (bdxcdy - cdxbdy) + blift * (cdxady - adxcdy) + clift * (adxbdy - bdxady)
        let permanent = (abs(bdxcdy) + abs(cdxbdy)) * alift + (abs(cdxady) + abs(adxcdy)) * blift
            + (abs(adxbdy) + abs(bdxady)) * clift
        if abs(determinant) > inCircleBound * permanent || permanent == 0 { return determinant }
        return inCircleExact(a, b, c, d)
    }

    // MARK: Exact evaluation

    /// (a - c) × (b - c) as the sum of six exact products of the coordinates themselves.
    static func orientExact(_ a: LonLat, _ b: LonLat, _ c: LonLat) -> Double {
        var sum = Expansion.product(a.lon, b.lat)
        sum = sum.adding(Expansion.product(-a.lon, c.lat))
        sum = sum.adding(Expansion.product(-a.lat, b.lon))
        sum = sum.adding(Expansion.product(a.lat, c.lon))
        sum = sum.adding(Expansion.product(b.lon, c.lat))
        sum = sum.adding(Expansion.product(-b.lat, c.lon))
        return sum.sign
    }

    /// The in-circle determinant from exact differences: each coordinate difference is a two-part expansion, and
    /// every product and sum after it is exact.
    static func inCircleExact(_ a: LonLat, _ b: LonLat, _ c: LonLat, _ d: LonLat) -> Double {
        let adx = Expansion.difference(a.lon, d.lon), ady = Expansion.difference(a.lat, d.lat)
        let bdx = Expansion.difference(b.lon, d.lon), bdy = Expansion.difference(b.lat, d.lat)
        let cdx = Expansion.difference(c.lon, d.lon), cdy = Expansion.difference(c.lat, d.lat)
        func lift(_ x: Expansion, _ y: Expansion) -> Expansion { x.times(x).adding(y.times(y)) }
        func cross(_ x1: Expansion, _ y1: Expansion, _ x2: Expansion, _ y2: Expansion) -> Expansion {
            x1.times(y2).adding(x2.times(y1).negated)
        }
        let first = lift(adx, ady).times(cross(bdx, bdy, cdx, cdy))
        let second = lift(bdx, bdy).times(cross(cdx, cdy, adx, ady))
        let third = lift(cdx, cdy).times(cross(adx, ady, bdx, bdy))
        return first.adding(second).adding(third).sign
    }
}

/// A number held exactly as a sum of doubles whose bits do not overlap, smallest first, zeros left out.
struct Expansion {
    var terms: [Double]

    /// a × b exactly: the rounded product and its rounding error, which a fused multiply-add gives exactly.
    static func product(_ a: Double, _ b: Double) -> Expansion {
        let rounded = a * b
        return Expansion(nonZero: [(-rounded).addingProduct(a, b), rounded])
    }

    /// a - b exactly (two-sum).
    static func difference(_ a: Double, _ b: Double) -> Expansion {
        let (sum, error) = twoSum(a, -b)
        return Expansion(nonZero: [error, sum])
    }

    private init(nonZero terms: [Double]) {
        self.terms = terms.filter { $0 != 0 }
    }

    /// The sum and its rounding error, both exact (Knuth's two-sum).
    static func twoSum(_ a: Double, _ b: Double) -> (sum: Double, error: Double) {
        let sum = a + b
        let bVirtual = sum - a
        let aVirtual = sum - bVirtual
        return (sum, (a - aVirtual) + (b - bVirtual))
    }

    var negated: Expansion { Expansion(nonZero: terms.map { -$0 }) }

    /// The largest component: the value to within a rounding error, and exactly its sign.
    var sign: Double { terms.last ?? 0 }

    /// The exact sum, one term at a time with zero elimination (grow-expansion, repeated).
    func adding(_ other: Expansion) -> Expansion {
        var result = terms
        for term in other.terms {
            var carry = term
            var next = [Double]()
            next.reserveCapacity(result.count + 1)
            for component in result {
                let (sum, error) = Expansion.twoSum(carry, component)
                if error != 0 { next.append(error) }
                carry = sum
            }
            if carry != 0 { next.append(carry) }
            result = next
        }
        return Expansion(nonZero: result)
    }

    /// The exact product with one double (scale-expansion).
    func scaled(by factor: Double) -> Expansion {
        var result = Expansion(nonZero: [])
        for term in terms { result = result.adding(Expansion.product(term, factor)) }
        return result
    }

    /// The exact product of two expansions.
    func times(_ other: Expansion) -> Expansion {
        var result = Expansion(nonZero: [])
        for term in other.terms { result = result.adding(scaled(by: term)) }
        return result
    }
}
