internal import CDeflate
import Foundation
import Glibc

extension PNGWriter {
    /// The rows' source, given up once every band is encoded.
    final class SourceBox: @unchecked Sendable {
        var source: RowSource?

        init(_ source: @escaping RowSource) {
            self.source = source
        }
    }

    /// Hands out bands in order, lets them be drawn one at a time in order, passes each band the last row drawn
    /// before it, and keeps each band's outcome.
    final class BandQueue: @unchecked Sendable {
        private let condition = NSCondition()
        private var nextBand = 0
        private var nextToDraw = 0
        private var outcomes: [Result<CompressedPart?, Error>?]
        private var stopped = false
        private var failure: Error?
        /// The pixels of the last row drawn so far.
        private let lastRow: UnsafeMutableRawPointer
        private let rowBytes: Int

        init(count: Int, rowBytes: Int) {
            outcomes = Array(repeating: nil, count: count)
            self.rowBytes = rowBytes
            lastRow = .allocate(byteCount: rowBytes, alignment: 16)
        }

        deinit { lastRow.deallocate() }

        /// The next band to encode, or nil when every band is taken or one has failed or found translucency.
        func next() -> Int? {
            condition.lock()
            defer { condition.unlock() }
            guard !stopped, nextBand < outcomes.count else { return nil }
            nextBand += 1
            return nextBand - 1
        }

        /// Draws `band` once the bands before it are drawn, the row above it copied into `above` first. A band's
        /// row above is the previous band's last row as drawn there, not drawn again: drawn as part of another
        /// band, antialiased edges can differ in a bit, and the filters of the rows below would carry the
        /// difference down the image. False when the encoding has stopped.
        func draw(_ band: Int, above: UnsafeMutableRawPointer, _ body: () throws -> UnsafeRawPointer) throws -> Bool {
            condition.lock()
            while nextToDraw != band && !stopped { condition.wait() }
            guard !stopped else {
                condition.unlock()
                return false
            }
            above.copyMemory(from: lastRow, byteCount: rowBytes)
            condition.unlock()
            // Only this band may draw now; the others wait for their turn.
            let drawn = Result { try body() }
            condition.lock()
            defer { condition.unlock() }
            if case .success(let row) = drawn { lastRow.copyMemory(from: row, byteCount: rowBytes) }
            nextToDraw += 1
            condition.broadcast()
            _ = try drawn.get()
            return true
        }

        /// Stops the encoding for a failure of no band in particular.
        func fail(_ error: Error) {
            condition.lock()
            defer { condition.unlock() }
            failure = failure ?? error
            stopped = true
            condition.broadcast()
        }

        func finish(_ band: Int, _ outcome: Result<CompressedPart?, Error>) {
            condition.lock()
            defer { condition.unlock() }
            outcomes[band] = outcome
            if case .success(let part) = outcome, part != nil { return }
            stopped = true
            condition.broadcast()
        }

        /// The parts in order; nil when a band was not opaque; a band's failure thrown first.
        func parts() throws -> [CompressedPart]? {
            condition.lock()
            defer { condition.unlock() }
            if let failure { throw failure }
            let parts = try outcomes.compactMap { try $0?.get() }
            return parts.count == outcomes.count ? parts : nil
        }
    }

    /// One thread's buffers: the address space of the whole image, where one band at a time is memory; the row
    /// above the band; both straightened rows; the filtered rows.
    struct BandEncoder {
        let width: Int, channels: Int, stride: Int
        let image: UnsafeMutableRawPointer, imageBytes: Int
        let abovePixels: UnsafeMutableRawPointer
        let filtered: UnsafeMutableBufferPointer<UInt8>
        let above: UnsafeMutableBufferPointer<UInt8>
        let current: UnsafeMutableBufferPointer<UInt8>
        let compressor: OpaquePointer

        init?(width: Int, height: Int, rows: Int, channels: Int) {
            (self.width, self.channels) = (width, channels)
            stride = width * 4
            imageBytes = Self.pages(height * stride)
            // Reserved, not memory: a band's pages are made memory while it is drawn and given back after.
            guard let image = mmap(nil, imageBytes, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0),
                  image != MAP_FAILED else { return nil }
            guard let compressor = libdeflate_alloc_compressor(PNGWriter.level) else {
                munmap(image, imageBytes)
                return nil
            }
            (self.image, self.compressor) = (image, compressor)
            abovePixels = UnsafeMutableRawPointer.allocate(byteCount: stride, alignment: 16)
            filtered = .allocate(capacity: rows * (width * channels + 1))
            above = .allocate(capacity: width * channels)
            current = .allocate(capacity: width * channels)
        }

        func deallocate() {
            munmap(image, imageBytes)
            abovePixels.deallocate()
            [filtered, above, current].forEach { $0.deallocate() }
            libdeflate_free_compressor(compressor)
        }

        private static func pages(_ bytes: Int) -> Int {
            let page = Int(sysconf(Int32(_SC_PAGESIZE)))
            return (bytes + page - 1) / page * page
        }

        /// The whole pages that hold `rows`, as an offset and a length in the image.
        private func pages(holding rows: Range<Int>) -> (offset: Int, count: Int) {
            let page = Int(sysconf(Int32(_SC_PAGESIZE)))
            let start = rows.lowerBound * stride / page * page
            return (start, min(imageBytes, Self.pages(rows.upperBound * stride)) - start)
        }

        /// The band's rows filtered and compressed; nil when drawing RGB and a pixel is not opaque, or when the
        /// encoding has stopped.
        func encode(_ band: Int, rows: Range<Int>, last: Bool, shared: BandQueue, source: RowSource) throws
            -> CompressedPart? {
            let (image, stride) = (self.image, self.stride)
            let pages = pages(holding: rows)
            guard mmap(image + pages.offset, pages.count, PROT_READ | PROT_WRITE,
                       MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0) != MAP_FAILED else {
                throw CanvasError("could not encode PNG: no memory for a band of \(rows.count) rows")
            }
            // Given back as soon as the rows are filtered: only the filtered band waits for compression.
            var released = false
            func release() {
                guard !released else { return }
                released = true
                _ = mmap(image + pages.offset, pages.count, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0)
            }
            defer { release() }
            guard try shared.draw(band, above: abovePixels, {
                try source(rows, image, stride)
                return UnsafeRawPointer(image + (rows.upperBound - 1) * stride)
            }) else { return nil }
            let rowBytes = width * channels
            var opaque = true
            if band > 0 {
                opaque = straighten(abovePixels.assumingMemoryBound(to: UInt32.self), width: width, channels: channels,
                                    into: above)
            } else {
                above.update(repeating: 0)
            }
            for (index, row) in rows.enumerated() {
                let pixels = (image + row * stride).assumingMemoryBound(to: UInt32.self)
                opaque = straighten(pixels, width: width, channels: channels, into: current) && opaque
                let line = UnsafeMutableBufferPointer(rebasing: filtered[(index * (rowBytes + 1))..<((index + 1) * (rowBytes + 1))])
                Filter.best(current, above: above, bytesPerPixel: channels, into: line)
                _ = above.update(fromContentsOf: current)
            }
            release()
            guard opaque || channels == 4 else { return nil }
            let input = UnsafeBufferPointer(rebasing: filtered[..<(rows.count * (rowBytes + 1))])
            // Joining needs to know where each band's stream ends, to the bit; the last band's is used whole.
            guard let part = CompressedPart(input, compressor: compressor, findingEnds: !last) else {
                throw CanvasError("could not encode PNG: the image did not compress")
            }
            return part
        }
    }
}
