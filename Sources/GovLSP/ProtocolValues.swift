import GovIDE
import GovLanguage

/// The analysis's plain values as protocol JSON: byte ranges become UTF-16 positions here and nowhere else.
struct ProtocolValues {
    let index: LineIndex
    let uri: String
    /// Indexes of other files named by related information (read once per publication).
    var otherFiles: (String) -> LineIndex?

    func range(_ bytes: Range<Int>) -> JSON {
        range(bytes, in: index)
    }

    func range(_ bytes: Range<Int>, in index: LineIndex) -> JSON {
        ["start": position(index.position(of: bytes.lowerBound)), "end": position(index.position(of: bytes.upperBound))]
    }

    func position(_ position: LineIndex.Position) -> JSON {
        ["line": .int(position.line), "character": .int(position.character)]
    }

    func diagnostic(_ finding: Finding) -> JSON {
        var members: [String: JSON] = [
            "range": range(finding.range),
            "severity": .int(ProtocolValues.severity(finding.severity)),
            "code": .string(finding.code),
            "source": "gov",
            "message": .string(finding.message),
        ]
        let related: [JSON] = finding.related.compactMap { item in
            guard let location = location(item.place) else { return nil }
            return ["location": location, "message": .string(item.message)]
        }
        if !related.isEmpty { members["relatedInformation"] = .array(related) }
        return .object(members)
    }

    /// A place in this document or another file (read from disk or the open buffers to count its UTF-16).
    func location(_ place: Place) -> JSON? {
        let placeURI = DocumentURI.uri(of: place.path)
        if place.path == DocumentURI.path(of: uri) { return ["uri": .string(uri), "range": range(place.range)] }
        guard let other = otherFiles(place.path) else {
            return ["uri": .string(placeURI), "range": range(0..<0, in: LineIndex([]))]
        }
        return ["uri": .string(placeURI), "range": range(place.range, in: other)]
    }

    func textEdits(_ edits: [Edit]) -> JSON {
        .array(edits.map { ["range": range($0.range), "newText": .string($0.newText)] })
    }

    func symbol(_ symbol: DocumentSymbol) -> JSON {
        var members: [String: JSON] = [
            "name": .string(symbol.name.isEmpty ? "?" : symbol.name),
            "detail": .string(symbol.detail),
            "kind": .int(ProtocolValues.kind(symbol.kind)),
            "range": range(symbol.range),
            "selectionRange": range(symbol.selection),
        ]
        if !symbol.children.isEmpty { members["children"] = .array(symbol.children.map(self.symbol)) }
        return .object(members)
    }

    static func severity(_ severity: Severity) -> Int {
        switch severity {
        case .error: return 1
        case .warning: return 2
        case .note: return 3
        }
    }

    /// SymbolKind numbers of the protocol.
    static func kind(_ kind: DocumentSymbol.Kind) -> Int {
        switch kind {
        case .section: return 3  // Namespace
        case .heading: return 15  // String
        case .table: return 18  // Array
        case .binding: return 13  // Variable
        case .header: return 7  // Property
        }
    }
}
