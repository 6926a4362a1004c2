internal import CDeflate

/// CRC-32 (ISO-HDLC, as zlib computes it): the checksum of PNG chunks, computed by libdeflate, which folds sixteen
/// bytes at a time with carry-less multiplication where the processor has it.
public enum CRC32 {
    /// The checksum of `parts` one after the other, as of one array of them all.
    public static func checksum(_ parts: [UInt8]...) -> UInt32 {
        parts.reduce(UInt32(0)) { crc, part in
            part.withUnsafeBytes { UInt32(libdeflate_crc32(crc, $0.baseAddress, $0.count)) }
        }
    }
}
