import Foundation

/// How a reader sees colours: with normal vision, or with one of the two common red-green deficiencies.
public enum ColourVision: String, CaseIterable, Sendable {
    case normal, deuteranopia, protanopia
}

/// A colour in CIE L*a*b* (D65 white), the space CIEDE2000 measures in.
public struct LabColour: Hashable, Sendable {
    public var lightness: Double
    public var a: Double
    public var b: Double

    public init(lightness: Double, a: Double, b: Double) {
        self.lightness = lightness
        self.a = a
        self.b = b
    }

    /// The CIEDE2000 colour difference ΔE₀₀ (Sharma, Wu and Dalal 2005), with kL = kC = kH = 1.
    public func difference(from other: LabColour) -> Double {
        ciede2000(self, other)
    }
}

extension RGBA {
    /// The colour as a reader with `vision` sees it. Deficiencies follow Machado, Oliveira and Fernandes
    /// (2009), "A physiologically-based model for simulation of color vision deficiency", at severity 1,
    /// applied to linear RGB; alpha is kept.
    public func seen(by vision: ColourVision) -> RGBA {
        let matrix: [[Double]]
        switch vision {
        case .normal: return self
        case .deuteranopia:
            matrix = [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.011820, 0.042940, 0.968881]]
        case .protanopia:
            matrix = [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]]
        }
        let linear = [red, green, blue].map(RGBA.linearised)
        let simulated = matrix.map { row in zip(row, linear).reduce(0) { $0 + $1.0 * $1.1 } }
            .map { RGBA.encoded(min(1, max(0, $0))) }
        return RGBA(red: simulated[0], green: simulated[1], blue: simulated[2], alpha: alpha)
    }

    /// The sRGB colour in CIE L*a*b*, alpha ignored.
    public var lab: LabColour {
        let (r, g, b) = (RGBA.linearised(red), RGBA.linearised(green), RGBA.linearised(blue))
        // sRGB primaries to XYZ, each relative to the D65 white point.
        let x = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / 0.95047
        let y = 0.2126729 * r + 0.7151522 * g + 0.0721750 * b
        let z = (0.0193339 * r + 0.1191920 * g + 0.9503041 * b) / 1.08883
        func f(_ t: Double) -> Double { t > 216.0 / 24389 ? cbrt(t) : (24389.0 / 27 * t + 16) / 116 }
        return LabColour(lightness: 116 * f(y) - 16, a: 500 * (f(x) - f(y)), b: 200 * (f(y) - f(z)))
    }

    /// The CIEDE2000 colour difference ΔE₀₀ between two colours (Sharma, Wu and Dalal 2005): about 1 is
    /// the smallest difference a reader notices side by side, above 10 two colours read as different.
    public func difference(from other: RGBA) -> Double {
        lab.difference(from: other.lab)
    }

    static func linearised(_ value: Double) -> Double {
        value <= 0.04045 ? value / 12.92 : pow((value + 0.055) / 1.055, 2.4)
    }

    static func encoded(_ value: Double) -> Double {
        value <= 0.0031308 ? value * 12.92 : 1.055 * pow(value, 1 / 2.4) - 0.055
    }
}

/// ΔE₀₀ written from Sharma, Wu and Dalal's equations.
private func ciede2000(_ one: LabColour, _ two: LabColour) -> Double {
    let degrees = 180 / Double.pi
    let chromaMean = (hypot(one.a, one.b) + hypot(two.a, two.b)) / 2
    let g = 0.5 * (1 - (pow(chromaMean, 7) / (pow(chromaMean, 7) + pow(25, 7))).squareRoot())
    let a1 = (1 + g) * one.a, a2 = (1 + g) * two.a
    let c1 = hypot(a1, one.b), c2 = hypot(a2, two.b)
    func hue(_ b: Double, _ a: Double) -> Double {
        guard b != 0 || a != 0 else { return 0 }
        let angle = atan2(b, a) * degrees
        return angle < 0 ? angle + 360 : angle
    }
    let h1 = hue(one.b, a1), h2 = hue(two.b, a2)
    let deltaL = two.lightness - one.lightness
    let deltaC = c2 - c1
    var deltaHue = 0.0
    if c1 * c2 != 0 {
        deltaHue = h2 - h1
        if deltaHue > 180 { deltaHue -= 360 } else if deltaHue < -180 { deltaHue += 360 }
    }
    let deltaH = 2 * (c1 * c2).squareRoot() * sin(deltaHue / 2 / degrees)
    let meanL = (one.lightness + two.lightness) / 2
    let meanC = (c1 + c2) / 2
    var meanHue = h1 + h2
    if c1 * c2 != 0 {
        if abs(h1 - h2) <= 180 {
            meanHue /= 2
        } else {
            meanHue = h1 + h2 < 360 ? (h1 + h2 + 360) / 2 : (h1 + h2 - 360) / 2
        }
    }
    let t = 1 - 0.17 * cos((meanHue - 30) / degrees) + 0.24 * cos(2 * meanHue / degrees)
        + 0.32 * cos((3 * meanHue + 6) / degrees) - 0.20 * cos((4 * meanHue - 63) / degrees)
    let deltaTheta = 30 * exp(-pow((meanHue - 275) / 25, 2))
    let rC = 2 * (pow(meanC, 7) / (pow(meanC, 7) + pow(25, 7))).squareRoot()
    let sL = 1 + 0.015 * pow(meanL - 50, 2) / (20 + pow(meanL - 50, 2)).squareRoot()
    let sC = 1 + 0.045 * meanC
    let sH = 1 + 0.015 * meanC * t
    let rT = -sin(2 * deltaTheta / degrees) * rC
    let terms = (deltaL / sL, deltaC / sC, deltaH / sH)
    return (terms.0 * terms.0 + terms.1 * terms.1 + terms.2 * terms.2 + rT * terms.1 * terms.2).squareRoot()
}
