internal import CDeflate
import Dispatch
import Foundation
import Glibc

/// Writes Cairo's pixels as PNG: each row under the filter that leaves the smallest sum of differences (as libpng
/// and Cairo's own writer choose), each half of the image compressed by libdeflate, which gives smaller files than
/// zlib's default level in a fraction of its time, and the halves joined into one stream. The same pixels always
/// give the same bytes.
enum PNGWriter {
    /// libdeflate's level: 6 and above cost more time than the rest of the drawing for a few per cent of size.
    static let level: Int32 = 5

    /// `data` holds `height` rows of `stride` bytes, each pixel Cairo's ARGB32 (premultiplied, native order).
    /// The pixels are overwritten: an opaque image's filtered rows (3 bytes a pixel and a filter byte) fit in its
    /// own rows of 4 bytes a pixel, so they are written there rather than into a second image-sized buffer.
    static func encode(_ data: UnsafeMutableRawPointer, width: Int, height: Int, stride: Int) throws -> [UInt8] {
        var opaque = true
        for row in 0..<height where opaque {
            let pixels = (data + row * stride).assumingMemoryBound(to: UInt32.self)
            for column in 0..<width where pixels[column] >> 24 != 0xFF {
                opaque = false
                break
            }
        }
        let channels = opaque ? 3 : 4
        let rowBytes = width * channels
        let filteredCount = height * (rowBytes + 1)
        // Row r's filtered bytes end at (r + 1)(rowBytes + 1), never past the start of row r + 1's pixels.
        let inPlace = rowBytes + 1 <= stride
        let separate = inPlace ? nil : UnsafeMutablePointer<UInt8>.allocate(capacity: filteredCount)
        defer { separate?.deallocate() }
        let filtered = separate ?? data.assumingMemoryBound(to: UInt8.self)
        // Two halves at once, each filtered and then compressed on a core of its own. The lower half's rows go
        // first to the start of its own pixels (where, a row at a time, they never overtake the pixels still to be
        // read); the row above it is read before the upper half can overwrite it. Each row's filter depends on the
        // row and the row above only, so the bytes are those of one pass. The halves' compressed streams are
        // joined into one (`DeflateJoin`). The upper part is the smaller (42% of the rows): its stream is also walked
        // for the join, a sixth of its compression's time, and a map's title and legend sit at the top.
        let middle = height >= 64 ? height * 21 / 50 : height
        let lowerStart = inPlace ? (data + middle * stride).assumingMemoryBound(to: UInt8.self)
                                 : filtered + middle * (rowBytes + 1)
        var aboveLower = [UInt8](repeating: 0, count: rowBytes)
        if middle < height {
            aboveLower.withUnsafeMutableBufferPointer { above in
                straighten((data + (middle - 1) * stride).assumingMemoryBound(to: UInt32.self), width: width,
                           channels: channels, into: above)
            }
        }
        nonisolated(unsafe) let pixels = data
        nonisolated(unsafe) let outputs = [filtered, lowerStart]
        let halves = [(0..<middle, [UInt8](repeating: 0, count: rowBytes)), (middle..<height, aboveLower)]
        let encodeHalf = { @Sendable (half: Int) -> CompressedPart? in
            var (range, above) = halves[half]
            var current = [UInt8](repeating: 0, count: rowBytes)
            above.withUnsafeMutableBufferPointer { previous in
                current.withUnsafeMutableBufferPointer { current in
                    for row in range {
                        straighten((pixels + row * stride).assumingMemoryBound(to: UInt32.self), width: width,
                                   channels: channels, into: current)
                        let line = UnsafeMutableBufferPointer(start: outputs[half] + (row - range.lowerBound) * (rowBytes + 1),
                                                              count: rowBytes + 1)
                        Filter.best(current, above: previous, bytesPerPixel: channels, into: line)
                        _ = previous.update(fromContentsOf: current)
                    }
                }
            }
            // Joining needs to know where the upper half's stream ends, to the bit; the lower half's is used whole.
            return CompressedPart(UnsafeBufferPointer(start: outputs[half], count: range.count * (rowBytes + 1)),
                                  findingEnds: half == 0 && middle < height)
        }
        let parts: [CompressedPart?]
        // A thread of its own, not a dispatch job: the encoder runs inside the render's own parallel jobs, and a
        // nested parallel loop there runs its iterations one after the other.
        if middle < height {
            nonisolated(unsafe) var lowerPart: CompressedPart?
            let lowerDone = DispatchSemaphore(value: 0)
            let lower = Thread {
                lowerPart = encodeHalf(1)
                lowerDone.signal()
            }
            lower.start()
            let upperPart = encodeHalf(0)
            lowerDone.wait()
            parts = [upperPart, lowerPart]
        } else {
            parts = [encodeHalf(0)]
        }
        guard let first = parts[0] else { throw CanvasError("could not encode PNG: the image did not compress") }
        var idat: [UInt8] = [0x78, 0x5E]  // deflate, 32 KiB window; the check bits make the pair a multiple of 31
        var adler = first.adler32
        if parts.count == 2 {
            guard let second = parts[1], let firstEnds = first.ends else {
                throw CanvasError("could not encode PNG: the image did not compress")
            }
            first.bytes.withUnsafeBufferPointer { firstBytes in
                second.bytes.withUnsafeBufferPointer { secondBytes in
                    DeflateJoin.join(firstBytes, firstEnds, secondBytes, into: &idat)
                }
            }
            adler = DeflateJoin.combinedAdler32(adler, second.adler32, secondCount: second.inputCount)
        } else {
            idat += first.bytes
        }
        idat.appendBigEndian(adler)
        var header = [UInt8]()
        header.appendBigEndian(UInt32(width))
        header.appendBigEndian(UInt32(height))
        header += [8, opaque ? 2 : 6, 0, 0, 0]  // 8 bits per channel, RGB or RGBA, deflate, adaptive filters, no interlace
        var file: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        file.reserveCapacity(idat.count + 64)
        file.appendChunk("IHDR", header[...])
        file.appendChunk("IDAT", idat[...])
        file.appendChunk("IEND", [][...])
        return file
    }

    /// A part of the filtered image as a raw DEFLATE stream, with what joining it to others needs.
    private struct CompressedPart {
        var bytes: [UInt8]
        /// Where the stream's final block starts and where it ends, when asked for.
        var ends: DeflateJoin.Ends?
        var adler32: UInt32
        var inputCount: Int

        init?(_ input: UnsafeBufferPointer<UInt8>, findingEnds: Bool) {
            guard let compressor = libdeflate_alloc_compressor(PNGWriter.level) else { return nil }
            defer { libdeflate_free_compressor(compressor) }
            // As large as the worst case, but only the pages the compressed part fills are ever touched.
            let bound = libdeflate_deflate_compress_bound(compressor, input.count)
            bytes = [UInt8](unsafeUninitializedCapacity: bound) { output, count in
                count = libdeflate_deflate_compress(compressor, input.baseAddress, input.count, output.baseAddress,
                                                    output.count)
            }
            guard !bytes.isEmpty else { return nil }
            if findingEnds {
                guard let ends = bytes.withUnsafeBufferPointer({ DeflateJoin.ends(of: $0) }) else { return nil }
                self.ends = ends
            }
            adler32 = UInt32(libdeflate_adler32(1, input.baseAddress, input.count))
            inputCount = input.count
        }
    }

    /// One row of Cairo pixels as straight (not premultiplied) RGB or RGBA bytes.
    @_optimize(speed)
    private static func straighten(_ pixels: UnsafePointer<UInt32>, width: Int, channels: Int,
                                   into output: UnsafeMutableBufferPointer<UInt8>) {
        if channels == 3 {
            // Opaque: no division, only the bytes reordered, four pixels at a time where the order is known.
            let out = output.baseAddress!
            var column = 0
            #if _endian(little)
            while column + 4 <= width {
                let four = UnsafeRawPointer(pixels + column).loadUnaligned(as: SIMD16<UInt8>.self)
                // Native order is B, G, R, A per pixel on little-endian machines; PNG wants R, G, B.
                let rgb = SIMD16<UInt8>(four[2], four[1], four[0], four[6], four[5], four[4], four[10], four[9],
                                        four[8], four[14], four[13], four[12], 0, 0, 0, 0)
                withUnsafeBytes(of: rgb) {
                    UnsafeMutableRawPointer(out + column * 3).copyMemory(from: $0.baseAddress!, byteCount: 12)
                }
                column += 4
            }
            #endif
            while column < width {
                let pixel = pixels[column]
                out[column * 3] = UInt8((pixel >> 16) & 0xFF)
                out[column * 3 + 1] = UInt8((pixel >> 8) & 0xFF)
                out[column * 3 + 2] = UInt8(pixel & 0xFF)
                column += 1
            }
            return
        }
        var index = 0
        for column in 0..<width {
            let pixel = pixels[column]
            let alpha = pixel >> 24
            var (red, green, blue) = ((pixel >> 16) & 0xFF, (pixel >> 8) & 0xFF, pixel & 0xFF)
            if alpha != 0xFF && alpha != 0 {
                // Undo premultiplication, rounding as Cairo's own writer does.
                red = (red * 255 + alpha / 2) / alpha
                green = (green * 255 + alpha / 2) / alpha
                blue = (blue * 255 + alpha / 2) / alpha
            }
            output[index] = UInt8(red)
            output[index + 1] = UInt8(green)
            output[index + 2] = UInt8(blue)
            if channels == 4 { output[index + 3] = UInt8(alpha) }
            index += channels
        }
    }
}

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

extension [UInt8] {
    mutating func appendBigEndian(_ value: UInt32) {
        append(contentsOf: [UInt8(value >> 24), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)])
    }

    /// A PNG chunk: length, type, data and the CRC-32 of type and data.
    mutating func appendChunk(_ type: String, _ data: ArraySlice<UInt8>) {
        appendBigEndian(UInt32(data.count))
        let typeBytes = Array(type.utf8)
        append(contentsOf: typeBytes)
        append(contentsOf: data)
        let crc = typeBytes.withUnsafeBytes { libdeflate_crc32(0, $0.baseAddress, $0.count) }
        appendBigEndian(data.withUnsafeBytes { UInt32(libdeflate_crc32(crc, $0.baseAddress, $0.count)) })
    }
}
