import Foundation
import GovIDE

/// The requests an editor makes about a document. Each finds the open document, converts the protocol's
/// UTF-16 positions to byte offsets, asks the analysis, and converts the answer back.
extension LanguageServer {
    func initializeResult() -> JSON {
        [
        "capabilities": [
            "positionEncoding": "utf-16",
            "textDocumentSync": ["openClose": true, "change": 2, "save": false],
            "hoverProvider": true,
            "completionProvider": ["triggerCharacters": [".", "{", "\"", "/"], "resolveProvider": false],
            "definitionProvider": true,
            "documentFormattingProvider": true,
            "codeActionProvider": ["codeActionKinds": ["quickfix", "refactor.rewrite"]],
            "documentSymbolProvider": true,
        ],
        "serverInfo": ["name": "gov", "version": .string(options.serverVersion)],
        ]
    }

    /// The document a request is about, or the error that answers it.
    func document(_ params: JSON) -> Result<OpenDocuments.Document, RequestError> {
        guard let uri = params["textDocument"]?["uri"]?.string else {
            return .failure(RequestError(code: ErrorCode.invalidParams, message: "textDocument.uri is missing"))
        }
        guard let document = documents[uri] else {
            return .failure(RequestError(code: ErrorCode.invalidParams, message: "\(uri) is not open"))
        }
        return .success(document)
    }

    /// The document and the byte offset of `params.position`.
    func documentAndOffset(_ params: JSON) -> Result<(OpenDocuments.Document, Int), RequestError> {
        document(params).flatMap { document in
            guard let position = LanguageServer.position(params["position"]) else {
                return .failure(RequestError(code: ErrorCode.invalidParams, message: "position is missing"))
            }
            return .success((document, document.index.offset(of: position)))
        }
    }

    func hover(_ params: JSON) -> Result<JSON, RequestError> {
        documentAndOffset(params).map { document, offset in
            guard let checked = documents.check(uri: document.uri),
                let info = Hover.info(at: offset, in: checked)
            else { return .null }
            return ["contents": ["kind": "markdown", "value": .string(info.text)], "range": values(for: document).range(info.range)]
        }
    }

    func completion(_ params: JSON) -> Result<JSON, RequestError> {
        documentAndOffset(params).map { document, offset in
            guard let checked = documents.check(uri: document.uri) else { return .null }
            let list = Completions.at(offset, in: checked)
            let range = values(for: document).range(list.replacing)
            let items: [JSON] = list.items.map { item in
                [
                    "label": .string(item.label), "kind": .int(LanguageServer.completionKind(item.kind)),
                    "detail": .string(item.detail), "textEdit": ["range": range, "newText": .string(item.insertText)],
                    "filterText": .string(item.insertText),
                ]
            }
            // Incomplete: the list holds only what starts with the word so far, so the editor asks again as it changes.
            return ["isIncomplete": true, "items": .array(items)]
        }
    }

    func definition(_ params: JSON) -> Result<JSON, RequestError> {
        documentAndOffset(params).map { document, offset in
            guard let checked = documents.check(uri: document.uri), let place = Definition.target(at: offset, in: checked) else {
                return .null
            }
            return values(for: document).location(place) ?? .null
        }
    }

    func formatting(_ params: JSON) -> Result<JSON, RequestError> {
        document(params).map { document in
            values(for: document).textEdits(Formatting.edits(text: document.index.bytes, path: document.path))
        }
    }

    func codeActions(_ params: JSON) -> Result<JSON, RequestError> {
        document(params).map { document in
            guard let checked = documents.check(uri: document.uri),
                let from = LanguageServer.position(params["range"]?["start"]),
                let to = LanguageServer.position(params["range"]?["end"])
            else { return [] }
            let values = values(for: document)
            let range = document.index.offset(of: from)..<max(document.index.offset(of: from), document.index.offset(of: to))
            return .array(
                CodeActions.actions(for: range, in: checked, snapshot: documents.snapshot).map { action in
                    var members: [String: JSON] = [
                        "title": .string(action.title), "kind": "quickfix", "isPreferred": .bool(action.isPreferred),
                        "edit": ["changes": .object([document.uri: values.textEdits(action.edits)])],
                    ]
                    if let finding = action.finding {
                        members["diagnostics"] = [values.diagnostic(finding)]
                    } else {
                        members["kind"] = "refactor.rewrite"
                    }
                    return .object(members)
                })
        }
    }

    func symbols(_ params: JSON) -> Result<JSON, RequestError> {
        document(params).map { document in
            let values = values(for: document)
            return .array(DocumentSymbols.outline(text: document.index.bytes, path: document.path).map(values.symbol))
        }
    }

    static func completionKind(_ kind: Completions.Kind) -> Int {
        switch kind {
        case .keyword: return 14
        case .name: return 12  // Value
        case .path: return 10  // Property
        case .file: return 17
        case .binding: return 6  // Variable
        }
    }
}
