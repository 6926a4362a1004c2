// Creates and destroys GEOS geometries in a loop and prints the resident memory (KiB) after a warm-up
// and after N more cycles, so a test can see from outside whether the wrapper leaks.
import Foundation
import Geometry

func residentKiB() -> Int {
    let statm = (try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8)) ?? "0 0"
    return (Int(statm.split(separator: " ")[1]) ?? 0) * Int(sysconf(Int32(_SC_PAGESIZE))) / 1024
}

let cycles = CommandLine.arguments.dropFirst().first.flatMap(Int.init) ?? 10_000
let square = try MultiPolygon(wkt: "POLYGON((0 0, 1 0, 1 1, 0 1, 0 0))")
let other = try MultiPolygon(wkt: "POLYGON((0.5 0.5, 2 0.5, 2 2, 0.5 2, 0.5 0.5))")
for _ in 0..<cycles { _ = try square.intersection(with: other).boundary() }
let before = residentKiB()
for _ in 0..<cycles { _ = try square.intersection(with: other).boundary() }
print(before, residentKiB())
