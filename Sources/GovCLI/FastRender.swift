/// `gov render FILE`, with `-o OUT` (or `--output OUT`) and `--format F`, read without ArgumentParser, as
/// `FastCheck` reads `gov check`: building the parser's model of the commands cost 13.8 million
/// instructions a process, more than rendering one report as text.
///
/// Only that shape, each option at most once and no value that starts with `-`, and only a request that
/// passes `RenderRequest.validate()`: anything else — several files, `--output-dir`, a flag, `-o -`, an
/// unknown format, a Word file for a terminal — goes to ArgumentParser, which gives its usual help and errors.
struct FastRender {
    let request: RenderRequest

    init?(arguments: [String]) {
        guard arguments.count >= 3, arguments[1] == "render" else { return nil }
        var request = RenderRequest(files: [])
        var seen: Set<String> = []
        var index = 2
        while index < arguments.count {
            let argument = arguments[index]
            switch argument {
            case "-o", "--output", "--format":
                let key = argument == "--format" ? "format" : "output"
                guard seen.insert(key).inserted, index + 1 < arguments.count else { return nil }
                let value = arguments[index + 1]
                guard !value.isEmpty, !value.hasPrefix("-") else { return nil }
                if key == "format" { request.format = value } else { request.output = value }
                index += 2
            default:
                guard !argument.isEmpty, !argument.hasPrefix("-"), request.files.isEmpty else { return nil }
                request.files = [argument]
                index += 1
            }
        }
        guard !request.files.isEmpty, (try? request.validate()) != nil else { return nil }
        self.request = request
    }

    func run() throws {
        try request.run()
    }
}
