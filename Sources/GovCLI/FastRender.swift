/// `gov render FILE`, with `-o OUT` (or `--output OUT`) and `--format F`, read without ArgumentParser, as
/// `FastCheck` reads `gov check`: building the parser's model of the commands cost 13.8 million
/// instructions a process, more than rendering one report as text.
///
/// Only that shape (`PlainArguments`: each option at most once, no value that starts with `-`), and only a
/// request that passes `RenderRequest.validate()`: anything else — several files, `--output-dir`, a flag, `-o -`, an
/// unknown format, a Word file for a terminal — goes to ArgumentParser, which gives its usual help and errors.
struct FastRender {
    let request: RenderRequest

    init?(arguments: [String]) {
        guard arguments.count >= 3, arguments[1] == "render",
              let plain = PlainArguments(
                arguments.dropFirst(2), options: ["-o": "output", "--output": "output", "--format": "format"]),
              plain.operands.count == 1 else { return nil }
        var request = RenderRequest(files: plain.operands)
        request.output = plain.values["output"]
        request.format = plain.values["format"]
        guard (try? request.validate()) != nil else { return nil }
        self.request = request
    }

    func run() throws {
        try request.run()
    }
}
