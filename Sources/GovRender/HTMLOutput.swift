/// A page being written: markup and escaped text appended as UTF-8 bytes to one buffer.
///
/// Why bytes: the page was built from small strings, each cell's interpolated then appended, and a `String`
/// append cost about 400 instructions (its capacity and uniqueness checked, its flags kept), nineteen to a
/// cell: half of rendering a report as HTML (callgrind: 971 M of 2,048 M instructions for 300 scripts).
package struct HTMLOutput {
    package private(set) var bytes: [UInt8] = []

    package init(capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    /// Markup, as it is.
    package mutating func raw(_ markup: StaticString) {
        markup.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// Markup made at run time (a finished fragment, the style sheet), as it is. (Named apart from
    /// `raw`: a literal argument would pick the `String` overload, and copy through a string.)
    package mutating func markup(_ markup: String) {
        var markup = markup
        markup.withUTF8 { bytes.append(contentsOf: $0) }
    }

    /// Markup as UTF-8 bytes, as they are.
    package mutating func markup(_ utf8: UnsafeBufferPointer<UInt8>) {
        bytes.append(contentsOf: utf8)
    }

    /// Markup made at run time with one byte swapped for another throughout (`.` → `-` in an anchor).
    package mutating func markup(_ markup: String, replacing old: UInt8, with new: UInt8) {
        let start = bytes.count
        self.markup(markup)
        for index in start..<bytes.count where bytes[index] == old { bytes[index] = new }
    }

    package mutating func number(_ value: Int) {
        markup(String(value))
    }

    /// Text, with each byte HTML gives meaning to as its entity (`HTMLEscape`).
    package mutating func text(_ text: String) {
        var text = text
        text.withUTF8 { utf8 in
            var runStart = 0
            for (offset, byte) in utf8.enumerated() {
                guard let entity = HTMLEscape.entity(byte) else { continue }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<offset]))
                entity.withUTF8Buffer { bytes.append(contentsOf: $0) }
                runStart = offset + 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...]))
        }
    }

    /// The page as a string (it is valid UTF-8: every piece was).
    package var string: String { String(decoding: bytes, as: UTF8.self) }
}
