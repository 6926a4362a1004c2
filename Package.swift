// swift-tools-version: 6.0
import Foundation
import PackageDescription

let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().path

// A release binary carries the Swift runtime and Foundation in itself: loading them as a dozen shared libraries
// resolved some 30,000 symbols at every start, two thirds of a short command's time. Debug builds and the tests
// keep the shared ones (the tests' runner links them).
// It is linked by the toolchain's lld so that its 100,000 relative relocations are packed (`pack-relative-relocs`:
// 2.5 MB of relocation records that every start read, now 20 KB), and exports no symbols (nothing loads it as a
// library). The code that commands run is placed together (`scripts/link-order.txt`, written by
// `scripts/link-order.sh`): scattered, it kept some 14 MB of the binary's pages resident; placed together, 9.
let staticSwiftInRelease: [LinkerSetting] = [
    .unsafeFlags(["-static-stdlib", "-use-ld=lld", "-Xlinker", "-z", "-Xlinker", "pack-relative-relocs",
                  "-Xlinker", "--no-export-dynamic",
                  "-Xlinker", "--symbol-ordering-file=\(packageRoot)/scripts/link-order.txt",
                  "-Xlinker", "--no-warn-symbol-ordering"],
                 .when(configuration: .release))
]
let staticSwiftLibrariesInRelease: [SwiftSetting] = [.unsafeFlags(["-static-stdlib"], .when(configuration: .release))]

let package = Package(
    name: "ControlMap",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "controlmap", targets: ["controlmap"]),
        .library(name: "ControlMapKit", targets: ["Gazetteer", "Claims", "Territory", "Cartography"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.5.0"),
    ],
    targets: [
        // MARK: - C libraries from Debian, one #include each
        .systemLibrary(name: "CGEOS", pkgConfig: "geos", providers: [.apt(["libgeos-dev"])]),
        // PROJ's headers only: libproj is opened by CPROJLoader while a command reads its inputs (see there).
        .systemLibrary(name: "CPROJ", providers: [.apt(["libproj-dev"])]),
        .target(name: "CPROJLoader", dependencies: ["CPROJ"]),
        .systemLibrary(
            name: "CCairo", pkgConfig: "pangocairo",
            providers: [.apt(["libcairo2-dev", "libpango1.0-dev", "fonts-noto-core"])]),
        .systemLibrary(name: "CDeflate", pkgConfig: "libdeflate", providers: [.apt(["libdeflate-dev"])]),
        .systemLibrary(name: "CQhull", pkgConfig: "qhull_r", providers: [.apt(["libqhull-dev"])]),
        // glibc's allocator settings (`mallopt`), which its Swift module leaves out.
        .systemLibrary(name: "CMalloc"),
        // GDAL's headers only: libgdal is opened on first use by CGDALLoader, since linking it would load over a
        // hundred libraries at every start.
        .systemLibrary(name: "CGDAL", providers: [.apt(["libgdal-dev"])]),
        .target(name: "CGDALLoader", dependencies: ["CGDAL"]),

        // MARK: - Thin wrappers: the only code that sees C pointers
        .target(name: "Geometry", dependencies: ["CGEOS", "CPROJ", "CPROJLoader", "CQhull"]),
        // Optimised in debug builds too: its PNG filter and fade masks loop over every pixel, and unoptimised
        // SIMD code runs a hundred times slower (a debug map would take twenty seconds, not one).
        .target(name: "Canvas", dependencies: ["CCairo", "CDeflate"],
                swiftSettings: [.unsafeFlags(["-O"], .when(configuration: .debug))]),
        .target(name: "GIS", dependencies: ["CGDAL", "CGDALLoader", "Geometry"]),

        // MARK: - Plane geometry in Swift: the Voronoi cells, their arrangement and topology
        .target(name: "Planar", dependencies: ["Geometry"]),

        // MARK: - The pipeline, one module per stage
        .target(name: "Gazetteer", dependencies: ["Geometry", "CDeflate"]),
        .target(name: "Claims", dependencies: ["Gazetteer", "Geometry", .product(name: "Yams", package: "Yams")]),
        .target(name: "Territory", dependencies: ["Claims", "Geometry", "Planar", "GIS"]),
        .target(name: "Cartography", dependencies: ["Territory", "Canvas", "GIS"]),

        // MARK: - The ends: inputs loaded and checked, files written, maps served
        .target(name: "Storage", dependencies: ["Gazetteer", "Claims", "Territory", "Planar", "Cartography", "Geometry"]),
        .target(
            name: "Server",
            dependencies: [
                "Storage", "Gazetteer", "Claims", "Territory", "Cartography",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ]),
        .executableTarget(
            name: "controlmap",
            dependencies: [
                "Gazetteer", "Claims", "Territory", "Cartography", "Storage", "Server", "GIS",
                .target(name: "CMalloc", condition: .when(platforms: [.linux])),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: staticSwiftLibrariesInRelease, linkerSettings: staticSwiftInRelease),
        .executableTarget(name: "geometry-cycles", dependencies: ["Geometry"]),
        .executableTarget(
            name: "controlmap-bench", dependencies: ["Gazetteer", "Claims", "Planar", "Territory", "Cartography", "Storage"],
            swiftSettings: staticSwiftLibrariesInRelease, linkerSettings: staticSwiftInRelease),
        .executableTarget(name: "controlmap-fuzz", dependencies: ["Gazetteer", "Claims"]),

        // MARK: - Tests mirror the sources
        .testTarget(name: "GeometryTests", dependencies: ["Geometry", "geometry-cycles"]),
        .testTarget(name: "PlanarTests", dependencies: ["Planar", "Geometry"]),
        .testTarget(name: "CanvasTests", dependencies: ["Canvas"]),
        .testTarget(name: "GazetteerTests", dependencies: ["Gazetteer"], exclude: ["Fixtures"]),
        .testTarget(name: "ClaimsTests", dependencies: ["Claims"]),
        .testTarget(name: "TerritoryTests", dependencies: ["Territory", "Planar"]),
        .testTarget(name: "CartographyTests", dependencies: ["Cartography", "GIS"]),
        .testTarget(
            name: "controlmapTests", dependencies: ["controlmap", "Gazetteer", "Geometry"], exclude: ["Fixtures"]),
        .testTarget(
            name: "ServerTests",
            dependencies: [
                "Server", "Storage", .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]),
    ],
    swiftLanguageModes: [.v6]
)
