import Glibc

/// PNG's row filters (RFC 2083, 6).
enum Filter: UInt8, CaseIterable {
    case none = 0, sub, up, average, paeth

    /// Writes the filter byte and the filtered row, under the filter whose output has the smallest sum of
    /// absolute values (bytes read as signed); the first such filter on ties. A row like the one above is all
    /// zeros under `up`, which no filter beats. Sixteen bytes at a time: this choice is most of the encoder's work.
    @_optimize(speed)  // also in debug builds: unoptimised, SIMD code runs a hundred times slower
    static func best(_ row: UnsafeMutableBufferPointer<UInt8>, above: UnsafeMutableBufferPointer<UInt8>,
                     bytesPerPixel: Int, into line: UnsafeMutableBufferPointer<UInt8>) {
        let output = UnsafeMutableBufferPointer(rebasing: line[1...])
        if memcmp(row.baseAddress!, above.baseAddress!, row.count) == 0 {
            line[0] = Filter.up.rawValue
            output.update(repeating: 0)
            return
        }
        let rows = Rows(row: UnsafePointer(row.baseAddress!), above: UnsafePointer(above.baseAddress!),
                        count: row.count, bytesPerPixel: bytesPerPixel)
        // Each block adds at most 256 to a lane (two bytes of magnitude 128): lanes are flushed every 255 blocks.
        var (none, sub, up, average, paeth) = (0, 0, 0, 0, 0)
        var lanes = (SIMD8<UInt16>(), SIMD8<UInt16>(), SIMD8<UInt16>(), SIMD8<UInt16>(), SIMD8<UInt16>())
        var blocks = 0
        var index = 0
        while index < rows.count {
            if index < bytesPerPixel || index + 16 > rows.count {
                let (x, a, b, c) = rows.scalars(index)
                none += magnitude(x)
                sub += magnitude(x &- a)
                up += magnitude(x &- b)
                average += magnitude(x &- Self.average(a, b))
                paeth += magnitude(x &- Self.paeth(a, b, c))
                index += 1
                continue
            }
            let (x, a, b, c) = rows.vectors(index)
            lanes.0 &+= magnitudes(x)
            lanes.1 &+= magnitudes(x &- a)
            lanes.2 &+= magnitudes(x &- b)
            lanes.3 &+= magnitudes(x &- averages(a, b))
            lanes.4 &+= magnitudes(x &- paeths(a, b, c))
            blocks += 1
            index += 16
            if blocks == 255 || index + 16 > rows.count {
                none += total(lanes.0)
                sub += total(lanes.1)
                up += total(lanes.2)
                average += total(lanes.3)
                paeth += total(lanes.4)
                lanes = (SIMD8<UInt16>(), SIMD8<UInt16>(), SIMD8<UInt16>(), SIMD8<UInt16>(), SIMD8<UInt16>())
                blocks = 0
            }
        }
        let costs = [none, sub, up, average, paeth]
        let chosen = allCases[costs.indices.min { costs[$0] < costs[$1] }!]
        line[0] = chosen.rawValue
        index = 0
        while index < rows.count {
            if index < bytesPerPixel || index + 16 > rows.count {
                let (x, a, b, c) = rows.scalars(index)
                output[index] = switch chosen {
                case .none: x
                case .sub: x &- a
                case .up: x &- b
                case .average: x &- Self.average(a, b)
                case .paeth: x &- Self.paeth(a, b, c)
                }
                index += 1
                continue
            }
            let (x, a, b, c) = rows.vectors(index)
            let filtered = switch chosen {
            case .none: x
            case .sub: x &- a
            case .up: x &- b
            case .average: x &- averages(a, b)
            case .paeth: x &- paeths(a, b, c)
            }
            UnsafeMutableRawPointer(output.baseAddress! + index).storeBytes(of: filtered, as: SIMD16<UInt8>.self)
            index += 16
        }
    }

    /// A row and the row above, read as a byte (`x`), its left neighbour (`a`), the byte above (`b`) and the
    /// one above left (`c`), zero left of the first pixel.
    private struct Rows {
        let row: UnsafePointer<UInt8>
        let above: UnsafePointer<UInt8>
        let count: Int
        let bytesPerPixel: Int

        @inline(__always) @_optimize(speed)
        func scalars(_ index: Int) -> (UInt8, UInt8, UInt8, UInt8) {
            let left = index >= bytesPerPixel
            return (row[index], left ? row[index - bytesPerPixel] : 0, above[index],
                    left ? above[index - bytesPerPixel] : 0)
        }

        /// Sixteen bytes from `index`, which is at least `bytesPerPixel` and 16 bytes before the end.
        @inline(__always) @_optimize(speed)
        func vectors(_ index: Int) -> (SIMD16<UInt8>, SIMD16<UInt8>, SIMD16<UInt8>, SIMD16<UInt8>) {
            func load(_ pointer: UnsafePointer<UInt8>) -> SIMD16<UInt8> {
                UnsafeRawPointer(pointer).loadUnaligned(as: SIMD16<UInt8>.self)
            }
            return (load(row + index), load(row + index - bytesPerPixel), load(above + index),
                    load(above + index - bytesPerPixel))
        }
    }

    @inline(__always) @_optimize(speed)
    private static func magnitude(_ byte: UInt8) -> Int {
        Int(Int8(bitPattern: byte).magnitude)
    }

    // The vector helpers reinterpret bits (sixteen bytes as eight 16-bit lanes) rather than convert lane types:
    // the generic conversions between SIMD types run lane by lane, out of line, and cost more than the filters.

    @inline(__always) @_optimize(speed)
    private static func total(_ lanes: SIMD8<UInt16>) -> Int {
        var sum = 0
        for lane in 0..<8 { sum += Int(lanes[lane]) }
        return sum
    }

    /// Each byte read as signed, its magnitude, summed in pairs of neighbouring bytes.
    @inline(__always) @_optimize(speed)
    private static func magnitudes(_ bytes: SIMD16<UInt8>) -> SIMD8<UInt16> {
        // The sign spread over the byte (arithmetic shift) flips and corrects the negative ones.
        let sign = unsafeBitCast(unsafeBitCast(bytes, to: SIMD16<Int8>.self) &>> 7, to: SIMD16<UInt8>.self)
        let magnitude = unsafeBitCast((bytes ^ sign) &- sign, to: SIMD8<UInt16>.self)
        return (magnitude & 0x00FF) &+ (magnitude &>> 8)
    }

    /// Without branches or masks: the sign spread over the lane flips and corrects the negative ones.
    @inline(__always) @_optimize(speed)
    private static func absolute(_ value: SIMD8<Int16>) -> SIMD8<Int16> {
        let sign = value &>> 15
        return (value ^ sign) &- sign
    }

    @inline(__always) @_optimize(speed)
    private static func average(_ left: UInt8, _ up: UInt8) -> UInt8 {
        UInt8((UInt16(left) + UInt16(up)) / 2)
    }

    /// The floor of each pair's mean, without widening: the shared bits plus half the differing ones.
    @inline(__always) @_optimize(speed)
    private static func averages(_ left: SIMD16<UInt8>, _ up: SIMD16<UInt8>) -> SIMD16<UInt8> {
        (left & up) &+ ((left ^ up) &>> 1)
    }

    @inline(__always) @_optimize(speed)
    private static func paeth(_ left: UInt8, _ up: UInt8, _ upLeft: UInt8) -> UInt8 {
        let estimate = Int(left) + Int(up) - Int(upLeft)
        let (toLeft, toUp, toUpLeft) = (abs(estimate - Int(left)), abs(estimate - Int(up)), abs(estimate - Int(upLeft)))
        return toLeft <= toUp && toLeft <= toUpLeft ? left : toUp <= toUpLeft ? up : upLeft
    }

    @inline(__always) @_optimize(speed)
    private static func paeths(_ left: SIMD16<UInt8>, _ up: SIMD16<UInt8>, _ upLeft: SIMD16<UInt8>) -> SIMD16<UInt8> {
        // The even and the odd bytes, each in the low half of a 16-bit lane.
        let (a, b, c) = (unsafeBitCast(left, to: SIMD8<Int16>.self), unsafeBitCast(up, to: SIMD8<Int16>.self),
                         unsafeBitCast(upLeft, to: SIMD8<Int16>.self))
        let low = SIMD8<Int16>(repeating: 0xFF)
        let even = paeths(a & low, b & low, c & low)
        let odd = paeths((a &>> 8) & low, (b &>> 8) & low, (c &>> 8) & low)
        return unsafeBitCast(even | (odd &<< 8), to: SIMD16<UInt8>.self)
    }

    /// The predictor on lanes holding bytes (0…255).
    @inline(__always) @_optimize(speed)
    private static func paeths(_ a: SIMD8<Int16>, _ b: SIMD8<Int16>, _ c: SIMD8<Int16>) -> SIMD8<Int16> {
        // The estimate a + b - c lies |b - c| from a, |a - c| from b and |a + b - 2c| from c. A difference of two
        // distances, shifted right, is all ones where the first is the smaller: masks without comparisons.
        let toLeft = absolute(b &- c), toUp = absolute(a &- c), toUpLeft = absolute(a &+ b &- c &- c)
        let upLeftNearer = (toUpLeft &- toUp) &>> 15
        let upOrUpLeft = (b & ~upLeftNearer) | (c & upLeftNearer)
        let leftFarther = ((toUp &- toLeft) | (toUpLeft &- toLeft)) &>> 15
        return (a & ~leftFarther) | (upOrUpLeft & leftFarther)
    }
}
