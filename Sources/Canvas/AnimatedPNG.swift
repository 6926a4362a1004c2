/// Joins PNG files of one size into an animated PNG (APNG), which browsers play and other viewers show as its
/// first frame. The frames' compressed data is copied, not re-encoded: the first frame's IDAT chunks stay the
/// default image, the others become fdAT chunks, each frame after an fcTL chunk with its delay.
public enum AnimatedPNG {
    /// - Parameters:
    ///   - frames: PNG files as `Canvas` writes them, all with one header (size, bit depth, colour type).
    ///   - delaysMs: how long each frame shows, in milliseconds (at most 65,535).
    ///   - plays: how many times the animation runs; 0 loops forever.
    public static func assemble(frames: [[UInt8]], delaysMs: [Int], plays: Int = 0) throws -> [UInt8] {
        guard !frames.isEmpty, frames.count == delaysMs.count else {
            throw CanvasError("an animation needs one delay per frame and at least one frame")
        }
        let parsed = try frames.map(PNGChunk.read)
        // `PNGChunk.read` makes sure every file starts with its header.
        let header = parsed[0][0]
        for (index, chunks) in parsed.enumerated() where chunks[0].data != header.data {
            throw CanvasError("frame \(index + 1) of the animation differs from the first in size or pixel format")
        }
        var output: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        // Chunks before the first frame's data (header, colour space) describe every frame.
        let leading = parsed[0].prefix { $0.type != "IDAT" }
        for chunk in leading {
            chunk.write(to: &output)
            if chunk.type == "IHDR" {
                PNGChunk(type: "acTL", data: bigEndian(UInt32(frames.count)) + bigEndian(UInt32(plays)))
                    .write(to: &output)
            }
        }
        var sequence: UInt32 = 0
        for (index, chunks) in parsed.enumerated() {
            let delay = UInt16(clamping: delaysMs[index])
            // Width and height, offset 0,0; the delay in ms; dispose none, blend source: each frame is whole.
            let control = bigEndian(sequence) + Array(header.data[0..<8]) + bigEndian(UInt32(0)) + bigEndian(UInt32(0))
                + bigEndian(delay) + bigEndian(UInt16(1000)) + [0, 0]
            PNGChunk(type: "fcTL", data: control).write(to: &output)
            sequence += 1
            for chunk in chunks where chunk.type == "IDAT" {
                if index == 0 {
                    chunk.write(to: &output)
                } else {
                    PNGChunk(type: "fdAT", data: bigEndian(sequence) + chunk.data).write(to: &output)
                    sequence += 1
                }
            }
        }
        PNGChunk(type: "IEND", data: []).write(to: &output)
        return output
    }

    private static func bigEndian<T: FixedWidthInteger>(_ value: T) -> [UInt8] {
        withUnsafeBytes(of: value.bigEndian, Array.init)
    }
}

/// One chunk of a PNG file: its four-letter type and its data.
public struct PNGChunk: Hashable, Sendable {
    public var type: String
    public var data: [UInt8]

    /// The chunks of a PNG file, in order, each checked against its CRC.
    public static func read(_ bytes: [UInt8]) throws -> [PNGChunk] {
        guard bytes.count >= 8, bytes.prefix(8).elementsEqual([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) else {
            throw CanvasError("not a PNG file")
        }
        var chunks = [PNGChunk]()
        var offset = 8
        while offset + 12 <= bytes.count {
            let length = bytes[offset..<offset + 4].reduce(0) { $0 << 8 | Int($1) }
            guard offset + 12 + length <= bytes.count else { break }
            let typeBytes = Array(bytes[offset + 4..<offset + 8])
            let chunk = PNGChunk(type: String(decoding: typeBytes, as: UTF8.self),
                                 data: Array(bytes[offset + 8..<offset + 8 + length]))
            let stored = bytes[offset + 8 + length..<offset + 12 + length].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
            guard CRC32.checksum(typeBytes, chunk.data) == stored else {
                throw CanvasError("PNG chunk \(chunk.type) at byte \(offset) fails its CRC")
            }
            chunks.append(chunk)
            offset += 12 + length
        }
        guard offset == bytes.count, chunks.first?.type == "IHDR", chunks.last?.type == "IEND" else {
            throw CanvasError("PNG file is truncated or has bytes after its end")
        }
        return chunks
    }

    func write(to output: inout [UInt8]) {
        let typeBytes = Array(type.utf8)
        output += withUnsafeBytes(of: UInt32(data.count).bigEndian, Array.init)
        output += typeBytes
        output += data
        output += withUnsafeBytes(of: CRC32.checksum(typeBytes, data).bigEndian, Array.init)
    }
}
