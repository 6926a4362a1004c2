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

    /// One thread's buffers: a band's pixels, the row above the band, both straightened rows, the filtered rows.
    /// The band's memory lies just above address space as large as the image that is no memory at all: a band's
    /// rows are drawn at `origin(of:)`, so that its first row falls at the start of the band's memory and every
    /// row above it in the inaccessible space (a page more lies past the band), where a drawing that strayed out
    /// of its band would fault rather than write elsewhere. The same memory serves every band: no page is mapped, faulted in and cleared anew
    /// for each (a third of the encoding's time went to that), and drawing writes every pixel of a band's rows.
    struct BandEncoder {
        let width: Int, channels: Int, stride: Int
        /// The reservation: `belowBytes` of no access, `bandBytes` of memory, and a page of no access.
        let base: UnsafeMutableRawPointer, belowBytes: Int, bandBytes: Int
        let abovePixels: UnsafeMutableRawPointer
        let filtered: UnsafeMutableBufferPointer<UInt8>
        let above: UnsafeMutableBufferPointer<UInt8>
        let current: UnsafeMutableBufferPointer<UInt8>
        let compressor: OpaquePointer

        init?(width: Int, height: Int, rows: Int, channels: Int) {
            (self.width, self.channels) = (width, channels)
            stride = width * 4
            belowBytes = Self.pages(height * stride)
            bandBytes = Self.pages(min(rows, height) * stride)
            guard let base = mmap(nil, belowBytes + bandBytes + Self.pages(1), PROT_NONE,
                                  MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0), base != MAP_FAILED else { return nil }
            guard mprotect(base + belowBytes, bandBytes, PROT_READ | PROT_WRITE) == 0,
                  let compressor = libdeflate_alloc_compressor(PNGWriter.level) else {
                munmap(base, belowBytes + bandBytes + Self.pages(1))
                return nil
            }
            (self.base, self.compressor) = (base, compressor)
            abovePixels = UnsafeMutableRawPointer.allocate(byteCount: stride, alignment: 16)
            filtered = .allocate(capacity: rows * (width * channels + 1))
            above = .allocate(capacity: width * channels)
            current = .allocate(capacity: width * channels)
        }

        func deallocate() {
            munmap(base, belowBytes + bandBytes + Self.pages(1))
            abovePixels.deallocate()
            [filtered, above, current].forEach { $0.deallocate() }
            libdeflate_free_compressor(compressor)
        }

        private static func pages(_ bytes: Int) -> Int {
            let page = Int(sysconf(Int32(_SC_PAGESIZE)))
            return (bytes + page - 1) / page * page
        }

        /// Where row 0 of the image lies for a band starting at `firstRow`: its first row at the band's memory.
        func origin(of firstRow: Int) -> UnsafeMutableRawPointer {
            base + belowBytes - firstRow * stride
        }

        /// The band's rows filtered and compressed; nil when drawing RGB and a pixel is not opaque, or when the
        /// encoding has stopped.
        func encode(_ band: Int, rows: Range<Int>, last: Bool, shared: BandQueue, source: RowSource) throws
            -> CompressedPart? {
            precondition(rows.count * stride <= bandBytes, "a band fits its memory")
            let (image, stride) = (origin(of: rows.lowerBound), self.stride)
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
