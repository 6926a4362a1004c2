import Foundation
import Gazetteer
import Testing

/// Files read whole without Foundation's readers: the same bytes, and each refusal with its message.
struct FileBytesTests {
    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("filebytes-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    func write(_ bytes: [UInt8], _ name: String) throws -> URL {
        let url = folder.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url
    }

    @Test(arguments: [0, 1, 4095, 4096, 70_001])
    func bytesAreTheFilesBytes(count: Int) throws {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let url = try write(bytes, "file-\(count)")
        #expect(try FileBytes.bytes(url.path).get() == bytes)
        #expect(try FileBytes.data(url.path).get() == Data(bytes))
        #expect(try FileBytes.data(url.path, limit: count).get().count == count)
        try FileManager.default.removeItem(at: folder)
    }

    @Test func refusalsSayWhy() throws {
        let url = try write(Array(repeating: 65, count: 100), "hundred.csv")
        #expect(FileBytes.bytes(url.path, limit: 99) == .failure(.tooLarge))
        #expect(FileBytes.bytes(folder.path) == .failure(.folder))
        #expect(FileBytes.data(folder.appendingPathComponent("missing.csv").path) == .failure(.unreadable))
        try FileManager.default.removeItem(at: folder)
    }

    @Test func inputTextLocatesEachRefusalAtTheFilesStart() throws {
        let url = try write(Array("a,b\n1,2\n".utf8), "small.csv")
        #expect(try InputText.data(url, file: "small.csv") == Data("a,b\n1,2\n".utf8))
        var small = InputLimits()
        small.fileBytes = 4
        let cases: [(URL, InputLimits, String)] = [
            (folder, InputLimits(), "this is a folder; give the path of a file"),
            (folder.appendingPathComponent("missing.csv"), InputLimits(),
             "cannot read the file; check that it exists and is readable"),
            (url, small, "the file has"),
        ]
        for (target, limits, message) in cases {
            let error = try #require(throws: InputError.self) { try InputText.data(target, file: "f.csv", limits: limits) }
            #expect(error.description.hasPrefix("f.csv:1:1: error: \(message)"), "\(error.description)")
        }
        try FileManager.default.removeItem(at: folder)
    }
}
