/// JSON written byte for byte as Foundation's `JSONEncoder` writes it with `.prettyPrinted`, `.sortedKeys` and
/// `.withoutEscapingSlashes`: two spaces an indent level, `"key" : value`, an empty array or object as its
/// brackets around an empty line, and keys in the order the caller gives (callers list them sorted).
///
/// Why not the encoder: `gov check --format json` encodes every finding and rule instance of every script,
/// and `JSONEncoder` (a tree of boxed values, then a serializer) made that half again the cost of checking:
/// 110 M of 342 M instructions for 300 scripts (callgrind). `JSONWriterTests` holds the two to the same bytes.
package struct JSONWriter {
    package private(set) var bytes: [UInt8] = []
    private var depth: Int
    /// Whether the value being written follows a sibling (and so needs a comma first).
    private var followsSibling = false

    /// A writer whose value is `depth` levels in, as an element of an array that deep is laid out (its first
    /// line indented), or as a member's value (not).
    package init(depth: Int = 0, indentingFirstLine: Bool = true) {
        self.depth = depth
        bytes.reserveCapacity(512)
        if indentingFirstLine { indent() }
    }

    // MARK: - Containers

    package mutating func beginObject() { open(UInt8(ascii: "{")) }
    package mutating func endObject() { close(UInt8(ascii: "}")) }
    package mutating func beginArray() { open(UInt8(ascii: "[")) }
    package mutating func endArray() { close(UInt8(ascii: "]")) }

    /// Starts an object member: the value written next is `key`'s.
    package mutating func key(_ key: StaticString) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        append(key)
        append("\" : ")
        followsSibling = false
    }

    /// Starts an array element: the value written next is it.
    package mutating func element() {
        separate()
        followsSibling = false
    }

    private mutating func open(_ bracket: UInt8) {
        bytes.append(bracket)
        bytes.append(UInt8(ascii: "\n"))
        depth += 1
        followsSibling = false
    }

    private mutating func close(_ bracket: UInt8) {
        bytes.append(UInt8(ascii: "\n"))
        depth -= 1
        indent()
        bytes.append(bracket)
        followsSibling = true
    }

    private mutating func separate() {
        if followsSibling {
            bytes.append(UInt8(ascii: ","))
            bytes.append(UInt8(ascii: "\n"))
        }
        indent()
    }

    private mutating func indent() {
        for _ in 0..<max(0, depth * 2) { bytes.append(UInt8(ascii: " ")) }
    }

    // MARK: - Values

    package mutating func value(_ number: Int) {
        var digits = String(number)
        digits.withUTF8 { bytes.append(contentsOf: $0) }
        followsSibling = true
    }

    /// A string, escaped as the encoder escapes: quote, backslash, and control characters (the common ones by
    /// letter, the rest as `\u00XX`); a slash and everything else as it is. Runs between escapes are copied
    /// whole.
    package mutating func value(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { utf8 in
            var runStart = 0
            for (offset, byte) in utf8.enumerated() where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<offset]))
                escape(byte)
                runStart = offset + 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...]))
        }
        bytes.append(UInt8(ascii: "\""))
        followsSibling = true
    }

    private mutating func escape(_ byte: UInt8) {
        switch byte {
        case UInt8(ascii: "\""): append("\\\"")
        case UInt8(ascii: "\\"): append("\\\\")
        case 0x0A: append("\\n")
        case 0x0D: append("\\r")
        case 0x09: append("\\t")
        case 0x08: append("\\b")
        case 0x0C: append("\\f")
        default:
            append("\\u00")
            bytes.append(JSONWriter.hexDigit(byte >> 4))
            bytes.append(JSONWriter.hexDigit(byte & 0x0F))
        }
    }

    private mutating func append(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    private static func hexDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "a") + value - 10
    }

    // MARK: - Members

    package mutating func field(_ key: StaticString, _ number: Int) {
        self.key(key)
        value(number)
    }

    /// A member whose value is text; none at all when it is nil, as the encoder leaves out a nil optional.
    package mutating func field(_ key: StaticString, _ text: String?) {
        guard let text else { return }
        self.key(key)
        value(text)
    }
}

/// A value that writes itself as `JSONEncoder` would encode it (see `JSONWriter`).
package protocol JSONWritable {
    func write(to writer: inout JSONWriter)
}

extension JSONWritable {
    /// This value alone, `depth` levels in (see `JSONWriter.init`).
    package func json(depth: Int = 0, indentingFirstLine: Bool = true) -> [UInt8] {
        var writer = JSONWriter(depth: depth, indentingFirstLine: indentingFirstLine)
        write(to: &writer)
        return writer.bytes
    }
}

extension JSONWriter {
    /// A member whose value is an optional object or array: left out when nil.
    package mutating func field(_ key: StaticString, _ value: (some JSONWritable)?) {
        guard let value else { return }
        self.key(key)
        value.write(to: &self)
    }

    /// A member whose value is an array of objects.
    package mutating func field(_ key: StaticString, _ values: [some JSONWritable]) {
        self.key(key)
        beginArray()
        for value in values {
            element()
            value.write(to: &self)
        }
        endArray()
    }
}
