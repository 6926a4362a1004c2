internal import CDeflate

/// Writes Cairo's pixels as PNG: each row under the filter that leaves the smallest sum of differences (as libpng
/// and Cairo's own writer choose), the whole image compressed in one call by libdeflate, which gives smaller files
/// than zlib's default level in a fraction of its time. The same pixels always give the same bytes.
enum PNGWriter {
    /// libdeflate's level: 6 and above cost more time than the rest of the drawing for a few per cent of size.
    static let level: Int32 = 5

    /// `data` holds `height` rows of `stride` bytes, each pixel Cairo's ARGB32 (premultiplied, native order).
    static func encode(_ data: UnsafeRawPointer, width: Int, height: Int, stride: Int) throws -> [UInt8] {
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
        // Every byte is written below; the pages of a buffer never zeroed are touched only once.
        var filtered = [UInt8](unsafeUninitializedCapacity: height * (rowBytes + 1)) { _, count in
            count = height * (rowBytes + 1)
        }
        var rows = [UInt8](repeating: 0, count: 2 * rowBytes)
        filtered.withUnsafeMutableBufferPointer { output in
            rows.withUnsafeMutableBufferPointer { rows in
                let previous = UnsafeMutableBufferPointer(rebasing: rows[0..<rowBytes])
                let current = UnsafeMutableBufferPointer(rebasing: rows[rowBytes...])
                for row in 0..<height {
                    straighten((data + row * stride).assumingMemoryBound(to: UInt32.self), width: width,
                               channels: channels, into: current)
                    let start = row * (rowBytes + 1)
                    let line = UnsafeMutableBufferPointer(rebasing: output[start..<start + rowBytes + 1])
                    Filter.best(current, above: previous, bytesPerPixel: channels, into: line)
                    _ = previous.update(fromContentsOf: current)
                }
            }
        }
        guard let compressor = libdeflate_alloc_compressor(level) else {
            throw CanvasError("could not encode PNG: no memory for the compressor")
        }
        defer { libdeflate_free_compressor(compressor) }
        // As large as the worst case, but only the pages the compressed image fills are ever touched.
        let compressed = filtered.withUnsafeBytes { input in
            [UInt8](unsafeUninitializedCapacity: libdeflate_zlib_compress_bound(compressor, input.count)) { output, count in
                count = libdeflate_zlib_compress(compressor, input.baseAddress, input.count, output.baseAddress,
                                                 output.count)
            }
        }
        let size = compressed.count
        guard size > 0 else { throw CanvasError("could not encode PNG: the compressed image did not fit") }
        var header = [UInt8]()
        header.appendBigEndian(UInt32(width))
        header.appendBigEndian(UInt32(height))
        header += [8, opaque ? 2 : 6, 0, 0, 0]  // 8 bits per channel, RGB or RGBA, deflate, adaptive filters, no interlace
        var file: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        file.reserveCapacity(size + 64)
        file.appendChunk("IHDR", header[...])
        file.appendChunk("IDAT", compressed[..<size])
        file.appendChunk("IEND", [][...])
        return file
    }

    /// One row of Cairo pixels as straight (not premultiplied) RGB or RGBA bytes.
    private static func straighten(_ pixels: UnsafePointer<UInt32>, width: Int, channels: Int,
                                   into output: UnsafeMutableBufferPointer<UInt8>) {
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
    /// zeros under `up`, which no filter beats.
    static func best(_ row: UnsafeMutableBufferPointer<UInt8>, above: UnsafeMutableBufferPointer<UInt8>,
                     bytesPerPixel: Int, into line: UnsafeMutableBufferPointer<UInt8>) {
        let output = UnsafeMutableBufferPointer(rebasing: line[1...])
        if row.elementsEqual(above) {
            line[0] = Filter.up.rawValue
            output.update(repeating: 0)
            return
        }
        var (none, sub, up, average, paeth) = (0, 0, 0, 0, 0)
        for index in 0..<row.count {
            let left = index >= bytesPerPixel ? row[index - bytesPerPixel] : 0
            let upLeft = index >= bytesPerPixel ? above[index - bytesPerPixel] : 0
            let value = row[index]
            none += magnitude(value)
            sub += magnitude(value &- left)
            up += magnitude(value &- above[index])
            average += magnitude(value &- Self.average(left, above[index]))
            paeth += magnitude(value &- Self.paeth(left, above[index], upLeft))
        }
        let costs = [none, sub, up, average, paeth]
        let chosen = allCases[costs.indices.min { costs[$0] < costs[$1] }!]
        line[0] = chosen.rawValue
        for index in 0..<row.count {
            let (left, up) = (index >= bytesPerPixel ? row[index - bytesPerPixel] : 0, above[index])
            let value = row[index]
            switch chosen {
            case .none: output[index] = value
            case .sub: output[index] = value &- left
            case .up: output[index] = value &- up
            case .average: output[index] = value &- Self.average(left, up)
            case .paeth:
                output[index] = value &- Self.paeth(left, up, index >= bytesPerPixel ? above[index - bytesPerPixel] : 0)
            }
        }
    }

    @inline(__always)
    private static func magnitude(_ byte: UInt8) -> Int {
        Int(Int8(bitPattern: byte).magnitude)
    }

    @inline(__always)
    private static func average(_ left: UInt8, _ up: UInt8) -> UInt8 {
        UInt8((UInt16(left) + UInt16(up)) / 2)
    }

    @inline(__always)
    private static func paeth(_ left: UInt8, _ up: UInt8, _ upLeft: UInt8) -> UInt8 {
        let estimate = Int(left) + Int(up) - Int(upLeft)
        let (toLeft, toUp, toUpLeft) = (abs(estimate - Int(left)), abs(estimate - Int(up)), abs(estimate - Int(upLeft)))
        return toLeft <= toUp && toLeft <= toUpLeft ? left : toUp <= toUpLeft ? up : upLeft
    }
}

extension [UInt8] {
    mutating func appendBigEndian(_ value: UInt32) {
        append(contentsOf: [UInt8(value >> 24), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)])
    }

    /// A PNG chunk: length, type, data and the CRC-32 of type and data.
    mutating func appendChunk(_ type: String, _ data: ArraySlice<UInt8>) {
        appendBigEndian(UInt32(data.count))
        let typed = Array(type.utf8) + data
        append(contentsOf: typed)
        appendBigEndian(typed.withUnsafeBytes { UInt32(libdeflate_crc32(0, $0.baseAddress, $0.count)) })
    }
}
