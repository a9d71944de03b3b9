import Foundation

/// A small JSON Schema (draft 2020-12) validator for the keywords docs/json-schema.json uses: type, const,
/// enum, required, properties, additionalProperties (false), items, minimum, oneOf and local $ref. Enough
/// to hold the renderer to its documented contract without a dependency.
struct JSONSchemaValidator {
    let root: [String: Any]

    init(schemaData: Data) throws {
        guard let root = try JSONSerialization.jsonObject(with: schemaData) as? [String: Any] else {
            throw CocoaError(.propertyListReadCorrupt)
        }
        self.root = root
    }

    /// Every violation as "path: problem"; empty when the instance is valid.
    func validate(_ instance: Any) -> [String] {
        var problems: [String] = []
        check(instance, against: root, at: "$", problems: &problems)
        return problems
    }

    private func check(_ value: Any, against schema: [String: Any], at path: String, problems: inout [String]) {
        if let reference = schema["$ref"] as? String {
            guard reference.hasPrefix("#/$defs/"), let defs = root["$defs"] as? [String: Any],
                let target = defs[String(reference.dropFirst("#/$defs/".count))] as? [String: Any]
            else {
                problems.append("\(path): unresolvable \(reference)")
                return
            }
            check(value, against: target, at: path, problems: &problems)
        }
        if let types = schema["type"] {
            let allowed = (types as? [String]) ?? [(types as? String) ?? ""]
            if !allowed.contains(where: { matches(value, type: $0) }) {
                problems.append("\(path): expected \(allowed.joined(separator: "|")), got \(Swift.type(of: value))")
                return
            }
        }
        if let constant = schema["const"], !equal(value, constant) { problems.append("\(path): expected \(constant)") }
        if let options = schema["enum"] as? [Any], !options.contains(where: { equal(value, $0) }) {
            problems.append("\(path): \(value) is not one of \(options)")
        }
        if let minimum = schema["minimum"] as? Double, let number = value as? NSNumber, number.doubleValue < minimum {
            problems.append("\(path): below minimum \(minimum)")
        }
        if let choices = schema["oneOf"] as? [[String: Any]] {
            let passing = choices.filter { choice in
                var inner: [String] = []
                check(value, against: choice, at: path, problems: &inner)
                return inner.isEmpty
            }
            if passing.count != 1 { problems.append("\(path): matches \(passing.count) of oneOf, expected 1") }
        }
        if let object = value as? [String: Any] {
            for key in (schema["required"] as? [String]) ?? [] where object[key] == nil { problems.append("\(path): missing \(key)") }
            let properties = (schema["properties"] as? [String: Any]) ?? [:]
            for (key, child) in object {
                if let childSchema = properties[key] as? [String: Any] {
                    check(child, against: childSchema, at: "\(path).\(key)", problems: &problems)
                } else if (schema["additionalProperties"] as? Bool) == false {
                    problems.append("\(path): unexpected key \(key)")
                }
            }
        }
        if let array = value as? [Any], let itemSchema = schema["items"] as? [String: Any] {
            for (index, item) in array.enumerated() { check(item, against: itemSchema, at: "\(path)[\(index)]", problems: &problems) }
        }
    }

    private func matches(_ value: Any, type: String) -> Bool {
        switch type {
        case "null": return value is NSNull
        case "string": return value is String
        case "array": return value is [Any]
        case "object": return value is [String: Any]
        case "boolean": return (value as? NSNumber).map(isBoolean) ?? false
        case "integer":
            guard let number = value as? NSNumber, !isBoolean(number) else { return false }
            return number.doubleValue.rounded() == number.doubleValue
        case "number": return (value as? NSNumber).map { !isBoolean($0) } ?? false
        default: return false
        }
    }

    /// JSON true/false arrive as NSNumbers whose type code is "c" (char); numbers have other codes.
    private func isBoolean(_ number: NSNumber) -> Bool { String(cString: number.objCType) == "c" }

    private func equal(_ a: Any, _ b: Any) -> Bool {
        switch (a, b) {
        case (is NSNull, is NSNull): return true
        case (let x as String, let y as String): return x == y
        case (let x as NSNumber, let y as NSNumber): return x == y
        default: return false
        }
    }
}
