/// The plainest shape of a command line, read without ArgumentParser (see `FastCheck`, `FastRender`):
/// operands and two-word options from a fixed table, each option at most once, no value or operand that
/// starts with `-` or is empty. Anything else is nil, and the command line goes to ArgumentParser, which
/// gives its usual help and errors: so a fast path can never accept what the full parser would refuse.
struct PlainArguments {
    /// Option values by key (`-o` and `--output` may share the key "output").
    let values: [String: String]
    let operands: [String]

    /// `arguments` are those after the subcommand; `options` maps each spelling to its key.
    init?(_ arguments: ArraySlice<String>, options: [String: String]) {
        var values: [String: String] = [:]
        var operands: [String] = []
        var index = arguments.startIndex
        while index < arguments.endIndex {
            let argument = arguments[index]
            if let key = options[argument] {
                let valueIndex = index + 1
                guard values[key] == nil, valueIndex < arguments.endIndex else { return nil }
                let value = arguments[valueIndex]
                guard !value.isEmpty, !value.hasPrefix("-") else { return nil }
                values[key] = value
                index += 2
            } else {
                guard !argument.isEmpty, !argument.hasPrefix("-") else { return nil }
                operands.append(argument)
                index += 1
            }
        }
        self.values = values
        self.operands = operands
    }
}
