internal import CDeflate
import Dispatch
import Foundation
import Glibc

/// Writes Cairo's pixels as PNG, a band of rows at a time: each row under the filter that leaves the smallest sum
/// of differences (as libpng and Cairo's own writer choose), each band compressed by libdeflate (smaller files than
/// zlib's default level in a fraction of its time), and the bands' streams joined into one. A band is drawn only
/// when it is encoded, so an image of any size needs memory for a few bands, not for all its pixels. The same
/// pixels always give the same bytes, whichever thread encodes which band.
enum PNGWriter {
    /// libdeflate's level: 6 and above cost more time than the rest of the drawing for a few per cent of size.
    static let level: Int32 = 5

    /// Writes every pixel of `rows` of the image, and no other, into `image`: the start of the whole image, rows of
    /// `stride` bytes, of which only these rows are memory (the rows above are address space that faults when
    /// touched; the image as drawn ends with the band).
    /// Each pixel Cairo's ARGB32 (premultiplied, native order). Never called twice at once.
    typealias RowSource = (_ rows: Range<Int>, _ image: UnsafeMutableRawPointer, _ stride: Int) throws -> Void

    /// Rows in a band: about a megabyte of pixels. Fewer, larger bands redraw less but hold more memory.
    static func bandRows(width: Int) -> Int { max(16, (1 << 20) / max(1, width * 4)) }

    /// Encodes an image of `width` × `height` pixels whose rows `source` draws on request. Two threads take the
    /// bands in turn: while one draws a band (drawing is never concurrent), the other filters and compresses the
    /// band before. A band's first row is filtered against the last row of the band before, as drawn there.
    static func encode(width: Int, height: Int, bandRows: Int? = nil, rows source: RowSource) throws -> [UInt8] {
        guard width > 0, height > 0 else { throw CanvasError("could not encode PNG: the image has no pixels") }
        let rowsPerBand = max(1, bandRows ?? Self.bandRows(width: width))
        let bands = (height + rowsPerBand - 1) / rowsPerBand
        // Drawn first as opaque RGB, which a map always is (its paper is painted first); a band that finds a pixel
        // that is not opaque stops the pass, and the image is encoded again with alpha.
        var parts = try encodeBands(width: width, height: height, rowsPerBand: rowsPerBand, bands: bands,
                                    channels: 3, source: source)
        let opaque = parts != nil
        if parts == nil {
            parts = try encodeBands(width: width, height: height, rowsPerBand: rowsPerBand, bands: bands,
                                    channels: 4, source: source)
        }
        guard let parts else { throw CanvasError("could not encode PNG: the image did not compress") }
        var idat: [UInt8] = [0x78, 0x5E]  // deflate, 32 KiB window; the check bits make the pair a multiple of 31
        idat.reserveCapacity(parts.reduce(16) { $0 + $1.bytes.count + 8 })
        var adler = parts[0].adler32
        for (index, part) in parts.enumerated() {
            if index > 0 { adler = DeflateJoin.combinedAdler32(adler, part.adler32, secondCount: part.inputCount) }
            if let ends = part.ends {
                part.bytes.withUnsafeBufferPointer { DeflateJoin.append($0, ends, into: &idat) }
            } else {
                idat += part.bytes
            }
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

    /// `data` holds `height` rows of `stride` bytes, each pixel Cairo's ARGB32 (premultiplied, native order).
    static func encode(_ data: UnsafeRawPointer, width: Int, height: Int, stride: Int) throws -> [UInt8] {
        try encode(width: width, height: height) { rows, image, imageStride in
            for row in rows {
                (image + row * imageStride).copyMemory(from: data + row * stride, byteCount: width * 4)
            }
        }
    }

    /// Every band's compressed part in order, or nil when `channels` is 3 and a pixel is not opaque.
    private static func encodeBands(width: Int, height: Int, rowsPerBand: Int, bands: Int, channels: Int,
                                    source: RowSource) throws -> [CompressedPart]? {
        let shared = BandQueue(count: bands, rowBytes: width * 4)
        // The helper thread is done before this returns; the thread object may live on, so it holds the source
        // only through a box that lets go of it here.
        withoutActuallyEscaping(source) { source in
            let box = SourceBox(source)
            defer { box.source = nil }
            let work = { @Sendable () in
                guard let encoder = BandEncoder(width: width, height: height, rows: rowsPerBand, channels: channels) else {
                    return shared.fail(CanvasError("could not encode PNG: no memory for its bands"))
                }
                defer { encoder.deallocate() }
                while let band = shared.next(), let source = box.source {
                    let rows = (band * rowsPerBand)..<min(height, (band + 1) * rowsPerBand)
                    shared.finish(band, Result {
                        try encoder.encode(band, rows: rows, last: band == bands - 1, shared: shared, source: source)
                    })
                }
            }
            // A thread of its own, not a dispatch job: the encoder runs inside the render's own parallel jobs, and
            // a nested parallel loop there runs its iterations one after the other.
            guard bands > 1 else { return work() }
            let done = DispatchSemaphore(value: 0)
            Thread {
                work()
                done.signal()
            }.start()
            work()
            done.wait()
        }
        return try shared.parts()
    }

    /// A part of the filtered image as a raw DEFLATE stream, with what joining it to others needs.
    struct CompressedPart {
        var bytes: [UInt8]
        /// Where the stream's final block starts and where it ends, when asked for.
        var ends: DeflateJoin.Ends?
        var adler32: UInt32
        var inputCount: Int

        init?(_ input: UnsafeBufferPointer<UInt8>, compressor: OpaquePointer, findingEnds: Bool) {
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

    /// One row of Cairo pixels as straight (not premultiplied) RGB or RGBA bytes; false when writing RGB and a
    /// pixel is not opaque (its alpha is then lost).
    @_optimize(speed)
    static func straighten(_ pixels: UnsafePointer<UInt32>, width: Int, channels: Int,
                                   into output: UnsafeMutableBufferPointer<UInt8>) -> Bool {
        if channels == 3 {
            // Opaque: no division, only the bytes reordered, four pixels at a time where the order is known.
            let out = output.baseAddress!
            var column = 0
            var alphas: UInt8 = 0xFF
            #if _endian(little)
            while column + 4 <= width {
                let four = UnsafeRawPointer(pixels + column).loadUnaligned(as: SIMD16<UInt8>.self)
                // Native order is B, G, R, A per pixel on little-endian machines; PNG wants R, G, B.
                let rgb = SIMD16<UInt8>(four[2], four[1], four[0], four[6], four[5], four[4], four[10], four[9],
                                        four[8], four[14], four[13], four[12], 0, 0, 0, 0)
                alphas &= four[3] & four[7] & four[11] & four[15]
                withUnsafeBytes(of: rgb) {
                    UnsafeMutableRawPointer(out + column * 3).copyMemory(from: $0.baseAddress!, byteCount: 12)
                }
                column += 4
            }
            #endif
            while column < width {
                let pixel = pixels[column]
                alphas &= UInt8(pixel >> 24)
                out[column * 3] = UInt8((pixel >> 16) & 0xFF)
                out[column * 3 + 1] = UInt8((pixel >> 8) & 0xFF)
                out[column * 3 + 2] = UInt8(pixel & 0xFF)
                column += 1
            }
            return alphas == 0xFF
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
            output[index + 3] = UInt8(alpha)
            index += 4
        }
        return true
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
