import Foundation
import GovLanguage

/// What an expression evaluates to. Counts are `Int` with overflow checked; amounts are `Decimal`, never
/// binary floating point, so 514.4 stays exactly 514.4.
package enum Value: Sendable, Equatable {
    case integer(Int)
    /// An amount and, when it came straight from a literal, the text as written.
    case amount(Decimal, String?)
    case text(String)
    case bool(Bool)

    /// How the value reads inside a paragraph.
    package var display: String {
        switch self {
        case .integer(let value): return String(value)
        case .amount(let value, let text): return text ?? value.plainString
        case .text(let text): return text
        case .bool(let value): return value ? "是" : "否"
        }
    }

    var typeName: String {
        switch self {
        case .integer: return "整数"
        case .amount: return "金额"
        case .text: return "文字"
        case .bool: return "真假值"
        }
    }

    var decimal: Decimal? {
        switch self {
        case .integer(let value): return Decimal(value)
        case .amount(let value, _): return value
        default: return nil
        }
    }
}

extension Decimal {
    /// The decimal in plain digits ("514.4", "-3"), independent of the process locale.
    package var plainString: String {
        var copy = self
        return NSDecimalString(&copy, Locale(identifier: "en_US_POSIX"))
    }
}
